import type { DescentPath, StopReason } from '../core/descent.js';
import type { Field } from '../core/field.js';
import type { Hyperparameter, OptimizerName } from '../core/optimizers.js';
import type { Streamline } from '../core/streamlines.js';

const COLUMNS = 'x0,x1,f,g0,g1';
const ROWS_PER_CHUNK = 4096;

// Shortest text that reads back to the same float64; not-finite becomes an empty cell.
function cell(v: number): string {
  return Number.isFinite(v) ? String(v) : '';
}

/**
 * The field as CSV, `x0,x1,f,g0,g1`, one row per grid point in grid order,
 * g = ∇f (not negated). Yields chunks of rows so a large grid streams.
 */
export function* csvChunks(field: Field): Generator<string> {
  const { points, f, gradient } = field;
  const [p, g] = [points.data, gradient.data];
  yield COLUMNS + '\n';
  let chunk = '';
  for (let i = 0; i < points.count; i++) {
    chunk += `${cell(p[2 * i])},${cell(p[2 * i + 1])},${cell(f[i])},${cell(g[2 * i])},${cell(g[2 * i + 1])}\n`;
    if ((i + 1) % ROWS_PER_CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

// JSON has no NaN or Infinity: not-finite becomes null.
function json(v: number): string {
  return Number.isFinite(v) ? String(v) : 'null';
}

/**
 * The field as JSON: the entries of `meta` (the request, the function), then
 * `"points": [{x0, x1, f, g0, g1}, …]` in grid order, streamed in chunks.
 */
export function* jsonChunks(field: Field, meta: Record<string, unknown>): Generator<string> {
  const { points, f, gradient } = field;
  const [p, g] = [points.data, gradient.data];
  const head = Object.entries(meta)
    .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v, null, 2).replace(/\n/g, '\n  ')},\n`)
    .join('');
  yield `{\n${head}  "points": [\n`;
  let chunk = '';
  for (let i = 0; i < points.count; i++) {
    const sep = i + 1 < points.count ? ',\n' : '\n';
    chunk += `    {"x0": ${json(p[2 * i])}, "x1": ${json(p[2 * i + 1])}, "f": ${json(f[i])}, "g0": ${json(g[2 * i])}, "g1": ${json(g[2 * i + 1])}}${sep}`;
    if ((i + 1) % ROWS_PER_CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk + '  ]\n}\n';
}

/** One descent path as data (the JSON output's `paths`, the library's `descend`); not-finite numbers are null. */
export interface PathRecord {
  optimizer: OptimizerName;
  lr: number;
  /** The optimizer's other hyperparameters, defaults included. */
  params: Partial<Record<Hyperparameter, number>>;
  start: [number, number];
  /** The start, then the point after each update. */
  points: [number, number][];
  /** f at each point. */
  f: (number | null)[];
  /** ∇f at each point (the true gradient). */
  gradient: [number | null, number | null][];
  /** Null when every update was made. */
  stopped: StopReason | null;
}

const orNull = (v: number) => (Number.isFinite(v) ? v : null);

/** A path as plain data. */
export function pathRecord(path: DescentPath): PathRecord {
  const { optimizer, lr, params } = path.optimizer;
  const rows = Array.from({ length: path.count }, (_, k) => k);
  return {
    optimizer,
    lr,
    params,
    start: [path.start[0], path.start[1]],
    points: rows.map((k) => [path.points[2 * k], path.points[2 * k + 1]]),
    f: rows.map((k) => orNull(path.f[k])),
    gradient: rows.map((k) => [orNull(path.gradient[2 * k]), orNull(path.gradient[2 * k + 1])]),
    stopped: path.stopped,
  };
}

const PATH_COLUMNS = 'path,optimizer,lr,step,x0,x1,f,g0,g1';

/** The paths as CSV, `path,optimizer,lr,step,x0,x1,f,g0,g1`: `path` numbers the start × optimizer pairs from 1, `step` from 0 at the start. */
export function* pathsCsvChunks(paths: readonly DescentPath[]): Generator<string> {
  yield PATH_COLUMNS + '\n';
  for (const [i, { optimizer, points: p, f, gradient: g, count }] of paths.entries()) {
    let chunk = '';
    for (let k = 0; k < count; k++) {
      chunk += `${i + 1},${optimizer.optimizer},${optimizer.lr},${k},${cell(p[2 * k])},${cell(p[2 * k + 1])},${cell(f[k])},${cell(g[2 * k])},${cell(g[2 * k + 1])}\n`;
    }
    yield chunk;
  }
}

/** Streamlines for JSON: each its points `[x0, x1]` in the direction of the flow and |∇f| at each; not-finite becomes null. */
export function streamlineRows(lines: Streamline[]): { points: (number | null)[][]; magnitude: (number | null)[] }[] {
  const value = (v: number) => (Number.isFinite(v) ? v : null);
  return lines.map(({ points, magnitude }) => ({
    points: Array.from({ length: points.count }, (_, i) => [value(points.data[2 * i]), value(points.data[2 * i + 1])]),
    magnitude: Array.from(magnitude, value),
  }));
}
