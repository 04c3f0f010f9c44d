import { ticks } from 'd3-array';
import { isolines } from '../core/contour.js';
import { evaluate } from '../core/field.js';
import { meshgrid } from '../core/grid.js';
import { InputError } from '../errors.js';
import type { Range, ScalarFunction } from '../functions/types.js';
import { colorScale, fExtent, powersOfTen, fScale, type FExtent, type FScale } from './f-scale.js';
import type { BackgroundKind, ColorScaleKind, Theme } from '../chart-kinds.js';


/** Where the background goes: the plot area in data units and pixels, and the encodings of its axes. */
export interface Area {
  xdomain: [number, number];
  ydomain: [number, number];
  /** The grid's ranges, inside the domains: the colour scale covers f over these. */
  xrange: Range;
  yrange: Range;
  /** f at the grid's points, the data the colour scale must cover. */
  fGrid: ArrayLike<number>;
  width: number;
  height: number;
  /** The grid's spacing, in data units, along each axis (arrows may stand on every few grid points; see `arrowGrid`). */
  xstep: number;
  ystep: number;
  x: (field: string) => Record<string, unknown>;
  y: (field: string) => Record<string, unknown>;
}

/** How f is coloured: the theme, and what the user asked for. */
export interface BackgroundPaint {
  theme: Theme;
  /** A Vega scheme name; default: see `colorScale`. */
  colormap?: string;
  /** Default: chosen from f (see `fScale`). */
  colorScale?: ColorScaleKind;
  /** The arrows are coloured by |∇f| (on viridis), so f takes another scheme. */
  arrowsByMagnitude?: boolean;
  /** A colour domain to use instead of f's own (one across the charts of a batch). */
  domain?: [number, number];
}

/** Background cells per grid cell, along each axis. */
const FINER = 4;
/** Smallest background cell, in pixels: finer only costs bytes. */
const MIN_CELL_PX = 3;
/** Most background cells along an axis, whatever the width: 300 × 300 rects make about 10 MB of SVG. */
const MAX_CELLS = 300;
/** About how many contour levels to draw: enough to read the shape, few enough to tell apart. */
const LEVELS = 8;

/**
 * A layer under the arrows showing f over the whole plot area, sampled on a
 * grid FINER times the field's (no cell under MIN_CELL_PX, at most MAX_CELLS
 * along an axis, so a fine step costs no more than the picture needs): a
 * heatmap of f, or its contour lines at round levels. Colours follow f over
 * the grid's ranges (see `fScale`); the padding around them takes the end
 * colours.
 */
export function backgroundLayer(kind: Exclude<BackgroundKind, 'none'>, fn: ScalarFunction, area: Area, paint: BackgroundPaint): Record<string, unknown> {
  return kind === 'heatmap' ? heatmap(fn, area, paint) : contours(fn, area, paint);
}

// Axis values lo + i·(hi − lo)/n for i = 0…n, computed from i, never accumulated.
function nodes([lo, hi]: [number, number], n: number): Float64Array {
  return Float64Array.from({ length: n + 1 }, (_, i) => lo + (i * (hi - lo)) / n);
}

function cells(span: number, px: number, step: number): number {
  return Math.max(2, Math.min(Math.ceil((FINER * span) / step), Math.floor(px / MIN_CELL_PX), MAX_CELLS));
}

// Fewer digits keep the inline data small; they are far below a pixel.
const short = (v: number, digits: number) => (Number.isFinite(v) ? Number(v.toPrecision(digits)) : null);

/** f at the grid's points and at the background's nodes that lie within the grid's ranges. */
function within(xs: Float64Array, ys: Float64Array, values: Float64Array, { xrange, yrange, fGrid }: Area): Float64Array {
  const eps = 1e-9 * Math.max(xrange[1] - xrange[0], yrange[1] - yrange[0]);
  const kept: number[] = Array.from(fGrid);
  for (let j = 0; j < ys.length; j++) {
    if (ys[j] < yrange[0] - eps || ys[j] > yrange[1] + eps) continue;
    for (let i = 0; i < xs.length; i++) if (xs[i] >= xrange[0] - eps && xs[i] <= xrange[1] + eps) kept.push(values[j * xs.length + i]);
  }
  return Float64Array.from(kept);
}

/** The scale of f over the chart's ranges (or the batch's shared domain); InputError for a `log` f cannot take. */
export function backgroundScale(values: Float64Array, paint: BackgroundPaint): FScale {
  const own = fExtent(values) ?? { min: 0, max: 0, typical: 0 };
  const extent: FExtent = paint.domain ? { ...own, min: paint.domain[0], max: paint.domain[1] } : own;
  try {
    return fScale(extent, paint.colorScale);
  } catch (e) {
    if (e instanceof RangeError) throw new InputError('color-scale', e.message);
    throw e;
  }
}

