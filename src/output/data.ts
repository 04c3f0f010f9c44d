import type { Field } from '../core/field.js';

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
