import type { Field } from '../core/field.js';
import type { LengthMode, Pivot } from '../chart-kinds.js';
import { gain, lengthOf } from './length.js';

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
  /** How length follows |∇f|. Default `linear`. */
  length?: LengthMode;
  /** Data units of arrow per unit of L(|∇f|) (see `lengthOf`). Default: the longest arrow spans FILL of a cell. */
  scale?: number;
  /** Default `tail`. */
  pivot?: Pivot;
  /**
   * The smaller pixel scale over each axis's own, `[min(sx, sy)/sx, min(sx, sy)/sy]`:
   * with unequal scales an arrow is laid out in pixels, so its angle on screen is
   * true. Default `[1, 1]` (equal scales, where data units and pixels agree).
   */
  aspect?: readonly [number, number];
  /** The field's rows to draw, in order (see `arrowGridRows`). Default every row. */
  rows?: ArrayLike<number>;
}

/** Longest arrow as a fraction of one grid cell. */
export const FILL = 0.9;
/** Arrows shorter than this many pixels are drawn as a dot. */
export const MIN_ARROW_PX = 3;
/** Longest head, in pixels, unless told otherwise (`--head-size`). */
export const MAX_HEAD_PX = 9;
/** A triangle with its apex at the origin, so the symbol sits on the arrow's tip; Vega scales ±1 to ±√size/2 px. */
export const HEAD_PATH = 'M0,0L-0.5,1L0.5,1Z';
const PIVOT_SHIFT: Record<Pivot, number> = { tail: 0, middle: 0.5, tip: 1 };

/** The mark of an arrowhead: HEAD_PATH filled with the arrows' colour (or their colour encoding), turned by `angle`. */
export function headMark(paint: { color?: string }): Record<string, unknown> {
  return { type: 'point', shape: HEAD_PATH, filled: true, opacity: 1, ...paint, strokeWidth: 0 };
}

/** The encoding of arrowheads at `x`, `y`, each turned and sized by its datum's `angle` and `size` (pixels, no scale). */
export function headEncoding(x: object, y: object, rest: Record<string, unknown>): Record<string, unknown> {
  return { x, y, angle: { field: 'angle', type: 'quantitative', scale: null }, size: { field: 'size', type: 'quantitative', scale: null }, ...rest };
}

/** The arrows, how many points were left out, the scale used and the largest |∇f| drawn. */
export interface Arrows {
  arrows: Arrow[];
  skipped: number;
  /** Data units (along the axis of the smaller pixel scale) per unit of L(|∇f|). */
  scale: number;
  maxMag: number;
}

/**
 * Lays out one arrow per finite grid point (of `rows` when given): length
 * `scale · L(|∇f|)` along ±∇f, placed on its point by `pivot`. Without a fixed
 * scale, the longest arrow spans FILL of a cell (`step`); an all-zero field
 * gives all dots. Points where f or ∇f is not finite are left out; the caller
 * reports how many. Only the drawn points get an object. Heads
 * are sized later by `drawHeads`, once the pixel scale is known.
 */
export function layoutArrows(field: Field, layout: ArrowLayout): Arrows {
  const { points, f, gradient } = field;
  const { length = 'linear', pivot = 'tail', aspect = [1, 1], rows } = layout;
  const count = rows ? rows.length : points.count;
  const g = gradient.data;
  const sign = layout.ascent ? 1 : -1;
  const maxMag = largestMagnitude(field, rows);
  const scale = layout.scale ?? autoScale(layout.step, length, maxMag);
  const shift = PIVOT_SHIFT[pivot];
  const arrows: Arrow[] = [];
  let skipped = 0;
  for (let r = 0; r < count; r++) {
    const i = rows ? rows[r] : r;
    const [x0, x1, g0, g1] = [points.data[2 * i], points.data[2 * i + 1], g[2 * i], g[2 * i + 1]];
    const mag = Math.hypot(g0, g1);
    if (!Number.isFinite(mag) || !Number.isFinite(f[i])) {
      skipped++;
      continue;
    }
    const k = sign * scale * gain(length, mag);
    const [u, v] = [g0 * k * aspect[0], g1 * k * aspect[1]];
    const [ax, ay] = [x0 - shift * u, x1 - shift * v];
    const [tx, ty] = [ax + u, ay + v];
    arrows.push({ x0, x1, f: f[i], g0, g1, mag, ax, ay, bx: tx, by: ty, tx, ty, angle: 0, size: 0, dot: false });
  }
  return { arrows, skipped, scale, maxMag };
}

/** The largest |∇f| over the field's rows (of `rows` when given) where f and ∇f are finite; 0 when there is none. */
export function largestMagnitude(field: Field, rows?: ArrayLike<number>): number {
  const { f, gradient } = field;
  const g = gradient.data;
  const count = rows ? rows.length : f.length;
  let max = 0;
  for (let r = 0; r < count; r++) {
    const i = rows ? rows[r] : r;
    const mag = Math.hypot(g[2 * i], g[2 * i + 1]);
    if (Number.isFinite(mag) && Number.isFinite(f[i]) && mag > max) max = mag;
  }
  return max;
}

/** The automatic arrow scale: the longest arrow (|∇f| = `maxMag`) spans FILL of a cell `cell` wide; 0 for an all-zero field. */
export function autoScale(cell: number, length: LengthMode, maxMag: number): number {
  return maxMag > 0 ? (FILL * cell) / lengthOf(length, maxMag) : 0;
}

/**
 * Sizes each head in pixels (40% of the arrow, at most `maxHead`), points it
 * along the arrow as it appears on screen (`sx`, `sy` pixels per data unit),
 * and ends the shaft inside the head so its square end never pokes past the
 * tip. Arrows under MIN_ARROW_PX become dots.
 */
export function drawHeads(arrows: Arrow[], sx: number, sy: number, maxHead = MAX_HEAD_PX): void {
  for (const a of arrows) {
    const [u, v] = [a.tx - a.ax, a.ty - a.ay];
    const lengthPx = Math.hypot(u * sx, v * sy);
    const { size, shaft } = head(lengthPx, maxHead);
    a.bx = a.ax + u * shaft;
    a.by = a.ay + v * shaft;
    a.angle = (Math.atan2(u * sx, v * sy) * 180) / Math.PI;
    a.size = size;
    a.dot = lengthPx < MIN_ARROW_PX;
  }
}

/** The head of an arrow `lengthPx` long (at most `maxHead` px): its area for Vega's `size`, and the shaft's length as a fraction of the arrow. */
export function head(lengthPx: number, maxHead = MAX_HEAD_PX): { size: number; shaft: number } {
  const headPx = Math.min(0.4 * lengthPx, maxHead);
  return { size: (2 * headPx) ** 2, shaft: lengthPx > 0 ? 1 - (0.7 * headPx) / lengthPx : 1 };
}