function heatmap(fn: ScalarFunction, area: Area, paint: BackgroundPaint): Record<string, unknown> {
  const { xdomain, ydomain } = area;
  const [nx, ny] = [cells(xdomain[1] - xdomain[0], area.width, area.xstep), cells(ydomain[1] - ydomain[0], area.height, area.ystep)];
  const [dx, dy] = [(xdomain[1] - xdomain[0]) / nx, (ydomain[1] - ydomain[0]) / ny];
  // f at the centre of each cell.
  const xs = nodes([xdomain[0] + dx / 2, xdomain[1] - dx / 2], nx - 1);
  const ys = nodes([ydomain[0] + dy / 2, ydomain[1] - dy / 2], ny - 1);
  const values = evaluate(fn, meshgrid(xs, ys));
  const rows: { x: number | null; y: number | null; f: number | null }[] = [];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) rows.push({ x: short(xs[i] - dx / 2, 7), y: short(ys[j] - dy / 2, 7), f: short(values[j * nx + i], 4) });
  }
  const scale = backgroundScale(within(xs, ys, values, area), paint);
  return {
    data: { values: rows },
    transform: [
      { filter: 'isValid(datum.f)' },
      // Each cell reaches half a cell into the next, which is drawn over it: no hairline seams between cells.
      { calculate: `datum.x + ${1.5 * dx}`, as: 'x2' },
      { calculate: `datum.y + ${1.5 * dy}`, as: 'y2' },
    ],
    mark: { type: 'rect', clip: true },
    encoding: {
      x: area.x('x'),
      x2: { field: 'x2' },
      y: area.y('y'),
      y2: { field: 'y2' },
      color: {
        field: 'f',
        type: 'quantitative',
        title: 'f',
        scale: colorScale(scale, { use: 'fill', ...paint }),
        legend: { format: labelFormat(scale.ticks ?? []), ...(scale.ticks ? { values: scale.ticks } : {}) },
      },
    },
  };
}

function contours(fn: ScalarFunction, area: Area, paint: BackgroundPaint): Record<string, unknown> {
  const { xdomain, ydomain } = area;
  const xs = nodes(xdomain, cells(xdomain[1] - xdomain[0], area.width, area.xstep));
  const ys = nodes(ydomain, cells(ydomain[1] - ydomain[0], area.height, area.ystep));
  const values = evaluate(fn, meshgrid(xs, ys));
  const scale = backgroundScale(within(xs, ys, values, area), paint);
  const levels = contourLevels(scale);
  const rows: { level: number; line: number; i: number; x: number | null; y: number | null }[] = [];
  let line = 0;
  for (const level of levels) {
    for (const points of isolines(xs, ys, values, level)) {
      for (let i = 0; i < points.length / 2; i++) rows.push({ level, line, i, x: short(points[2 * i], 6), y: short(points[2 * i + 1], 6) });
      line++;
    }
  }
  const dashed = 'datum.level < 0';
  return {
    data: { values: rows },
    mark: { type: 'line', clip: true, strokeWidth: 1.2, interpolate: 'linear' },
    encoding: {
      x: area.x('x'),
      y: area.y('y'),
      detail: { field: 'line', type: 'nominal' },
      order: { field: 'i', type: 'quantitative' },
      // Negative levels dashed, as a printed page shows them.
      strokeDash: { condition: { test: dashed, value: [5, 3] }, value: [1, 0] },
      color: {
        field: 'level',
        type: 'quantitative',
        title: 'f',
        scale: colorScale(scale, { use: 'line', ...paint }),
        legend: {
          type: 'symbol',
          values: levels,
          symbolType: 'stroke',
          symbolStrokeWidth: 2,
          format: labelFormat(levels),
          // Each entry dashes like its line.
          symbolDash: { expr: 'datum.value < 0 ? [5, 3] : [1, 0]' },
        },
      },
    },
  };
}

/**
 * Round levels inside f's scale: d3's ticks (1, 2 or 5 × 10^k apart) on a
 * linear scale, powers of ten (with 2× and 5× when f spans few decades) on a
 * log scale, and 0 and ± powers of ten on symlog. The ends are left out: a
 * level at f's extreme is a point, not a line.
 */
export function contourLevels({ type, domain: [lo, hi], constant = 1 }: FScale): number[] {
  const inside = (v: number) => v > lo && v < hi;
  if (type === 'linear') return ticks(lo, hi, LEVELS).filter(inside);
  const decades = (a: number, b: number) => {
    const powers = powersOfTen(a, b).length >= 4 ? powersOfTen(a, b) : powersOfTen(a / 10, b).flatMap((p) => [p, 2 * p, 5 * p]);
    return powers.map((v) => Number(v.toPrecision(12))).filter((v) => v >= a && v <= b);
  };
  if (type === 'log') return decades(lo, hi).filter(inside);
  const positive = decades(constant, hi);
  const negative = decades(constant, -lo).map((v) => -v).reverse();
  return [...negative, 0, ...positive].filter(inside);
}

/**
 * A d3 format that writes each of `values` as it is. Vega fits a bare `~r` to the legend's own
 * tick step, which can round given values (1.5 shown as 2); a stated precision is kept.
 */
export function labelFormat(values: readonly number[]): string {
  const digits = (v: number) => {
    for (let p = 1; p < 17; p++) if (Number(v.toPrecision(p)) === v) return p;
    return 17;
  };
  return `.${Math.max(1, ...values.map(digits))}~r`;
}
