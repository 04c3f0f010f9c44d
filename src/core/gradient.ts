import { points, type Points } from './points.js';
import type { ScalarFunction } from '../functions/types.js';

/** How the gradient is computed. */
export type Method = 'central' | 'forward' | 'five-point' | 'analytic';

export const METHODS: readonly Method[] = ['central', 'forward', 'five-point', 'analytic'];

/** The book's difference step. */
export const DEFAULT_H = 1e-4;

export interface GradientOptions {
  /** Difference step, in units of x. Default 1e-4 (the book's). */
  h?: number;
  /** Difference scheme, or `analytic` for the function's exact gradient. Default `central`. */
  method?: Method;
}

/**
 * The gradient of `fn` at every row of `at`, as rows of the same shape: row `i`
 * is ∇f at point `i`. Differences perturb one coordinate of a scratch copy of
 * the row at a time, as the book's `_numerical_gradient_no_batch` does, so no
 * memory is allocated per point. Refuses points whose row width is not the
 * function's dimension: that is the original post's mistake of passing one
 * array per axis.
 */
export function numericalGradient(fn: ScalarFunction, at: Points, options: GradientOptions = {}): Points {
  const { h = DEFAULT_H, method = 'central' } = options;
  const { dim, count, data } = at;
  if (dim !== fn.dim) {
    throw new RangeError(
      `numericalGradient: points have ${dim} coordinates per row but the function takes ${fn.dim}; ` +
        'pass one row per point (meshgrid gives rows), not one array per axis',
    );
  }
  if (method !== 'analytic' && !(h > 0 && Number.isFinite(h))) {
    throw new RangeError(`numericalGradient: h must be a positive finite number, got ${h}`);
  }
  const out = new Float64Array(count * dim);
  const x = new Float64Array(dim);
  const g = new Float64Array(dim);
  const step = stepper(fn, method, h);
  for (let r = 0, base = 0; r < count; r++, base += dim) {
    for (let d = 0; d < dim; d++) x[d] = data[base + d];
    step(x, g);
    for (let d = 0; d < dim; d++) out[base + d] = g[d];
  }
  return points(out, dim);
}

type Step = (x: Float64Array, g: Float64Array) => void;

// One function per scheme keeps each inner loop monomorphic and free of branches.
function stepper(fn: ScalarFunction, method: Method, h: number): Step {
  const { f, dim } = fn;
  switch (method) {
    case 'central':
      return (x, g) => {
        for (let d = 0; d < dim; d++) {
          const t = x[d];
          x[d] = t + h;
          const fp = f(x);
          x[d] = t - h;
          const fm = f(x);
          x[d] = t;
          g[d] = (fp - fm) / (2 * h);
        }
      };
    case 'forward':
      return (x, g) => {
        const f0 = f(x);
        for (let d = 0; d < dim; d++) {
          const t = x[d];
          x[d] = t + h;
          g[d] = (f(x) - f0) / h;
          x[d] = t;
        }
      };
    case 'five-point':
      return (x, g) => {
        for (let d = 0; d < dim; d++) {
          const t = x[d];
          x[d] = t + 2 * h;
          const f2 = f(x);
          x[d] = t + h;
          const f1 = f(x);
          x[d] = t - h;
          const m1 = f(x);
          x[d] = t - 2 * h;
          const m2 = f(x);
          x[d] = t;
          g[d] = (m2 - 8 * m1 + 8 * f1 - f2) / (12 * h);
        }
      };
    case 'analytic': {
      const grad = fn.grad;
      if (!grad) throw new RangeError('numericalGradient: method "analytic" needs a function with an exact gradient');
      return grad;
    }
  }
}
