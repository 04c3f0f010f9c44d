import type { CriticalPoint } from '../core/critical.js';
import { formatNumber } from '../util/format-number.js';

/** Coordinates within this fraction of the grid spacing of 0 are 0: Newton's steps leave dust there. */
const DUST = 1e-5;

/**
 * The critical points as stderr lists them, one a line, numbers in the one
 * format for people; for a field that is zero everywhere (a constant f), one
 * line saying so instead of a list.
 */
export function listCritical(points: CriticalPoint[], { spacing, flat }: { spacing: number; flat: boolean }): string {
  if (flat) return 'gradplot: ∇f = 0 everywhere (f is constant): every point is critical\n';
  const n = (v: number) => formatNumber(Math.abs(v) < DUST * spacing ? 0 : v);
  const head = `gradplot: ${points.length} critical point${points.length === 1 ? '' : 's'} (∇f = 0)${points.length ? ':' : ''}\n`;
  return head + points.map((p) => `  ${p.kind.padEnd(10)} x0 = ${n(p.x0)}, x1 = ${n(p.x1)}, f = ${formatNumber(p.f)}\n`).join('');
}
