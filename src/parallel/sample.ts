import { availableParallelism } from 'node:os';
import { evaluate, type Field } from '../core/field.js';
import { numericalGradient, type GradientOptions } from '../core/gradient.js';
import { meshgrid } from '../core/grid.js';
import { points } from '../core/points.js';
import type { ExpressionCode } from '../function-types.js';
import type { ScalarFunction } from '../function-types.js';
import { runAll, runSteps } from '../util/steps.js';
import { workerThreads } from '../util/lazy-builtins.js';

/** How another thread can rebuild the function: a built-in's name, or an expression's generated code. */
export type FunctionSource = { kind: 'builtin'; name: string } | { kind: 'code'; code: ExpressionCode };

/** Below this many points, threads are not worth starting. */
export const PARALLEL_MIN_POINTS = 1_000_000;

/**
 * Rows per chunk. Threads claim chunks in turn until none is left, so the
 * calling thread starts at once and a worker helps from when it has started:
 * never slower than one thread by more than the time to start them.
 */
export const CHUNK_ROWS = 1 << 16;

/** Rows between points where the calling thread may pause for signals (see runSteps). */
const STEP_ROWS = 1024;

/** Sampling options; once `signal` is aborted, sampling stops with its reason. */
export interface SampleOptions extends GradientOptions {
  signal?: AbortSignal;
}

/**
 * The flattened meshgrid of two axes with f and ∇f at every point, like
 * `sampleField(fn, meshgrid(xs, ys))`, but computed by the calling thread and
 * `threads - 1` worker threads together when the grid has at least
 * PARALLEL_MIN_POINTS points and there is more than one core. The rows live in
 * shared memory, so nothing is copied; the result is the same, bit for bit.
 * The calling thread pauses every few milliseconds, so an abort of
 * `options.signal` ends the work promptly.
 */
export async function sampleGrid(
  fn: ScalarFunction,
  source: FunctionSource | undefined,
  xs: Float64Array,
  ys: Float64Array,
  { signal, ...options }: SampleOptions = {},
  threads = availableParallelism(),
): Promise<Field> {
  const count = xs.length * ys.length;
  if (!source || threads < 2 || count < PARALLEL_MIN_POINTS) {
    const work: Rows = { data: meshgrid(xs, ys).data, f: new Float64Array(count), g: new Float64Array(2 * count), dim: 2 };
    await runSteps(rowSteps(fn, work, options, 0, count), signal);
    return { points: points(work.data, 2), f: work.f, gradient: points(work.g, 2) };
  }
  const shared = (n: number) => new Float64Array(new SharedArrayBuffer(n * Float64Array.BYTES_PER_ELEMENT));
  const work: Work = {
    data: meshgrid(xs, ys, shared(2 * count)).data,
    f: shared(count),
    g: shared(2 * count),
    dim: 2,
    chunks: new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT)),
  };
  // An expression's exact gradient is made on first use: sent only to the method that uses it.
  const sent: FunctionSource = source.kind === 'code' && options.method !== 'analytic' ? { kind: 'code', code: { f: source.code.f } } : source;
  const workers = Array.from({ length: threads - 1 }, () => inWorker({ ...work, source: sent, options }));
  try {
    await runSteps(computeSteps(fn, work, options), signal);
    // Every chunk is claimed: wait for those that workers are still computing (or for a worker's failure).
    await Promise.race([chunksDone(work), ...workers.map((w) => w.failed), ...(signal ? [aborted(signal)] : [])]);
  } finally {
    // A worker that is still starting has claimed nothing: it is not waited for.
    for (const w of workers) w.stop();
  }
  return { points: points(work.data, 2), f: work.f, gradient: points(work.g, 2) };
}

/** Rows of points, with f and ∇f to fill in. */
interface Rows {
  data: Float64Array;
  f: Float64Array;
  g: Float64Array;
  dim: number;
}

/** Shared rows (points, f and ∇f) and the chunk counters: [next to claim, done]. */
export interface Work extends Rows {
  chunks: Int32Array;
}

const [NEXT, DONE] = [0, 1];

const chunkCount = ({ f }: Work) => Math.ceil(f.length / CHUNK_ROWS);

/** Claims chunks until none is left, filling f and ∇f of their rows in place. */
export function computeChunks(fn: ScalarFunction, work: Work, options: GradientOptions): void {
  runAll(computeSteps(fn, work, options));
}

// computeChunks, pausing every STEP_ROWS rows.
function* computeSteps(fn: ScalarFunction, work: Work, options: GradientOptions): Generator<void, void> {
  const { f, chunks } = work;
  for (let c = Atomics.add(chunks, NEXT, 1); c < chunkCount(work); c = Atomics.add(chunks, NEXT, 1)) {
    yield* rowSteps(fn, work, options, c * CHUNK_ROWS, Math.min(f.length, (c + 1) * CHUNK_ROWS));
    Atomics.add(chunks, DONE, 1);
    Atomics.notify(chunks, DONE);
  }
}

// f and ∇f of rows start to end, pausing every STEP_ROWS rows.
function* rowSteps(fn: ScalarFunction, { data, f, g, dim }: Rows, options: GradientOptions, start: number, end: number): Generator<void, void> {
  for (let from = start; from < end; from += STEP_ROWS) {
    const to = Math.min(end, from + STEP_ROWS);
    const at = points(data.subarray(from * dim, to * dim), dim);
    evaluate(fn, at, f.subarray(from, to));
    numericalGradient(fn, at, options, g.subarray(from * dim, to * dim));
    yield;
  }
}

// Rejects with the signal's reason once it is aborted.
function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** Resolves when every chunk is done. */
export async function chunksDone(work: Work): Promise<void> {
  for (let done = Atomics.load(work.chunks, DONE); done < chunkCount(work); done = Atomics.load(work.chunks, DONE)) {
    await Atomics.waitAsync(work.chunks, DONE, done).value;
  }
}

/** What one worker is given. */
export interface WorkerTask extends Work {
  source: FunctionSource;
  options: GradientOptions;
}

/**
 * A worker thread that computes chunks of `task` until none is left, then
 * ends. `failed` rejects if it fails before `stop` ends it.
 */
export function inWorker(task: WorkerTask): { failed: Promise<never>; stop: () => void } {
  const worker = new (workerThreads().Worker)(new URL('./field-worker.js', import.meta.url), { workerData: task });
  let stopped = false;
  const failed = new Promise<never>((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0 && !stopped) reject(new Error(`gradient worker exited with code ${code}`));
    });
  });
  return {
    failed,
    stop: () => {
      stopped = true;
      void worker.terminate();
    },
  };
}
