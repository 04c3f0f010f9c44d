import { isolines } from '../core/contour.js';
import { evaluate } from '../core/field.js';
import { meshgrid } from '../core/grid.js';
import type { ScalarFunction } from '../functions/types.js';
import type { Theme } from './theme.js';

/** What is drawn of f itself under the arrows. */
export type BackgroundKind = 'none' | 'heatmap' | 'contour';

export const BACKGROUNDS: readonly BackgroundKind[] = ['none', 'heatmap', 'contour'];

/** Where the background goes: the plot area in data units and pixels, and the encodings of its axes. */
export interface Area {
  xdomain: [number, number];
  ydomain: [number, number];
  width: number;
  height: number;
  /** The grid's spacing, in data units (arrows may stand on every few grid points; see `subGrid`). */
  step: number;
  x: (field: string) => Record<string, unknown>;
  y: (field: string) => Record<string, unknown>;
}

/** Background cells per grid cell, along each axis. */
const FINER = 4;
/** Smallest background cell, in pixels: finer only costs bytes. */
const MIN_CELL_PX = 3;
/** Most background cells along an axis, whatever the width: 300 × 300 rects make about 10 MB of SVG. */
const MAX_CELLS = 300;
/** How many contour lines to draw. */
const LEVELS = 10;

/**
 * A layer under the arrows showing f over the whole plot area, sampled on a
 * grid FINER times the field's (no cell under MIN_CELL_PX, at most MAX_CELLS
 * along an axis, so a fine step costs no more than the picture needs): a heatmap of f, or
 * its contour lines with a legend. Colours are light or thin so arrows stay
 * readable on top, and spread by quantiles of f so a steep rim (Rosenbrock's)
 * does not wash out the rest.
 */
export function backgroundLayer(kind: Exclude<BackgroundKind, 'none'>, fn: ScalarFunction, area: Area, theme: Theme): Record<string, unknown> {
  return kind === 'heatmap' ? heatmap(fn, area, theme) : contours(fn, area, theme);
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

function heatmap(fn: ScalarFunction, area: Area, theme: Theme): Record<string, unknown> {
  const { xdomain, ydomain } = area;
  const [nx, ny] = [cells(xdomain[1] - xdomain[0], area.width, area.step), cells(ydomain[1] - ydomain[0], area.height, area.step)];
  const [dx, dy] = [(xdomain[1] - xdomain[0]) / nx, (ydomain[1] - ydomain[0]) / ny];
  // f at the centre of each cell.
  const xs = nodes([xdomain[0] + dx / 2, xdomain[1] - dx / 2], nx - 1);
  const ys = nodes([ydomain[0] + dy / 2, ydomain[1] - dy / 2], ny - 1);
  const values = evaluate(fn, meshgrid(xs, ys));
  const rows: { x: number | null; y: number | null; f: number | null }[] = [];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) rows.push({ x: short(xs[i] - dx / 2, 7), y: short(ys[j] - dy / 2, 7), f: short(values[j * nx + i], 4) });
  }
  const domain = quantiles(values, LEVELS);
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
        // A piecewise scale through the quantiles: each colour step covers about the same area. A
        // gradient legend would squeeze most colours into a sliver, so the legend lists swatches.
        scale: { ...(domain.length > 1 ? { domain } : {}), scheme: theme === 'dark' ? { name: 'darkred', extent: [0, 0.45] } : { name: 'lightorange', extent: [0, 0.6] } },
        legend: { type: 'symbol', values: roundLevels(quantiles(values, 6), spread(values)), symbolType: 'square', symbolSize: 150, format: '.3~r' },
      },
    },
  };
}

function contours(fn: ScalarFunction, area: Area, theme: Theme): Record<string, unknown> {
  const { xdomain, ydomain } = area;
  const xs = nodes(xdomain, cells(xdomain[1] - xdomain[0], area.width, area.step));
  const ys = nodes(ydomain, cells(ydomain[1] - ydomain[0], area.height, area.step));
  const values = evaluate(fn, meshgrid(xs, ys));
  const levels = roundLevels(quantiles(values, LEVELS + 1).slice(1, -1), spread(values));
  const rows: { level: number; line: number; i: number; x: number | null; y: number | null }[] = [];
  let line = 0;
  for (const level of levels) {
    for (const points of isolines(xs, ys, values, level)) {
      for (let i = 0; i < points.length / 2; i++) rows.push({ level, line, i, x: short(points[2 * i], 6), y: short(points[2 * i + 1], 6) });
      line++;
    }
  }
  return {
    data: { values: rows },
    mark: { type: 'line', clip: true, strokeWidth: 1, interpolate: 'linear' },
    encoding: {
      x: area.x('x'),
      y: area.y('y'),
      detail: { field: 'line', type: 'nominal' },
      order: { field: 'i', type: 'quantitative' },
      color: {
        field: 'level',
        type: 'ordinal',
        title: 'f',
        scale: { scheme: { name: 'orangered', extent: theme === 'dark' ? [0.2, 0.85] : [0.3, 0.95] } },
        legend: { symbolType: 'stroke', symbolStrokeWidth: 2, format: '.3~r' },
      },
    },
  };
}

/** `count + 1` values splitting the finite `values` into `count` groups of equal size, from least to greatest. */
function quantiles(values: Float64Array, count: number): number[] {
  const sorted = values.filter(Number.isFinite).sort();
  if (sorted.length === 0) return [];
  const q = Array.from({ length: count + 1 }, (_, k) => sorted[Math.round((k * (sorted.length - 1)) / count)]);
  return q.filter((v, k) => k === 0 || v > q[k - 1]);
}

/**
 * Sorted values rounded to two significant digits, so a legend reads 120
 * rather than 118.73, and to 0 when closer to it than a thousandth of f's
 * `spread` (max − min); duplicates dropped.
 */
function roundLevels(levels: number[], spread: number): number[] {
  const rounded = levels.map((v) => (Math.abs(v) < 1e-3 * spread ? 0 : Number(v.toPrecision(2))));
  return rounded.filter((v, k) => k === 0 || v !== rounded[k - 1]);
}

// max − min of the finite values; 0 when there are none.
function spread(values: Float64Array): number {
  let [lo, hi] = [Infinity, -Infinity];
  for (const v of values) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  return hi > lo ? hi - lo : 0;
}
