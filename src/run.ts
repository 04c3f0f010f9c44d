import { notFinite } from './core/field.js';
import { isChart, produce } from './output/produce.js';
import { writeOutput, writeStdout } from './output/write.js';
import { plot, type Plot } from './plot.js';
import type { PlotRequest } from './request.js';
import { mark } from './util/timings.js';

/** A failure while working (not bad input): the CLI exits 1. */
export class RunError extends Error {}

/**
 * Runs one checked request end to end: computes the field (and the chart when
 * the format is one), then writes the output (see writeOutput), or to stdout for `-`.
 * Once `signal` is aborted the work stops with its reason, and nothing is written.
 * Resolves to the plot so callers can report warnings and the check.
 */
export async function runRequest(request: PlotRequest, { signal }: { signal?: AbortSignal } = {}): Promise<Plot> {
  const result = await plot(request, { chart: request.format !== undefined && isChart(request.format), signal });
  mark('compute');
  if (request.out === undefined || request.format === undefined) return result;
  if (isChart(request.format) && !anyFinite(result)) {
    throw new RunError(`nothing to draw: f or its gradient is not finite at any of the ${request.nx * request.ny} grid points; check the function and the range`);
  }
  const chunks = await produce(result, request.format);
  signal?.throwIfAborted();
  mark('render');
  if (request.out === '-') {
    try {
      await writeStdout(chunks);
    } catch (error) {
      throw new RunError(`cannot write to stdout: ${(error as Error).message}`, { cause: error });
    }
  } else {
    try {
      await writeOutput(request.out, chunks, { signal });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw new RunError(`cannot write ${request.out}: ${(error as Error).message}`, { cause: error });
    }
  }
  mark('write');
  return result;
}

// An empty chart is a failure, not a picture (a batch reports it with the chart's index).
function anyFinite({ field }: Plot): boolean {
  return notFinite(field) < field.f.length;
}
