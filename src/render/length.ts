import type { LengthMode } from '../chart-kinds.js';

/** L(m), the length of an arrow of magnitude m in units of the arrow scale: m, √m, ln(1 + m), or 1 (direction only). */
export function lengthOf(mode: LengthMode, m: number): number {
  switch (mode) {
    case 'linear':
      return m;
    case 'sqrt':
      return Math.sqrt(m);
    case 'log':
      return Math.log1p(m);
    case 'none':
      return m > 0 ? 1 : 0;
  }
}

/** L(m)/m, what multiplies ∇f to give the arrow; exactly 1 for linear, 0 where m = 0. */
export function gain(mode: LengthMode, m: number): number {
  if (mode === 'linear') return 1;
  return m > 0 ? lengthOf(mode, m) / m : 0;
}

/** The subtitle's words for a length mode; nothing for the default. */
export function describeLength(mode: LengthMode): string | undefined {
  return { linear: undefined, sqrt: 'length ∝ √|∇f|', log: 'length ∝ ln(1 + |∇f|)', none: 'direction only' }[mode];
}
