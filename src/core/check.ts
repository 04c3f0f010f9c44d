import type { Points } from './points.js';

/** The largest difference between two gradients of the same points, and where it is. */
export interface GradientError {
  /** Largest |g − exact| (Euclidean, per point) and the point where it occurs. */
  maxAbs: number;
  atAbs: number[];
  /** Largest |g − exact| / |exact| over points where exact ≠ 0, and where. */
  maxRel: number;
  atRel: number[];
}

/** Compares gradient `g` with `exact` row by row; rows that are not finite in either are skipped. */
export function compareGradients(at: Points, g: Points, exact: Points): GradientError {
  const { dim, count, data } = at;
  const result: GradientError = { maxAbs: 0, atAbs: [], maxRel: 0, atRel: [] };
  for (let r = 0, base = 0; r < count; r++, base += dim) {
    let diff = 0;
    let norm = 0;
    for (let d = 0; d < dim; d++) {
      diff += (g.data[base + d] - exact.data[base + d]) ** 2;
      norm += exact.data[base + d] ** 2;
    }
    [diff, norm] = [Math.sqrt(diff), Math.sqrt(norm)];
    if (!Number.isFinite(diff)) continue;
    const row = () => Array.from(data.subarray(base, base + dim));
    if (diff > result.maxAbs || result.atAbs.length === 0) [result.maxAbs, result.atAbs] = [diff, row()];
    if (norm > 0 && (diff / norm > result.maxRel || result.atRel.length === 0)) [result.maxRel, result.atRel] = [diff / norm, row()];
  }
  return result;
}
