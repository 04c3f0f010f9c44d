import type { ScalarFunction } from '../function-types.js';
import { numericalGradient, type GradientOptions } from './gradient.js';
import type { Points } from './points.js';

/** A function sampled on points: its values and its gradient, row for row. */
export interface Field {
  readonly points: Points;
  /** f at each point. */
  readonly f: Float64Array;
  /** ∇f at each point (the true gradient, never negated). */
  readonly gradient: Points;
}

/** f at every row of `at`, through one scratch row (no allocation per point); into `values` when given. */
export function evaluate(fn: ScalarFunction, at: Points, values: Float64Array = new Float64Array(at.count)): Float64Array {
  const { data, dim, count } = at;
  const x = new Float64Array(dim);
  for (let r = 0, base = 0; r < count; r++, base += dim) {
    for (let d = 0; d < dim; d++) x[d] = data[base + d];
    values[r] = fn.f(x);
  }
  return values;
}

/** Samples f and ∇f at every point. */
export function sampleField(fn: ScalarFunction, at: Points, options?: GradientOptions): Field {
  return { points: at, f: evaluate(fn, at), gradient: numericalGradient(fn, at, options) };
}

/** How many points have f or a component of ∇f that is not finite (NaN, ±∞). */
export function notFinite({ f, gradient }: Field): number {
  const g = gradient.data;
  let count = 0;
  for (let i = 0; i < f.length; i++) {
    if (!(Number.isFinite(f[i]) && Number.isFinite(g[2 * i]) && Number.isFinite(g[2 * i + 1]))) count++;
  }
  return count;
}
