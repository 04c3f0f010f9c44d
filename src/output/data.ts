import type { DescentPath, StopReason } from '../core/descent.js';
import type { Field } from '../core/field.js';
import type { Hyperparameter, OptimizerName } from '../core/optimizers.js';
import type { Streamline } from '../core/streamlines.js';

const COLUMNS = 'x0,x1,f,g0,g1';
/** Rows formatted and written at a time. */
export const ROWS_PER_CHUNK = 4096;

// Shortest text that reads back to the same float64; not-finite becomes an empty cell.
function cell(v: number): string {
  return Number.isFinite(v) ? String(v) : '';
}

// JSON has no NaN or Infinity: not-finite becomes null.
function json(v: number): string {
  return Number.isFinite(v) ? String(v) : 'null';
}

/** The arrays of a field that its rows are formatted from. */
export interface FieldRows {
  /** x0, x1 of each point. */
  p: Float64Array;
  f: Float64Array;
  /** g0, g1 of each point. */
  g: Float64Array;
}

/** Rows `start` to `end` (excluded) of a field as CSV lines. */
export function csvRows({ p, f, g }: FieldRows, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) text += `${cell(p[2 * i])},${cell(p[2 * i + 1])},${cell(f[i])},${cell(g[2 * i])},${cell(g[2 * i + 1])}\n`;
  return text;
}

/** Rows `start` to `end` (excluded) of a field as JSON objects, each followed by a comma but the field's last. */
export function jsonRows({ p, f, g }: FieldRows, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) {
    const sep = i + 1 < f.length ? ',\n' : '\n';
    text += `    {"x0": ${json(p[2 * i])}, "x1": ${json(p[2 * i + 1])}, "f": ${json(f[i])}, "g0": ${json(g[2 * i])}, "g1": ${json(g[2 * i + 1])}}${sep}`;
  }
  return text;
}

/** How each data format writes rows. */
export const ROWS = { csv: csvRows, json: jsonRows };

/** A data format's rows, and what comes before and after them. */
export interface DataText {
  kind: keyof typeof ROWS;
  head: string;
  tail: string;
}

/** CSV: `x0,x1,f,g0,g1`, one row per grid point in grid order, g = ∇f (not negated). */
export function csvText(): DataText {
  return { kind: 'csv', head: COLUMNS + '\n', tail: '' };
}

/** JSON: the entries of `meta` (the request, the function), then `"points": [{x0, x1, f, g0, g1}, …]` in grid order. */
export function jsonText(meta: Record<string, unknown>): DataText {
  const head = Object.entries(meta)
    .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v, null, 2).replace(/\n/g, '\n  ')},\n`)
    .join('');
  return { kind: 'json', head: `{\n${head}  "points": [\n`, tail: '  ]\n}\n' };
}

export const fieldRows = ({ points, f, gradient }: Field): FieldRows => ({ p: points.data, f, g: gradient.data });

/** A field's text in chunks of rows, formatted on this thread. */
export function* dataChunks(field: Field, text: DataText): Generator<string> {
  const rows = fieldRows(field);
  yield text.head;
  for (let start = 0; start < field.f.length; start += ROWS_PER_CHUNK) yield ROWS[text.kind](rows, start, Math.min(field.f.length, start + ROWS_PER_CHUNK));
  if (text.tail) yield text.tail;
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
