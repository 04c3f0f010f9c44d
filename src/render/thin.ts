export { DEFAULT_MAX_ARROWS } from '../chart-kinds.js';

/**
 * The points of an `nx × ny` grid that carry arrows: ⌈n/s⌉ on each axis,
 * the same stride `s` on both so cells stay square, spread from edge to edge
 * (see `keptIndices`).
 */
export interface SubGrid {
  /** Every `stride`-th grid point on each axis is kept; 1 keeps them all. */
  stride: number;
  /** Points kept along x0 and x1: ⌈nx/s⌉ and ⌈ny/s⌉. */
  nx: number;
  ny: number;
}

/**
 * The sub-grid with the smallest stride s that keeps at most `max` points:
 * ⌈nx/s⌉·⌈ny/s⌉ ≤ max. That count never grows with s, and
 * ⌈nx/s⌉·⌈ny/s⌉ ≥ nx·ny/s², so the search starts at ⌊√(nx·ny/max)⌋ and
 * takes a step or two. Throws RangeError for a `max` below 1.
 */
export function subGrid(nx: number, ny: number, max: number): SubGrid {
  if (!(Number.isInteger(max) && max >= 1)) throw new RangeError(`subGrid: max must be an integer of at least 1, got ${max}`);
  const kept = (s: number) => Math.ceil(nx / s) * Math.ceil(ny / s);
  let stride = Math.max(1, Math.floor(Math.sqrt((nx * ny) / max)));
  while (kept(stride) > max) stride++;
  return { stride, nx: Math.ceil(nx / stride), ny: Math.ceil(ny / stride) };
}

/**
 * Indices of the `kept` points an axis of `n` keeps: spread evenly from 0 to
 * n − 1, so both edges stay; exactly every s-th point when s divides n − 1.
 * With kept = ⌈n/s⌉, no two are closer than s.
 */
export function keptIndices(n: number, kept: number): number[] {
  if (kept <= 1) return [0];
  return Array.from({ length: kept }, (_, k) => Math.round((k * (n - 1)) / (kept - 1)));
}

/** Rows of the full `nx × ny` grid (x0 fastest) that the sub-grid keeps, in grid order. */
export function subGridRows(nx: number, ny: number, sub: SubGrid): Uint32Array {
  const [is, js] = [keptIndices(nx, sub.nx), keptIndices(ny, sub.ny)];
  const rows = new Uint32Array(sub.nx * sub.ny);
  let k = 0;
  for (const j of js) for (const i of is) rows[k++] = j * nx + i;
  return rows;
}
