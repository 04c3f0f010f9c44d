import type { ScalarFunction } from '../function-types.js';
import { runAll } from '../util/steps.js';
import { DEFAULT_H } from './gradient.js';
import { NearbyPoints } from './nearby.js';
import type { Points } from './points.js';

/** What a critical point is. */
export type CriticalKind = 'minimum' | 'maximum' | 'saddle';

export const CRITICAL_KINDS: readonly CriticalKind[] = ['minimum', 'maximum', 'saddle'];

/** A point where ∇f vanishes, with f there and its kind. */
export interface CriticalPoint {
  x0: number;
  x1: number;
  f: number;
  kind: CriticalKind;
}

export interface CriticalOptions {
  /** Difference step for ∇f when the function has no exact gradient, in units of x. Default 1e-4. */
  h?: number;
}

const MAX_NEWTON = 100;

/**
 * The critical points of `fn` inside the grid `xs × ys`, found from its
 * sampled gradient (rows of `meshgrid(xs, ys)`): every cell where both
 * components change sign (or touch zero) is refined by Newton's method on ∇f,
 * with the Hessian from central differences of ∇f. ∇f is the exact gradient
 * when the function has one, central differences with step `h` otherwise.
 * Each point is classified by the Hessian's eigenvalues; when one is about
 * zero, by the values of f on a small circle around it. Points that are not
 * isolated are left out: where Newton meets a singular Hessian (a line of
 * minima) or f is level along some direction without being a saddle (a
 * plateau, an all-zero field). Sorted as the grid's rows: by x1, then x0.
 * The work is O(n log n) in the number of points found.
 */
export function criticalPoints(fn: ScalarFunction, xs: Float64Array, ys: Float64Array, gradient: Points, options: CriticalOptions = {}): CriticalPoint[] {
  return runAll(criticalSteps(fn, xs, ys, gradient, options));
}

/** criticalPoints as steps, pausing after each cell it refines (see util/steps.ts). */
export function* criticalSteps(
  fn: ScalarFunction,
  xs: Float64Array,
  ys: Float64Array,
  gradient: Points,
  options: CriticalOptions = {},
): Generator<void, CriticalPoint[]> {
  const [nx, ny] = [xs.length, ys.length];
  const g = gradient.data;
  const step = Math.min(xs[1] - xs[0], ys[1] - ys[0]);
  let maxMag = 0;
  for (let r = 0; r < nx * ny; r++) {
    const m = Math.hypot(g[2 * r], g[2 * r + 1]);
    if (m > maxMag) maxMag = m;
  }
  if (maxMag === 0) return [];
  const h = options.h ?? DEFAULT_H;
  const local = new Local(fn, h, step);
  // Differences with step h cannot tell apart points a few h apart (a monkey saddle splits in two).
  const same = Math.max(1e-6 * step, 10 * h);
  const found: CriticalPoint[] = [];
  const seen = new NearbyPoints(same);
  for (let j = 0; j + 1 < ny; j++) {
    yield;
    for (let i = 0; i + 1 < nx; i++) {
      const [r, s] = [2 * (j * nx + i), 2 * ((j + 1) * nx + i)];
      if (!straddles(g[r], g[r + 2], g[s], g[s + 2]) || !straddles(g[r + 1], g[r + 3], g[s + 1], g[s + 3])) continue;
      const [dx, dy] = [xs[i + 1] - xs[i], ys[j + 1] - ys[j]];
      // Newton may wander up to one cell away; farther, the point belongs to another cell.
      const box = [xs[i] - dx, xs[i + 1] + dx, ys[j] - dy, ys[j + 1] + dy];
      const p = local.newton(xs[i] + dx / 2, ys[j] + dy / 2, box, 1e-12 * maxMag);
      yield;
      if (!p || p[0] < xs[0] || p[0] > xs[nx - 1] || p[1] < ys[0] || p[1] > ys[ny - 1]) continue;
      if (Math.hypot(...local.gradient(p[0], p[1])) > 1e-6 * maxMag) continue;
      if (seen.has(p[0], p[1])) continue;
      const kind = local.classify(p[0], p[1], 1e-6 * (maxMag / step));
      if (!kind) continue;
      found.push({ x0: p[0], x1: p[1], f: local.f(p[0], p[1]), kind });
      seen.add(p[0], p[1]);
    }
  }
  // Row order, as the grid's: by x1, then x0, on keys that points told apart above never share.
  const key = (v: number) => Math.round(v / same);
  return found.sort((a, b) => key(a.x1) - key(b.x1) || key(a.x0) - key(b.x0));
}

// True when zero lies between the least and the greatest of four values (a sign change in the cell); NaN never does.
function straddles(a: number, b: number, c: number, d: number): boolean {
  return Math.min(a, b, c, d) <= 0 && Math.max(a, b, c, d) >= 0;
}

