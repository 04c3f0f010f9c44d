import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { evaluate, sampleField, type Field } from '../core/field.js';
import { numericalGradient, type GradientOptions } from '../core/gradient.js';
import { meshgrid } from '../core/grid.js';
import { points } from '../core/points.js';
import type { ExpressionCode } from '../functions/expression.js';
import type { ScalarFunction } from '../functions/types.js';

/** How another thread can rebuild the function: a built-in's name, or an expression's generated code. */
export type FunctionSource = { kind: 'builtin'; name: string } | { kind: 'code'; code: ExpressionCode };

/** Below this many points a worker's start-up (~30 ms) costs more than it saves. */
export const PARALLEL_MIN_POINTS = 1_000_000;

/**
 * The flattened meshgrid of two axes with f and ∇f at every point, like
 * `sampleField(fn, meshgrid(xs, ys))`, but with the rows split across worker
 * threads (the calling thread takes the first share) when the grid has at least
 * PARALLEL_MIN_POINTS points and there is more than one core. The rows live in
 * shared memory, so nothing is copied; the result is the same, bit for bit.
 */
export async function sampleGrid(
  fn: ScalarFunction,
  source: FunctionSource | undefined,
  xs: Float64Array,
  ys: Float64Array,
  options: GradientOptions = {},
  threads = availableParallelism(),
): Promise<Field> {
  const count = xs.length * ys.length;
  if (!source || threads < 2 || count < PARALLEL_MIN_POINTS) return sampleField(fn, meshgrid(xs, ys), options);
  const shared = (n: number) => new Float64Array(new SharedArrayBuffer(n * Float64Array.BYTES_PER_ELEMENT));
  const slices: Slice = { data: meshgrid(xs, ys, shared(2 * count)).data, f: shared(count), g: shared(2 * count), dim: 2 };
  const shares = split(count, threads);
  const workers = shares.slice(1).map(([start, end]) => inWorker({ ...slices, start, end, source, options }));
  computeSlice(fn, slices, shares[0][0], shares[0][1], options);
  await Promise.all(workers);
  return { points: points(slices.data, 2), f: slices.f, gradient: points(slices.g, 2) };
}

/** Shared rows: points, f and ∇f. */
export interface Slice {
  data: Float64Array;
  f: Float64Array;
  g: Float64Array;
  dim: number;
}

/** Fills f and ∇f for rows [start, end) in place. */
export function computeSlice(fn: ScalarFunction, { data, f, g, dim }: Slice, start: number, end: number, options: GradientOptions): void {
  const at = points(data.subarray(start * dim, end * dim), dim);
  evaluate(fn, at, f.subarray(start, end));
  numericalGradient(fn, at, options, g.subarray(start * dim, end * dim));
}

// Near-equal runs of rows, one per thread.
function split(count: number, threads: number): [number, number][] {
  return Array.from({ length: threads }, (_, i) => [Math.floor((i * count) / threads), Math.floor(((i + 1) * count) / threads)]);
}

/** What one worker is given. */
export interface WorkerTask extends Slice {
  start: number;
  end: number;
  source: FunctionSource;
  options: GradientOptions;
}

function inWorker(task: WorkerTask): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./field-worker.js', import.meta.url), { workerData: task });
    worker.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`gradient worker exited with code ${code}`))));
  });
}
