import type { Aspect, LengthMode, Pivot } from '../chart-kinds.js';
import { chartAspect, pixelScales } from '../chart-size.js';
import type { Field } from '../core/field.js';
import type { Range } from '../functions/types.js';
import { arrowGrid, arrowGridRows, thinned, type ArrowGrid, type ArrowGridOptions } from './arrow-grid.js';
import { drawHeads, layoutArrows, type Arrow, type Arrows } from './arrows.js';

/** What places the arrows and sizes the plot (a part of `ChartOptions`). */
export interface FrameOptions extends ArrowGridOptions {
  ascent?: boolean;
  length?: LengthMode;
  arrowScale?: number;
  pivot?: Pivot;
  headSize?: number;
  /** False: no arrows, and the plot is the grid's ranges. */
  arrows?: boolean;
}

/** The arrows laid out, and the plot that holds them: domains, pixel scales and size. */
export interface Frame {
  arrowGrid: ArrowGrid;
  laid: Arrows;
  xdomain: [number, number];
  ydomain: [number, number];
  /** Pixels per data unit along x0 and x1. */
  sx: number;
  sy: number;
  /** The plot area, in pixels. */
  width: number;
  height: number;
  aspect: Aspect;
  /** Why the aspect was chosen, when the reader did not ask for it. */
  aspectNote?: string;
}

/** Arrows closer than this on screen merge into a band. */
const MIN_APART_PX = 6;
/** Rounds of `fit` before it settles for the last layout; two or three reach the fixed point. */
const MAX_FIT_ROUNDS = 8;

/**
 * Lays the arrows of the field out on their grid (`grid`'s ranges and steps,
 * which the field must be the meshgrid of) in a plot spanning `plot`'s ranges
 * (the grid's, or wider), with heads sized in pixels.
 */
export function layoutFrame(field: Field, grid: FrameOptions, plot: FrameOptions): Frame {
  const { aspect, note } = chartAspect(plot);
  const { arrowGrid, rows } = arrowsOn(field, grid);
  const { laid, xdomain, ydomain, sx, sy } = fit(field, { cells: arrowGrid.cell, rows, aspect }, plot);
  drawHeads(laid.arrows, sx, sy, plot.headSize);
  const width = Math.round((xdomain[1] - xdomain[0]) * sx);
  const height = Math.round((ydomain[1] - ydomain[0]) * sy);
  return { arrowGrid, laid, xdomain, ydomain, sx, sy, width, height, aspect, ...(note ? { aspectNote: note } : {}) };
}

/** A warning when neighbouring arrows stand closer on screen than MIN_APART_PX and run together. */
export function crowding({ arrowGrid: { cell }, sx, sy }: Frame): string | undefined {
  const apart = Math.min(cell[0] * sx, cell[1] * sy);
  if (apart >= MIN_APART_PX) return undefined;
  return `arrows are ${Number(apart.toPrecision(2))} px apart and run together; a larger --xstep/--ystep, fewer --points or a smaller --max-arrows spreads them`;
}

// The grid points that carry arrows and their rows in the field (undefined: every row); the field must be the grid's meshgrid.
function arrowsOn(field: Field, options: ArrowGridOptions): { arrowGrid: ArrowGrid; rows?: Uint32Array } {
  const grid = arrowGrid(options);
  if (grid.x.n * grid.y.n !== field.points.count) {
    throw new RangeError(`quiverSpec: the field has ${field.points.count} points, but xrange, yrange and steps make a grid of ${grid.x.n} × ${grid.y.n}`);
  }
  return { arrowGrid: grid, rows: thinned(grid) ? arrowGridRows(grid) : undefined };
}

/**
 * Lays the arrows out and finds the domain that holds them all and the pixel
 * scales. With free aspect, arrows are laid out in pixels, which depend on the
 * domain, which depends on the arrows: a fixed point that a few rounds reach,
 * because arrows overhang the grid by less than a cell. Arrows stand on `rows`
 * of the field, `cells` apart along x0 and x1; the longest fits the cell's
 * shorter side on screen.
 */
function fit(
  field: Field,
  { cells: [cx, cy], rows, aspect: mode }: { cells: [number, number]; rows?: Uint32Array; aspect: Aspect },
  options: FrameOptions,
): { laid: Arrows; xdomain: [number, number]; ydomain: [number, number]; sx: number; sy: number } {
  const { xrange, yrange, arrows: drawArrows = true } = options;
  let aspect: [number, number] = [1, 1];
  let cell = Math.min(cx, cy);
  for (let round = 0; ; round++) {
    const laid = layoutArrows(field, { step: cell, ascent: options.ascent ?? false, length: options.length, scale: options.arrowScale, pivot: options.pivot, aspect, rows });
    // Without arrows nothing overhangs the grid: the plot is its ranges.
    const xdomain = extent(drawArrows ? laid.arrows : [], 'ax', 'tx', xrange, drawArrows ? 0.15 * cx : 0);
    const ydomain = extent(drawArrows ? laid.arrows : [], 'ay', 'ty', yrange, drawArrows ? 0.15 * cy : 0);
    const [sx, sy] = pixelScales(xdomain, ydomain, mode, options);
    const s = Math.min(sx, sy);
    const next: [number, number] = [s / sx, s / sy];
    const nextCell = Math.min(cx * sx, cy * sy) / s;
    const settled = Math.abs(next[0] - aspect[0]) < 1e-12 && Math.abs(next[1] - aspect[1]) < 1e-12 && Math.abs(nextCell - cell) <= 1e-12 * cell;
    if (round === MAX_FIT_ROUNDS || settled) return { laid, xdomain, ydomain, sx, sy };
    [aspect, cell] = [next, nextCell];
  }
}

// The smallest [min, max] holding the grid range and both ends of every arrow, widened by `pad`.
function extent(arrows: Arrow[], a: 'ax' | 'ay', b: 'tx' | 'ty', range: Range, pad: number): [number, number] {
  let [lo, hi] = range;
  for (const arrow of arrows) {
    lo = Math.min(lo, arrow[a], arrow[b]);
    hi = Math.max(hi, arrow[a], arrow[b]);
  }
  return [lo - pad, hi + pad];
}
