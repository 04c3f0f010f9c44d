import { InputError } from './errors.js';
import type { Range } from './functions/types.js';
import type { PlotOptions } from './options.js';

/**
 * The rules between the chart's grid and size options: `points` before
 * `xstep`/`ystep` before `step` (points with a step of its own axis is a
 * contradiction), `aspect equal` with both width and height is one too, and a
 * plot side under the smallest that draws is refused with that size.
 * Returns the spacing along each axis.
 */
export function chartRules(options: PlotOptions, { xrange, yrange, step }: { xrange: Range; yrange: Range; step: number }): { xstep: number; ystep: number } {
  if (options.points && (options.xstep !== undefined || options.ystep !== undefined)) {
    throw new InputError('points', `sets the spacing of both axes and cannot be used with --${options.xstep !== undefined ? 'xstep' : 'ystep'}; choose one`);
  }
  if (options.aspect === 'equal' && options.width !== undefined && options.height !== undefined) {
    throw new InputError('aspect', 'equal cannot be used with both --width and --height (they fix each axis\'s scale); give one of them, or --aspect free');
  }
  if (options.points) {
    const [nx, ny] = options.points;
    return { xstep: (xrange[1] - xrange[0]) / (nx - 1), ystep: (yrange[1] - yrange[0]) / (ny - 1) };
  }
  return { xstep: options.xstep ?? step, ystep: options.ystep ?? step };
}
