import { spread, type CriticalPoint } from '../core/critical.js';
import type { Format } from './format.js';
import { formatNumber } from '../util/format-number.js';
import { LIMITS } from '../util/limits.js';

/** Coordinates within this fraction of the grid spacing of 0 are 0: Newton's steps leave dust there. */
const DUST = 1e-5;

/**
 * The critical points as stderr lists them, one a line up to a limit, then how
 * many more and where they all are; numbers in the one format for people. For
 * a field that is zero everywhere (a constant f), one line saying so instead.
 */
export function listCritical(points: CriticalPoint[], { spacing, flat, format }: { spacing: number; flat: boolean; format?: Format }): string {
  if (flat) return 'gradplot: ∇f = 0 everywhere (f is constant): every point is critical\n';
  const n = (v: number) => formatNumber(Math.abs(v) < DUST * spacing ? 0 : v);
  const head = `gradplot: ${points.length} critical point${points.length === 1 ? '' : 's'} (∇f = 0)${points.length ? ':' : ''}\n`;
  const shown = points.slice(0, LIMITS.criticalListed.max);
  const lines = shown.map((p) => `  ${p.kind.padEnd(10)} x0 = ${n(p.x0)}, x1 = ${n(p.x1)}, f = ${formatNumber(p.f)}\n`).join('');
  const more = points.length - shown.length;
  if (more === 0) return head + lines;
  const drawn = LIMITS.criticalDrawn.max < points.length && format !== undefined && format !== 'csv' && format !== 'json';
  const marked = drawn ? `; the chart marks ${spread(points, LIMITS.criticalDrawn.max).length} of them, spread evenly` : '';
  return head + lines + `  … and ${more} more (the JSON export, --format json, lists them all${marked})\n`;
}
