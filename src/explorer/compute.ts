import { InputError } from '../errors.js';
import { parseOptions } from '../options.js';
import type { OptionsText } from '../options-text.js';
import { computePlot, type Plot } from '../plot.js';
import { resolveRequest } from '../request.js';
import { LIMITS } from '../util/limits.js';
import { grouped } from '../util/format-number.js';

/** What the page draws and its command line holds: descent only once there is a start to walk from. */
export function chartText(text: OptionsText): OptionsText {
  if (Array.isArray(text.start) && text.start.length) return text;
  const { descent: _descent, iterations: _iterations, panels: _panels, ...rest } = text;
  return rest;
}

/**
 * The plot of the page's options, through the command line's parsers, checks
 * and pipeline; one chart even with `panels` (which its command line keeps).
 * Throws InputError as the command line would, and for a grid the page does
 * not redraw as you type.
 */
export async function plotOfPage(text: OptionsText): Promise<Plot> {
  const { options, errors } = parseOptions(text);
  if (errors.length) throw new InputError(errors[0].key, errors[0].detail);
  const request = resolveRequest({ ...options, panels: undefined });
  const { max, what } = LIMITS.explorerPoints;
  if (request.nx * request.ny > max) {
    throw new InputError(
      'step',
      `${request.step} makes a grid of ${request.nx} × ${request.ny} = ${grouped(request.nx * request.ny)} points; ` +
        `the limit is ${grouped(max)} ${what}: use a larger step or a smaller range, or the command line`,
    );
  }
  return computePlot(request);
}

/** The line the command line would print for an error: `gradplot: --expr: …`, and the lines under it (a caret). */
export function errorLines(error: unknown): { line: string; context?: string } {
  if (error instanceof InputError) return { line: `gradplot: ${error.message}`, context: error.context };
  return { line: `gradplot: ${(error as Error).message}` };
}
