import type { Range } from '../functions/types.js';
import type { Aspect } from '../chart-kinds.js';

export { ASPECTS, type Aspect } from '../chart-kinds.js';

/** A range this many times longer than the other gets its own scale unless `equal` is asked for. */
export const LOPSIDED = 10;

/**
 * The aspect a chart is drawn with: the one asked for; else free when width
 * and height are both fixed, or when one range is over LOPSIDED times the
 * other (with a note, since the reader did not ask); else equal.
 */
export function chartAspect({ aspect, width, height, xrange, yrange }: { aspect?: Aspect; width?: number; height?: number; xrange: Range; yrange: Range }): { aspect: Aspect; note?: string } {
  if (aspect) return { aspect };
  if (width && height) return { aspect: 'free' };
  const [w, h] = [xrange[1] - xrange[0], yrange[1] - yrange[0]];
  const ratio = Math.max(w / h, h / w);
  if (ratio <= LOPSIDED) return { aspect: 'equal' };
  const [long, short] = w > h ? ['x0', 'x1'] : ['x1', 'x0'];
  return { aspect: 'free', note: `${long}'s range is ${Number(ratio.toPrecision(3))}× ${short}'s, so each axis gets its own scale; --aspect equal keeps one` };
}
