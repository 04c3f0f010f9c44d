import { autoScale } from '../render/arrows.js';
import type { LengthMode } from '../chart-kinds.js';

/** The option that may be `shared` in a batch. */
export const ARROW_SCALE: string = 'arrowScale';

/** The `arrowScale` value that asks for one scale across the charts of a batch. */
export const SHARED = 'shared';

/** What the shared scale needs of one chart. */
export interface Measured {
  /** What the chart's longest arrow fills: its cell's shorter side on screen, in data units (see `ArrowGrid.room`). */
  step: number;
  /** How its arrows' length follows |∇f|. */
  length: LengthMode;
  /** Its largest |∇f| (`measure`). */
  maxMagnitude: number;
  /** The least and greatest finite f over its grid, if any. */
  fRange?: [number, number];
}

/**
 * The one arrow scale (data units per unit of L(|∇f|), as `arrowScale`) at
 * which the longest arrow of every chart fits its own grid cell: the smallest
 * of the charts' automatic scales, FILL·step / L(max|∇f|). Charts with nothing
 * to draw (max 0) do not constrain it; undefined when no chart has anything.
 */
export function sharedArrowScale(charts: readonly Measured[]): number | undefined {
  let scale: number | undefined;
  for (const { step, length, maxMagnitude } of charts) {
    if (!(maxMagnitude > 0)) continue;
    const fit = autoScale(step, length, maxMagnitude);
    if (scale === undefined || fit < scale) scale = fit;
  }
  return scale;
}

/**
 * One colour domain per quantity across the charts: |∇f| from 0 to the
 * largest of them all (undefined when all are 0), f from the least to the
 * greatest (undefined when no chart has a finite f).
 */
export function sharedColorDomains(charts: readonly Measured[]): { magnitudeMax?: number; fDomain?: [number, number] } {
  let magnitudeMax = 0;
  let fDomain: [number, number] | undefined;
  for (const { maxMagnitude, fRange } of charts) {
    if (maxMagnitude > magnitudeMax) magnitudeMax = maxMagnitude;
    if (fRange) fDomain = fDomain ? [Math.min(fDomain[0], fRange[0]), Math.max(fDomain[1], fRange[1])] : [...fRange];
  }
  return { ...(magnitudeMax > 0 ? { magnitudeMax } : {}), ...(fDomain ? { fDomain } : {}) };
}
