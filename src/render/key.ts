import { HEAD_PATH, head } from './arrows.js';
import type { LengthMode } from '../chart-kinds.js';
import { lengthOf } from './length.js';

/** What the key needs to know about the arrows. */
export interface KeyInput {
  length: LengthMode;
  /** Data units per unit of L(|∇f|), and pixels per data unit (the smaller of the two axes'). */
  scale: number;
  pixelsPerUnit: number;
  /** Largest |∇f| drawn. */
  maxMag: number;
  /** Width of the plot area, in pixels. */
  width: number;
  color: string;
  ink: string;
  /** Shaft width and longest head, in pixels, as the arrows have them. */
  arrowWidth?: number;
  headSize?: number;
}

/** How far above the plot area the key sits, in pixels. */
const KEY_OFFSET_PX = 12;

/**
 * The value the key shows: the largest 1, 2 or 5 × 10^k not above the largest
 * |∇f| whose arrow is at most a third of the plot's width. Undefined when
 * arrows carry no length (`none`) or the field is zero.
 */
export function keyValue({ length, scale, pixelsPerUnit, maxMag, width }: KeyInput): { value: number; px: number } | undefined {
  if (length === 'none' || !(maxMag > 0) || !(scale > 0)) return undefined;
  let k = Math.floor(Math.log10(maxMag));
  for (let tries = 0; tries < 60; tries++, k--) {
    for (const m of [5, 2, 1]) {
      const value = Number((m * 10 ** k).toPrecision(1));
      const px = scale * lengthOf(length, value) * pixelsPerUnit;
      if (value <= maxMag && px <= width / 3) return { value, px };
    }
  }
  return undefined;
}

/**
 * A length key like matplotlib's `quiverkey`: a reference arrow with the |∇f|
 * it stands for, above the plot area's right end, where it covers no arrow.
 * Positions are in pixels, so the key needs no data.
 */
export function keyLayer(input: KeyInput): Record<string, unknown> | undefined {
  const key = keyValue(input);
  if (!key) return undefined;
  const { width, color, ink, arrowWidth = 1.4 } = input;
  const y = { value: -KEY_OFFSET_PX };
  const { size, shaft } = head(key.px, input.headSize);
  return {
    data: { values: [{ label: `|∇f| = ${formatValue(key.value)}` }] },
    layer: [
      { mark: { type: 'rule', color, strokeWidth: arrowWidth }, encoding: { x: { value: width - key.px }, x2: { value: width - key.px * (1 - shaft) }, y } },
      { mark: { type: 'point', shape: HEAD_PATH, filled: true, opacity: 1, color, strokeWidth: 0, angle: 90, size }, encoding: { x: { value: width }, y } },
      { mark: { type: 'text', align: 'right', baseline: 'middle', fontSize: 11, color: ink }, encoding: { x: { value: width - key.px - 6 }, y, text: { field: 'label' } } },
    ],
  };
}

function formatValue(v: number): string {
  return v >= 1e-4 && v < 1e6 ? String(v) : v.toExponential();
}
