import { points, type Points } from './points.js';
import type { ScalarFunction } from '../function-types.js';

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
 * is ∇f at point `i`, as the book's `numerical_gradient` gives it. Refuses points whose row width is not the
 * function's dimension: that is the original post's mistake of passing one
 * array per axis.
 */
export function numericalGradient(
  fn: ScalarFunction,
  at: Points,
  options: GradientOptions = {},
  out: Float64Array = new Float64Array(at.count * at.dim),
): Points {
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
  if (out.length !== count * dim) throw new RangeError(`numericalGradient: out has ${out.length} numbers, expected ${count * dim}`);
  SCHEMES[method](fn, data, out, dim, h);
  return points(out, dim);
}

/** Fills `out` with the gradient of every row of `data`; each loops over all rows itself so the hot loop has no extra call. */
type Scheme = (fn: ScalarFunction, data: Float64Array, out: Float64Array, dim: number, h: number) => void;

// A scratch row is perturbed one coordinate at a time, as the book does, so nothing is allocated per point.
const SCHEMES: Record<Method, Scheme> = {
  central(fn, data, out, dim, h) {
    const { f } = fn;
    if (dim === 2) return central2(f, data, out, h);
    const x = new Float64Array(dim);
    for (let base = 0; base < data.length; base += dim) {
      for (let d = 0; d < dim; d++) x[d] = data[base + d];
      for (let d = 0; d < dim; d++) {
        const t = x[d];
        x[d] = t + h;
        const fp = f(x);
        x[d] = t - h;
        const fm = f(x);
        x[d] = t;
        out[base + d] = (fp - fm) / (2 * h);
      }
    }
  },
  forward(fn, data, out, dim, h) {
    const { f } = fn;
    const x = new Float64Array(dim);
    for (let base = 0; base < data.length; base += dim) {
      for (let d = 0; d < dim; d++) x[d] = data[base + d];
      const f0 = f(x);
      for (let d = 0; d < dim; d++) {
        const t = x[d];
        x[d] = t + h;
        out[base + d] = (f(x) - f0) / h;
        x[d] = t;
      }
    }
  },
  'five-point'(fn, data, out, dim, h) {
    const { f } = fn;
    const x = new Float64Array(dim);
    for (let base = 0; base < data.length; base += dim) {
      for (let d = 0; d < dim; d++) x[d] = data[base + d];
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
        out[base + d] = (m2 - 8 * m1 + 8 * f1 - f2) / (12 * h);
      }
    }
  },
  analytic(fn, data, out, dim) {
    const { grad } = fn;
    if (!grad) throw new RangeError('numericalGradient: method "analytic" needs a function with an exact gradient');
    const x = new Float64Array(dim);
    const g = new Float64Array(dim);
    for (let base = 0; base < data.length; base += dim) {
      for (let d = 0; d < dim; d++) x[d] = data[base + d];
      grad(x, g);
      for (let d = 0; d < dim; d++) out[base + d] = g[d];
    }
  },
};

/**
 * `central` for rows of two coordinates, every chart's case, written out without the loop over
 * coordinates (the hot loop of every chart), giving the same numbers bit for bit.
 */
function central2(f: ScalarFunction['f'], data: Float64Array, out: Float64Array, h: number): void {
  const x = new Float64Array(2);
  for (let base = 0; base < data.length; base += 2) {
    const [x0, x1] = [data[base], data[base + 1]];
    x[1] = x1;
    x[0] = x0 + h;
    const p0 = f(x);
    x[0] = x0 - h;
    const m0 = f(x);
    x[0] = x0;
    x[1] = x1 + h;
    const p1 = f(x);
    x[1] = x1 - h;
    const m1 = f(x);
    out[base] = (p0 - m0) / (2 * h);
    out[base + 1] = (p1 - m1) / (2 * h);
  }
}
