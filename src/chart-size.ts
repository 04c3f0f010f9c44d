import { InputError } from './errors.js';
import type { Range } from './functions/types.js';
import { isChart, type Aspect, type Format } from './chart-kinds.js';
import { LIMITS } from './util/limits.js';
import { grouped } from './util/format-number.js';

/** Room around the plot area for axes, title and legend, in pixels: enough to judge a size before drawing. */
const MARGIN = 200;

/** What decides a chart's size in pixels. */
export interface SizeOptions {
  xrange: Range;
  yrange: Range;
  width?: number;
  height?: number;
  /** Undefined: chosen from the ranges and sizes, as the chart chooses it. */
  aspect?: Aspect;
  /** Undefined for the library's spec, which is a chart too. */
  format?: Format;
  scale: number;
}

/**
 * Refuses a chart larger than the renderer can draw (pixels per side, pixels
 * in a PNG) or a PNG too small to show anything, from the nominal plot area
 * plus a margin: before any work, naming the option to change and the limit.
 */
export function checkChartSize(options: SizeOptions): void {
  const { xrange, yrange, width, height, format, scale } = options;
  if (format !== undefined && !isChart(format)) return;
  const [sx, sy] = pixelScales(xrange, yrange, chartAspect(options).aspect, { width, height });
  const area = [(xrange[1] - xrange[0]) * sx + MARGIN, (yrange[1] - yrange[0]) * sy + MARGIN];
  const ratio = format === 'png' ? scale : 1;
  const [w, h] = area.map((side) => Math.round(side * ratio));
  const size = `about ${grouped(w)} × ${grouped(h)} pixels`;
  // The side the user set is named; the scale when no side was set.
  const key = width !== undefined && (height === undefined || area[0] >= area[1]) ? 'width' : height !== undefined ? 'height' : 'scale';
  const given = `${key === 'width' ? width : key === 'height' ? height : scale}${format === 'png' && key !== 'scale' ? ` at --scale ${scale}` : ''}`;
  const perSide = LIMITS.pixelsPerSide;
  if (Math.max(w, h) > perSide.max) {
    throw new InputError(key, `${given} makes a chart of ${size}; the limit is ${grouped(perSide.max)} ${perSide.what}`);
  }
  if (format !== 'png') return;
  if (w * h > LIMITS.pixels.max) {
    throw new InputError(key, `${given} makes a PNG of ${size}; the limit is ${grouped(LIMITS.pixels.max)} ${LIMITS.pixels.what}`);
  }
  const smallest = LIMITS.plotSide.min;
  if (Math.min(w, h) < smallest) {
    const least = roundUp(smallest / Math.min(...area));
    throw new InputError('scale', `${scale} makes a PNG of ${size}; the smallest scale for this chart is ${least}`);
  }
}

// Two significant digits, rounded up, so that the number suggested works.
function roundUp(x: number): number {
  const unit = 10 ** (Math.floor(Math.log10(x)) - 1);
  return +(Math.ceil(x / unit) * unit).toPrecision(2);
}

/** The longer side of the plot area when neither width nor height is given, in pixels. */
export const DEFAULT_SIZE = 480;

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

/** Pixels per data unit on each axis: one scale for equal aspect; for free, each axis fills its side. */
export function pixelScales(xdomain: Range, ydomain: Range, aspect: Aspect, { width, height, size = DEFAULT_SIZE }: { width?: number; height?: number; size?: number }): [number, number] {
  const [w, h] = [xdomain[1] - xdomain[0], ydomain[1] - ydomain[0]];
  if (aspect === 'free') return [(width ?? size) / w, (height ?? size) / h];
  const s = width ? width / w : height ? height / h : size / Math.max(w, h);
  return [s, s];
}
