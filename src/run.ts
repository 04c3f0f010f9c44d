import { dirname } from 'node:path';
import type { Writable } from 'node:stream';
import { notFinite } from './core/field.js';
import { pathsCsvChunks } from './output/data.js';
import { isChart } from './chart-kinds.js';
import { produce } from './produce.js';
import { writeOutput, writeStdout, type Chunks } from './output/write.js';
import { computePlot, type Plot } from './plot.js';
import type { PlotRequest } from './request.js';
import { mark } from './util/timings.js';

/** A failure while working (not bad input): the CLI exits 1. */
export class RunError extends Error {}

/** How one run is watched from outside. */
export interface RunOptions {
  /** Where `-` writes. Default process.stdout. */
  stdout?: Writable;
  /** Once aborted, the work stops with its reason, and nothing is written. */
  signal?: AbortSignal;
  /** Called just before writing begins: no temporary file exists before it. */
  writing?: () => void;
}

/**
 * Runs one checked request end to end: computes the field (and the chart when
 * the format is one), then writes the output (see writeOutput), or to stdout for `-`.
 * Once `signal` is aborted the work stops with its reason, and nothing is written.
 * Resolves to the plot so callers can report warnings and the check.
 */
export async function runRequest(request: PlotRequest, { stdout, signal, writing }: RunOptions = {}): Promise<Plot> {
  const result = await computePlot(request, { chart: request.format !== undefined && isChart(request.format), signal });
  mark('compute');
  if (request.out === undefined || request.format === undefined) return result;
  if (isChart(request.format) && !anyFinite(result)) {
    throw new RunError(`nothing to draw: f or its gradient is not finite at any of the ${request.nx * request.ny} grid points; check the function and the range`);
  }
  const chunks = until(await produce(result, request.format), signal);
  mark('render');
  writing?.();
  if (request.out === '-') {
    try {
      await writeStdout(chunks, stdout);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw new RunError(`cannot write to stdout: ${(error as Error).message}`, { cause: error });
    }
  } else await writeFile(request.out, chunks, signal);
  if (request.pathsOut && result.paths) await writeFile(request.pathsOut, pathsCsvChunks(result.paths), signal);
  mark('write');
  return result;
}

async function writeFile(path: string, chunks: Chunks, signal?: AbortSignal): Promise<void> {
  try {
    await writeOutput(path, chunks, { signal });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw writeFailure(path, error as Error);
  }
}

// An empty chart is a failure, not a picture (a batch reports it with the chart's index).
function anyFinite({ field }: Plot): boolean {
  return notFinite(field) < field.f.length;
}

/** A file that could not be written, said in the user's terms: the temporary file's name means nothing to them. */
export function writeFailure(out: string, error: Error): RunError {
  return new RunError(`cannot write ${out}: ${whyNot(out, error)}`, { cause: error });
}

function whyNot(out: string, error: NodeJS.ErrnoException): string {
  const folder = dirname(out);
  if (error.code === 'ENOENT') return `ENOENT: the folder ${folder} does not exist (gradplot creates no folders)`;
  if (error.code === 'ENOTDIR') return `ENOTDIR: ${folder} is not a folder`;
  if (error.code === 'EACCES') return `EACCES: no permission to write in ${folder}`;
  return error.code ? `${error.code}: ${error.message.replace(/'[^']*\.tmp'/g, `'${out}'`)}` : error.message;
}

// The chunks until `signal` aborts: an export stops between two chunks, and its temporary file goes.
async function* until(chunks: Chunks, signal?: AbortSignal): AsyncGenerator<string | Uint8Array> {
  for await (const chunk of chunks) {
    signal?.throwIfAborted();
    yield chunk;
  }
}
