import { DEFAULT_MAX_ARROWS, type Aspect } from '../chart-kinds.js';
import { chartAspect, pixelScales } from '../chart-size.js';
import { axisLength } from '../core/grid.js';
import type { Range } from '../functions/types.js';

/** One axis of the arrow grid: `kept` of its `n` points carry arrows, `stride` apart. */
export interface AxisPoints {
  /** Points of the full grid on this axis. */
  n: number;
  /** Every stride-th point is kept (spread evenly, both ends kept, when stride does not divide n − 1); 1 keeps them all. */
  stride: number;
  /** ⌈n/stride⌉. */
  kept: number;
}

/** The points of the grid that carry arrows: the full grid unless it has more than `maxArrows` points. */
export interface ArrowGrid {
  x: AxisPoints;
  y: AxisPoints;
  /** Width and height of an arrow's cell, in data units: stride × step on each axis. */
  cell: [number, number];
  /**
   * The cell's shorter side on screen, in data units of the axis with fewer
   * pixels per unit: what the longest arrow fills. With one scale for both
   * axes, the shorter of `cell`; with axes scaled apart, taken at the ranges'
   * scales (the chart's own, on its padded domain, differ by a fraction of a percent).
   */
  room: number;
}

/** What decides the arrow grid: the grid, the limit, and what sets the chart's pixel scales. */
export interface ArrowGridOptions {
  xrange: Range;
  yrange: Range;
  step: number;
  xstep?: number;
  ystep?: number;
  /** Default DEFAULT_MAX_ARROWS. */
  maxArrows?: number;
  aspect?: Aspect;
  width?: number;
  height?: number;
  size?: number;
}

/** A stride may grow by this fraction to one that divides n − 1, so the kept points are exactly every s-th. */
const EXACT_STRIDE_SLACK = 0.25;

/**
 * The points of the chart's grid that carry arrows: every point when there
 * are at most `maxArrows`; else the strides that keep arrows at least d pixels
 * apart along both axes for the least d whose count fits the limit. An axis
 * whose points are already further apart on screen is thinned less, or not at
 * all. Scales come from the grid's ranges (see `pixelScales`).
 */
export function arrowGrid(options: ArrowGridOptions): ArrowGrid {
  const { xrange, yrange, step, xstep = step, ystep = step, maxArrows = DEFAULT_MAX_ARROWS } = options;
  const [nx, ny] = [axisLength(xrange[0], xrange[1], xstep), axisLength(yrange[0], yrange[1], ystep)];
  const [sx, sy] = pixelScales(xrange, yrange, chartAspect(options).aspect, options);
  const [a, b] = strides(nx, ny, maxArrows, (ystep * sy) / (xstep * sx));
  const cell: [number, number] = [a * xstep, b * ystep];
  const room = sx === sy ? Math.min(...cell) : Math.min(cell[0] * sx, cell[1] * sy) / Math.min(sx, sy);
  return { x: axisPoints(nx, a), y: axisPoints(ny, b), cell, room };
}

/**
 * Strides [a, b] for an `nx × ny` grid whose x1 step is `ratio` times as long
 * on screen as its x0 step, with ⌈nx/a⌉·⌈ny/b⌉ ≤ max: the least spacing d (in
 * x0 steps on screen) such that a = ⌈d⌉ and b = ⌈d/ratio⌉ fit, each then
 * widened to a stride that divides n − 1 when one is near. Ratio 1 gives one
 * stride for both. Throws RangeError for a `max` below 1.
 */
export function strides(nx: number, ny: number, max: number, ratio: number): [number, number] {
  if (!(Number.isInteger(max) && max >= 1)) throw new RangeError(`strides: max must be an integer of at least 1, got ${max}`);
  if (nx * ny <= max) return [1, 1];
  const at = (d: number): [number, number] => [strideFor(d), strideFor(d / ratio)];
  const fits = (d: number) => {
    const [a, b] = at(d);
    return Math.ceil(nx / a) * Math.ceil(ny / b) <= max;
  };
  // The count changes only where one axis's stride steps up, at d = a or d = b·ratio; the last of each keeps one point.
  const dx = least(Math.max(nx, Math.ceil(ny * ratio)), (k) => fits(k));
  const dy = least(Math.max(ny, Math.ceil(nx / ratio)), (k) => fits(k * ratio)) * ratio;
  const [a, b] = at(Math.min(dx, dy));
  return [exactStride(nx, a), exactStride(ny, b)];
}

// The stride that keeps points at least `d` steps apart; the relative slack absorbs rounding in d = b·ratio.
function strideFor(d: number): number {
  return Math.max(1, Math.ceil(d * (1 - 1e-12)));
}

// The least k in [1, hi] with ok(k), for ok false then true; ok(hi) must hold.
function least(hi: number, ok: (k: number) => boolean): number {
  let lo = 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// A stride up to EXACT_STRIDE_SLACK larger that divides n − 1, else `s`; fewer points only, so the count still fits.
function exactStride(n: number, s: number): number {
  if (Math.ceil(n / s) <= 2) return s;
  for (let t = s; t <= s * (1 + EXACT_STRIDE_SLACK); t++) if ((n - 1) % t === 0) return t;
  return s;
}

function axisPoints(n: number, stride: number): AxisPoints {
  return { n, stride, kept: Math.ceil(n / stride) };
}

/** Whether the arrow grid leaves out any point. */
export function thinned({ x, y }: ArrowGrid): boolean {
  return x.kept < x.n || y.kept < y.n;
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

/** Rows of the full grid (x0 fastest) that carry arrows, in grid order. */
export function arrowGridRows({ x, y }: ArrowGrid): Uint32Array {
  const [is, js] = [keptIndices(x.n, x.kept), keptIndices(y.n, y.kept)];
  const rows = new Uint32Array(x.kept * y.kept);
  let k = 0;
  for (const j of js) for (const i of is) rows[k++] = j * x.n + i;
  return rows;
}

/**
 * Which points carry arrows, for people: "every 5th point on each axis",
 * "67 of 401 points along x0, all 5 points along x1".
 */
export function describeArrowGrid({ x, y }: ArrowGrid): string {
  const [px, py] = [describeAxis(x), describeAxis(y)];
  return px === py ? `${px} on each axis` : `${px} along x0, ${py} along x1`;
}

function describeAxis({ n, stride, kept }: AxisPoints): string {
  if (kept === n) return `all ${n} points`;
  if (kept > 2 && (n - 1) % stride === 0) return `every ${ordinal(stride)} point`;
  return `${kept} of ${n} points`;
}

// 2nd, 3rd, 11th, 41st.
function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th')}`;
}
