import type { Field } from '../core/field.js';

/** One arrow in data units, ready to draw; `dot` marks arrows too short to show a head. */
export interface Arrow {
  /** The grid point and its data. */
  x0: number;
  x1: number;
  f: number;
  g0: number;
  g1: number;
  /** |∇f| */
  mag: number;
  /** Tail, end of the shaft (under the head), and tip. */
  ax: number;
  ay: number;
  bx: number;
  by: number;
  tx: number;
  ty: number;
  /** Head direction in degrees clockwise from up, as Vega's `angle`. */
  angle: number;
  /** Head area in square pixels, as Vega's `size`. */
  size: number;
  dot: boolean;
}

export interface ArrowLayout {
  /** Grid spacing, in data units. */
  step: number;
  /** +∇f when true, −∇f otherwise. */
  ascent: boolean;
}

/** Longest arrow as a fraction of one grid cell. */
export const FILL = 0.9;
/** Arrows shorter than this many pixels are drawn as a dot. */
export const MIN_ARROW_PX = 3;
const MAX_HEAD_PX = 9;

/**
 * Lays out one arrow per finite grid point, tail at the point: length
 * proportional to |∇f|, scaled so the longest arrow spans FILL of a grid cell.
 * Points where f or ∇f is not finite are left out; the caller reports how
 * many. Heads are sized later by `drawHeads`, once the pixel scale is known.
 */
export function layoutArrows(field: Field, layout: ArrowLayout): { arrows: Arrow[]; skipped: number } {
  const { points, f, gradient } = field;
  const g = gradient.data;
  const sign = layout.ascent ? 1 : -1;
  let maxMag = 0;
  for (let i = 0; i < points.count; i++) {
    const mag = Math.hypot(g[2 * i], g[2 * i + 1]);
    if (Number.isFinite(mag) && Number.isFinite(f[i]) && mag > maxMag) maxMag = mag;
  }
  const k = maxMag > 0 ? (FILL * layout.step) / maxMag : 0;
  const arrows: Arrow[] = [];
  let skipped = 0;
  for (let i = 0; i < points.count; i++) {
    const [x0, x1, g0, g1] = [points.data[2 * i], points.data[2 * i + 1], g[2 * i], g[2 * i + 1]];
    const mag = Math.hypot(g0, g1);
    if (!Number.isFinite(mag) || !Number.isFinite(f[i])) {
      skipped++;
      continue;
    }
    const [tx, ty] = [x0 + sign * g0 * k, x1 + sign * g1 * k];
    arrows.push({ x0, x1, f: f[i], g0, g1, mag, ax: x0, ay: x1, bx: tx, by: ty, tx, ty, angle: 0, size: 0, dot: false });
  }
  return { arrows, skipped };
}

/**
 * Sizes each head in pixels (40% of the arrow, at most MAX_HEAD_PX), points it
 * along the arrow, and ends the shaft inside the head so its square end never
 * pokes past the tip. Arrows under MIN_ARROW_PX become dots.
 */
export function drawHeads(arrows: Arrow[], pixelsPerUnit: number): void {
  for (const a of arrows) {
    const [u, v] = [a.tx - a.ax, a.ty - a.ay];
    const lengthPx = Math.hypot(u, v) * pixelsPerUnit;
    const headPx = Math.min(0.4 * lengthPx, MAX_HEAD_PX);
    const back = lengthPx > 0 ? 1 - (0.7 * headPx) / lengthPx : 1;
    a.bx = a.ax + u * back;
    a.by = a.ay + v * back;
    a.angle = (Math.atan2(u, v) * 180) / Math.PI;
    a.size = (2 * headPx) ** 2;
    a.dot = lengthPx < MIN_ARROW_PX;
  }
}
