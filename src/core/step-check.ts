import type { Field } from './field.js';

/** Why a difference step is too small for a grid. */
export type StepProblem =
  /** At coordinate `at` of axis `axis`, (x + h) − x is `step`, more than 1 % away from h: rounding eats the step. */
  | { kind: 'rounding'; axis: 0 | 1; at: number; step: number }
  /** ∇f is 0 at every point while f is not constant. */
  | { kind: 'flat' };

/** Relative error of (x + h) − x past which the difference quotient is mostly rounding. */
const TOLERANCE = 0.01;

/**
 * Whether central (or forward, five-point) differences with step `h` measure
 * rounding rather than f on this grid: the worst coordinate where x + h is not
 * x plus h within 1 %, else a gradient that is 0 everywhere on a varying f.
 */
export function stepProblem(axes: readonly [Float64Array, Float64Array], h: number, field: Field): StepProblem | undefined {
  let worst: StepProblem | undefined;
  let worstError = TOLERANCE;
  for (const axis of [0, 1] as const) {
    for (const x of axes[axis]) {
      const step = x + h - x;
      const error = Math.abs(step - h) / h;
      if (error > worstError) [worst, worstError] = [{ kind: 'rounding', axis, at: x, step }, error];
    }
  }
  if (worst) return worst;
  const g = field.gradient.data;
  for (let i = 0; i < g.length; i++) if (g[i] !== 0) return undefined;
  let [lo, hi] = [Infinity, -Infinity];
  for (const v of field.f) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  return hi > lo ? { kind: 'flat' } : undefined;
}
