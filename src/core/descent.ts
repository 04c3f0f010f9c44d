import type { Range, ScalarFunction } from '../function-types.js';
import { numericalGradient, type GradientOptions } from './gradient.js';
import { updater, type Optimizer } from './optimizers.js';
import { points } from './points.js';

/** Why a path ended before its last update: a point, f or ∇f that is not finite, or a point outside the box. */
export type StopReason = 'not-finite' | 'left-box';

/** The box a path must stay in: BOX_SPAN times the range's span on each axis, around the range's centre. */
export const BOX_SPAN = 10;

/** One optimizer's walk from one start: its points as rows, with f and ∇f at each. */
export interface DescentPath {
  optimizer: Optimizer;
  start: readonly [number, number];
  /** Rows (x0, x1): the start, then the point after each update. */
  points: Float64Array;
  /** f at each point. */
  f: Float64Array;
  /** ∇f at each point, rows (g0, g1), by the chart's own gradient method. */
  gradient: Float64Array;
  /** Number of points: iterations + 1, fewer when the path stopped. */
  count: number;
  /** Null when every update was made. */
  stopped: StopReason | null;
}

export interface DescentOptions {
  /** Updates to make. */
  iterations: number;
  /** The gradient the path follows: the chart's method and h. */
  gradient: GradientOptions;
  /** The ranges whose box (see BOX_SPAN) the path must stay in. */
  xrange: Range;
  yrange: Range;
}

/** [lo, hi] of each axis of the box a path must stay in. */
export function descentBox({ xrange, yrange }: Pick<DescentOptions, 'xrange' | 'yrange'>): [Range, Range] {
  const around = ([lo, hi]: Range): Range => [(lo + hi) / 2 - (BOX_SPAN / 2) * (hi - lo), (lo + hi) / 2 + (BOX_SPAN / 2) * (hi - lo)];
  return [around(xrange), around(yrange)];
}

/**
 * Walks `optimizer` from `start` for `iterations` updates, as the book's loop
 * does: at each point, ∇f (by `numericalGradient`, the chart's own), then one
 * update. Stops early, keeping what it has, when f or ∇f at a point is not
 * finite (that point is kept), or when an update gives a point that is not
 * finite or lies outside the box (that point is dropped).
 */
export function descentPath(fn: ScalarFunction, start: readonly [number, number], optimizer: Optimizer, options: DescentOptions): DescentPath {
  const { iterations } = options;
  const [[xlo, xhi], [ylo, yhi]] = descentBox(options);
  const update = updater(optimizer, 2);
  const [path, f, gradient] = [new Float64Array(2 * (iterations + 1)), new Float64Array(iterations + 1), new Float64Array(2 * (iterations + 1))];
  const p = Float64Array.from(start);
  const g = new Float64Array(2);
  let stopped: StopReason | null = null;
  let count = 0;
  for (let k = 0; ; k++) {
    if (!(Number.isFinite(p[0]) && Number.isFinite(p[1]))) {
      stopped = 'not-finite';
      break;
    }
    if (!(p[0] >= xlo && p[0] <= xhi && p[1] >= ylo && p[1] <= yhi)) {
      stopped = 'left-box';
      break;
    }
    path[2 * k] = p[0];
    path[2 * k + 1] = p[1];
    f[k] = fn.f(p);
    numericalGradient(fn, points(p, 2), options.gradient, g);
    gradient[2 * k] = g[0];
    gradient[2 * k + 1] = g[1];
    count = k + 1;
    if (!(Number.isFinite(f[k]) && Number.isFinite(g[0]) && Number.isFinite(g[1]))) {
      stopped = 'not-finite';
      break;
    }
    if (k === iterations) break;
    update(p, g);
  }
  return { optimizer, start, points: path.subarray(0, 2 * count), f: f.subarray(0, count), gradient: gradient.subarray(0, 2 * count), count, stopped };
}

/** The smallest [[x lo, x hi], [y lo, y hi]] holding every point of the paths; undefined when there are none. */
export function pathsExtent(paths: readonly DescentPath[]): [Range, Range] | undefined {
  let [xlo, xhi, ylo, yhi] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const { points: p, count } of paths) {
    for (let k = 0; k < count; k++) {
      [xlo, xhi] = [Math.min(xlo, p[2 * k]), Math.max(xhi, p[2 * k])];
      [ylo, yhi] = [Math.min(ylo, p[2 * k + 1]), Math.max(yhi, p[2 * k + 1])];
    }
  }
  return xlo <= xhi ? [[xlo, xhi], [ylo, yhi]] : undefined;
}

/**
 * `range` grown by whole steps at either end until it holds [lo, hi], so the
 * grid keeps its step and its points (min + i·step from the new min).
 */
export function growRange(range: Range, step: number, [lo, hi]: Range): Range {
  // A point a hair beyond the end (1e-9 of a step) needs no more grid.
  const below = Math.max(0, Math.ceil((range[0] - lo) / step - 1e-9));
  const above = Math.max(0, Math.ceil((hi - range[1]) / step - 1e-9));
  return [range[0] - below * step, range[1] + above * step];
}