// ∇f, the Hessian and f near one point, evaluated through one scratch row.
class Local {
  private readonly x = new Float64Array(2);
  private readonly out = new Float64Array(2);
  private readonly grad: (x: Float64Array, out: Float64Array) => void;
  /** Step of the Hessian's differences: small against a cell, large against h. */
  private readonly delta: number;

  constructor(
    private readonly fn: ScalarFunction,
    h: number,
    private readonly step: number,
  ) {
    this.delta = 1e-3 * step;
    this.grad =
      fn.grad ??
      ((x, out) => {
        for (let d = 0; d < 2; d++) {
          const t = x[d];
          x[d] = t + h;
          const fp = fn.f(x);
          x[d] = t - h;
          const fm = fn.f(x);
          x[d] = t;
          out[d] = (fp - fm) / (2 * h);
        }
      });
  }

  f(x0: number, x1: number): number {
    [this.x[0], this.x[1]] = [x0, x1];
    return this.fn.f(this.x);
  }

  gradient(x0: number, x1: number): [number, number] {
    [this.x[0], this.x[1]] = [x0, x1];
    this.grad(this.x, this.out);
    return [this.out[0], this.out[1]];
  }

  /** [[∂²f/∂x0², ∂²f/∂x0∂x1], [∂²f/∂x1∂x0, ∂²f/∂x1²]] by central differences of ∇f, made symmetric. */
  hessian(x0: number, x1: number): [number, number, number] {
    const d = this.delta;
    const [a0, a1] = this.gradient(x0 + d, x1);
    const [b0, b1] = this.gradient(x0 - d, x1);
    const [c0, c1] = this.gradient(x0, x1 + d);
    const [e0, e1] = this.gradient(x0, x1 - d);
    return [(a0 - b0) / (2 * d), ((a1 - b1) / (2 * d) + (c0 - e0) / (2 * d)) / 2, (c1 - e1) / (2 * d)];
  }

  /**
   * Newton's method on ∇f = 0 from (x0, x1), until the step or |∇f| (below
   * `gtol`) is negligible; undefined if it leaves `box` or cannot step. The
   * |∇f| test ends the slow crawl at a degenerate point (x1⁴), where the
   * differenced Hessian no longer shrinks with the distance.
   */
  newton(x0: number, x1: number, [xlo, xhi, ylo, yhi]: number[], gtol: number): [number, number] | undefined {
    for (let k = 0; k < MAX_NEWTON; k++) {
      const [g0, g1] = this.gradient(x0, x1);
      if (Math.hypot(g0, g1) <= gtol) return [x0, x1];
      const [a, b, d] = this.hessian(x0, x1);
      const det = a * d - b * b;
      if (!(det !== 0 && Number.isFinite(det) && Number.isFinite(g0) && Number.isFinite(g1))) return undefined;
      const [s0, s1] = [-(d * g0 - b * g1) / det, -(a * g1 - b * g0) / det];
      [x0, x1] = [x0 + s0, x1 + s1];
      if (!(x0 >= xlo && x0 <= xhi && x1 >= ylo && x1 <= yhi)) return undefined;
      if (Math.hypot(s0, s1) <= 1e-10 * this.step) return [x0, x1];
    }
    return undefined;
  }

  /** By the Hessian's eigenvalues when both are clear of `tol`, else by f on a small circle around the point; undefined where f is level. */
  classify(x0: number, x1: number, tol: number): CriticalKind | undefined {
    const [a, b, d] = this.hessian(x0, x1);
    const [mean, r] = [(a + d) / 2, Math.hypot((a - d) / 2, b)];
    const [lo, hi] = [mean - r, mean + r];
    if (lo > tol) return 'minimum';
    if (hi < -tol) return 'maximum';
    if (lo < -tol && hi > tol) return 'saddle';
    const f0 = this.f(x0, x1);
    const radius = 0.01 * this.step;
    let [above, below, level] = [0, 0, 0];
    for (let k = 0; k < 16; k++) {
      const angle = (k * Math.PI) / 8;
      const df = this.f(x0 + radius * Math.cos(angle), x1 + radius * Math.sin(angle)) - f0;
      if (Math.abs(df) <= 1e-12 * (1 + Math.abs(f0))) level++;
      else if (df > 0) above++;
      else below++;
    }
    if (above > 0 && below > 0) return 'saddle';
    if (level > 0) return undefined;
    return below === 0 ? 'minimum' : 'maximum';
  }
}

/** At most `max` of `points`, spread over the list (every k-th), so a thinned set still covers the grid. */
export function spread<T>(points: readonly T[], max: number): T[] {
  const k = Math.ceil(points.length / max);
  return k <= 1 ? [...points] : points.filter((_, i) => i % k === 0);
}
