import { dirname } from 'node:path';
import type { Writable } from 'node:stream';
import { isChart, produce } from './output/produce.js';
import { pathsCsvChunks } from './output/data.js';
import { writeAtomic, writeStdout, type Chunks } from './output/write.js';
import { plot, type Plot } from './plot.js';
import type { PlotRequest } from './request.js';
import { mark } from './util/timings.js';

/** A failure while working (not bad input): the CLI exits 1. */
export class RunError extends Error {}

/**
 * Runs one checked request end to end: computes the field (and the chart when
 * the format is one), then writes the output atomically, or to stdout for `-`.
 * Resolves to the plot so callers can report warnings and the check.
 */
export async function runRequest(request: PlotRequest, { stdout, signal }: { stdout?: Writable; signal?: AbortSignal } = {}): Promise<Plot> {
  const result = await plot(request, { chart: request.format !== undefined && isChart(request.format) });
  mark('compute');
  if (request.out === undefined || request.format === undefined) return result;
  if (isChart(request.format) && !anyFinite(result)) {
    throw new RunError(`nothing to draw: f or its gradient is not finite at any of the ${request.nx * request.ny} grid points; check the function and the range`);
  }
  const chunks = until(await produce(result, request.format), signal);
  mark('render');
  if (request.out === '-') await writeStdout(chunks, stdout);
  else await writeFile(request.out, chunks);
  if (request.pathsOut && result.paths) await writeFile(request.pathsOut, pathsCsvChunks(result.paths));
  mark('write');
  return result;
}

async function writeFile(path: string, chunks: Chunks): Promise<void> {
  try {
    await writeAtomic(path, chunks);
  } catch (error) {
    throw writeFailure(path, error as Error);
  }
}

// An empty chart is a failure, not a picture (a batch reports it with the chart's index).
function anyFinite({ field }: Plot): boolean {
  const g = field.gradient.data;
  for (let i = 0; i < field.f.length; i++) {
    if (Number.isFinite(field.f[i]) && Number.isFinite(g[2 * i]) && Number.isFinite(g[2 * i + 1])) return true;
  }
  return false;
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
function* until(chunks: Iterable<string | Uint8Array>, signal?: AbortSignal): Generator<string | Uint8Array> {
  for (const chunk of chunks) {
    signal?.throwIfAborted();
    yield chunk;
  }
}
