import { InputError } from './errors.js';
import type { Range } from './functions/types.js';
import { isChart, type Format } from './chart-kinds.js';
import { chartAspect, type Aspect } from './render/aspect.js';
import { pixelScales } from './render/quiver.js';
import { LIMITS } from './util/limits.js';

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
  const size = `about ${w.toLocaleString('en-US')} × ${h.toLocaleString('en-US')} pixels`;
  // The side the user set is named; the scale when no side was set.
  const key = width !== undefined && (height === undefined || area[0] >= area[1]) ? 'width' : height !== undefined ? 'height' : 'scale';
  const given = `${key === 'width' ? width : key === 'height' ? height : scale}${format === 'png' && key !== 'scale' ? ` at --scale ${scale}` : ''}`;
  const perSide = LIMITS.pixelsPerSide;
  if (Math.max(w, h) > perSide.max) {
    throw new InputError(key, `${given} makes a chart of ${size}; the limit is ${perSide.max.toLocaleString('en-US')} ${perSide.what}`);
  }
  if (format !== 'png') return;
  if (w * h > LIMITS.pixels.max) {
    throw new InputError(key, `${given} makes a PNG of ${size}; the limit is ${LIMITS.pixels.max.toLocaleString('en-US')} ${LIMITS.pixels.what}`);
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
