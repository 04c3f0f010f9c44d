import { LIMITS } from '../util/limits.js';
import { points, type Points } from './points.js';

/** Largest number of grid points a request may ask for, checked before anything is allocated. */
export const MAX_POINTS = LIMITS.points.max;

/**
 * Number of values on an axis: `min + i·step` for i = 0, 1, …, including `max`
 * when `(max − min)/step` is a whole number within 1e-9, as `arange(min, max + step, step)`
 * would intend without its rounding surprises.
 */
export function axisLength(min: number, max: number, step: number): number {
  const span = (max - min) / step;
  const whole = Math.round(span);
  return (Math.abs(span - whole) <= 1e-9 ? whole : Math.floor(span)) + 1;
}

/** Axis values `min + i·step`, computed from `i` and never accumulated. */
export function axis(min: number, max: number, step: number): Float64Array {
  const n = axisLength(min, max, step);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = min + i * step;
  return values;
}

/**
 * The flattened meshgrid of two axes as rows `(x0, x1)`, in numpy's order:
 * x0 varies fastest, then x1. Row `j·xs.length + i` is `(xs[i], ys[j])`.
 * Fills `data` when given (e.g. memory shared with worker threads).
 */
export function meshgrid(xs: Float64Array, ys: Float64Array, data: Float64Array = new Float64Array(xs.length * ys.length * 2)): Points {
  const nx = xs.length;
  let k = 0;
  for (let j = 0; j < ys.length; j++) {
    for (let i = 0; i < nx; i++) {
      data[k++] = xs[i];
      data[k++] = ys[j];
    }
  }
  return points(data, 2);
}
