import type { TopLevelSpec } from 'vega-lite';
import type { Aspect } from '../chart-kinds.js';
import { chartAspect, pixelScales } from '../chart-size.js';
import type { CriticalPoint } from '../core/critical.js';
import { pathsExtent, type DescentPath } from '../core/descent.js';
import type { Field } from '../core/field.js';
import { axisLength } from '../core/grid.js';
import type { Range, ScalarFunction } from '../functions/types.js';
import { streamlines, type Streamline } from '../core/streamlines.js';
import type { Method } from '../core/gradient.js';
import { drawHeads, headEncoding, headMark, layoutArrows, type Arrow, type Arrows, type Pivot } from './arrows.js';
import { backgroundLayer, type BackgroundKind } from './background.js';
import type { ColorScaleKind } from './f-scale.js';
import { arrowPaint, MAGNITUDE } from './color.js';
import { haloLayers } from './halo.js';
import { keyLayer } from './key.js';
import { legendLayout, legendsOf, tickCount } from './layout.js';
import { describeLength, type LengthMode } from './length.js';
import { markerLayer } from './markers.js';
import { panelSpec, PANEL_SIZE } from './panels.js';
import { pathKeySize, pathKeyStyle, pathLabels, pathLayer, type PathLayerOptions } from './paths.js';
import { streamlineLayers } from './streamlines.js';
import { PALETTES, themeConfig, titleFontSize, type Theme } from './theme.js';
import { DEFAULT_MAX_ARROWS, subGrid, subGridRows, type SubGrid } from './thin.js';
import { MAX_TITLE_LINES, wrapTitle } from './title.js';

/** What the chart needs besides the field. */
export interface ChartOptions {
  /** The chart's title, e.g. the formula. */
  title: string;
  /** A first word for the subtitle, e.g. the built-in's name. */
  subtitle?: string;
  /** The whole subtitle instead of the one made from the options; "" for none. */
  subtitleText?: string;
  /** Grid ranges and spacing, in data units: the field's points are the rows of this grid's meshgrid. */
  xrange: Range;
  yrange: Range;
  step: number;
  /** Spacing along x0 and x1 when they differ; default `step`. */
  xstep?: number;
  ystep?: number;
  /** Default: free when width and height are both given or one range is over 10× the other, else equal (see `chartAspect`). */
  aspect?: Aspect;
  /** Most arrows to draw; a larger grid draws them on a regular sub-grid (see `subGrid`), cells s·step wide. Default 2500. */
  maxArrows?: number;
  /** Draw +∇f instead of −∇f. Default false. */
  ascent?: boolean;
  /** A tooltip per arrow (x0, x1, f, ∇f, |∇f|) for interactive outputs; off saves drawing time for images. Default true. */
  tooltip?: boolean;
  /** Length of the longer side of the plot area when neither `width` nor `height` is given, in pixels. Default 480. */
  size?: number;
  /** Width of the plot area, in pixels. Alone, the height follows the ranges; with `height`, each axis gets its own scale. */
  width?: number;
  /** Height of the plot area, in pixels; see `width`. */
  height?: number;
  /** How arrow length follows |∇f|. Default `linear`. */
  length?: LengthMode;
  /** Fixed arrow scale, in data units per unit of |∇f| (of L(|∇f|) for sqrt, log, none). Default: the longest arrow spans 0.9 of a cell. */
  arrowScale?: number;
  /** Which part of each arrow sits on its grid point. Default `tail`. */
  pivot?: Pivot;
  /** `magnitude`, or a CSS colour for every arrow. Default #666666 (light theme), #b4b4b4 (dark). */
  color?: string;
  /** f drawn under the arrows. Default `none`. */
  background?: BackgroundKind;
  /** The function itself, sampled finer for the background; needed unless `background` is `none`. */
  fn?: ScalarFunction;
  /** Draw a length key above the plot area. Default false. */
  key?: boolean;
  /** Critical points to mark. Default none. */
  critical?: CriticalPoint[];
  /** Default `light`. */
  theme?: Theme;
  /** Descent paths to draw over the field; the axes widen to hold them. Default none. */
  paths?: DescentPath[];
  /** One panel per optimizer of `paths`, sharing the axes, each PANEL_SIZE pixels on its longer side unless sized. Default false. */
  panels?: boolean;
  /** Streamlines of the same flow, computed from `fn` with this method; none when undefined. */
  streamlines?: StreamlineChart;
  /** Draw the arrows. Default true; false with `streamlines` draws the lines alone on the grid's ranges. */
  arrows?: boolean;
  /** Axis titles. Default `x0`, `x1`. */
  xlabel?: string;
  ylabel?: string;
  /** Shaft width in pixels. Default 1.4. */
  arrowWidth?: number;
  /** Longest arrow head in pixels (heads are 40% of their arrow up to this). Default 9. */
  headSize?: number;
  /** Size of axis labels in pixels; titles and legends follow it. Default 11. */
  fontSize?: number;
  /** No background colour (the page shows through). Default false. */
  transparent?: boolean;
  /** The background's Vega colour scheme; default viridis, or blueorange for signed f (see `colorScale`). */
  colormap?: string;
  /** How the background maps f to colour; default chosen from f (see `fScale`). */
  colorScale?: ColorScaleKind;
  /** The top of the |∇f| colour scale when it is shared across charts; default the chart's largest |∇f|. */
  magnitudeMax?: number;
  /** One colour domain for f across charts (a batch's shared scale); default f's extent over the ranges. */
  fDomain?: [number, number];
}

/** How streamlines are placed (see `streamlines`) and drawn. */
export interface StreamlineChart {
  method: Method;
  h: number;
  /** About this many lines across the longer side. */
  density: number;
  starts?: [number, number][];
  /** Longest line in data units. */
  maxLength?: number;
  /** Pixels, or `magnitude`. */
  width: number | 'magnitude';
}

/** Arrows closer than this on screen merge into a band. */
const MIN_APART_PX = 6;
/** Rounds of `fit` before it settles for the last layout; two or three reach the fixed point. */
const MAX_FIT_ROUNDS = 8;
const TOOLTIP = [
  { field: 'x0', type: 'quantitative', format: '.4~g' },
  { field: 'x1', type: 'quantitative', format: '.4~g' },
  { field: 'f', type: 'quantitative', format: '.6~g' },
  { field: 'g0', type: 'quantitative', title: '∂f/∂x0', format: '.6~g' },
  { field: 'g1', type: 'quantitative', title: '∂f/∂x1', format: '.6~g' },
  { field: 'mag', type: 'quantitative', title: '|∇f|', format: '.6~g' },
];

/** The chart, its arrows, how many of the sub-grid's points were left out for not being finite, and the sub-grid. */
export interface Quiver {
  spec: TopLevelSpec;
  arrows: Arrow[];
  skipped: number;
  /** The grid points that carry arrows: all of them (stride 1) unless the grid has more than `maxArrows`. */
  subGrid: SubGrid;
  /** The streamlines drawn, when asked for. */
  streamlines?: Streamline[];
  /** What the reader should know about how the chart was drawn (axes scaled apart by themselves), one sentence each. */
  notes: string[];
  /** What went wrong in drawing it (a title cut short, arrows running together), one sentence each. */
  warnings: string[];
}

/**
 * A Vega-Lite quiver chart of the field, in layers from the bottom:
 *
 *   background (f as heatmap or contours) → shafts (rules) → heads (rotated
 *   triangles) → dots (arrows too short for a head) → critical points → length key
 *
 * Angles on screen are the true angles (one pixel scale for both axes, or
 * arrows laid out in pixels when width and height are both fixed), and the
 * domain covers every arrow so none is clipped. A grid of more than
 * `maxArrows` points draws arrows on a sub-grid only; the background is
 * sampled on its own, finer grid either way.
 */
export function quiverSpec(field: Field, chartOptions: ChartOptions): Quiver {
  const options = withPaths(chartOptions);
  const { step, ascent = false, length = 'linear', theme = 'light', background = 'none', tooltip = true, arrows: drawArrows = true } = options;
  const tip = tooltip ? { tooltip: TOOLTIP } : {};
  const palette = PALETTES[theme];
  const color = options.color ?? palette.arrow;
  const [xstep, ystep] = [options.xstep ?? step, options.ystep ?? step];
  const { aspect, note: aspectNote } = chartAspect(options);
  const { sub, rows } = arrowGrid(field, chartOptions);
  const cells: [number, number] = [sub.stride * xstep, sub.stride * ystep];
  const { laid, xdomain, ydomain, sx, sy } = fit(field, { cells, rows, aspect }, options);
  const { arrows, skipped } = laid;
  drawHeads(arrows, sx, sy, options.headSize);
  const width = Math.round((xdomain[1] - xdomain[0]) * sx);
  const height = Math.round((ydomain[1] - ydomain[0]) * sy);
  const x = (field: string) => ({ field, type: 'quantitative' as const, scale: { domain: xdomain, nice: false, zero: false }, title: options.xlabel ?? 'x0' });
  const y = (field: string) => ({ field, type: 'quantitative' as const, scale: { domain: ydomain, nice: false, zero: false }, title: options.ylabel ?? 'x1' });
  const lines = options.streamlines && streamlinesOf(options, options.streamlines, sx, sy);
  const maxMag = Math.max(laid.maxMag, ...(lines ?? []).map((l) => largest(l.magnitude)));
  const paint = arrowPaint(color, length, theme, { minMag: smallestMagnitude(arrows), maxMag: options.magnitudeMax ?? maxMag, single: palette.arrow });
  const area = { xdomain, ydomain, xrange: options.xrange, yrange: options.yrange, fGrid: field.f, width, height, xstep, ystep, x, y };
  const fPaint = { theme, colormap: options.colormap, colorScale: options.colorScale, arrowsByMagnitude: color === MAGNITUDE, domain: options.fDomain };
  const arrowLayers = !drawArrows ? [] : [
    {
      description: 'shafts',
      transform: [{ filter: '!datum.dot' }, ...paint.shaft.transform],
      mark: { type: 'rule', ...paint.mark, strokeWidth: options.arrowWidth ?? 1.4 },
      encoding: { x: x('ax'), y: y('ay'), x2: { field: 'bx' }, y2: { field: 'by' }, ...paint.shaft.encoding, ...tip },
    },
    {
      description: 'heads',
      transform: [{ filter: '!datum.dot' }],
      mark: headMark(paint.mark),
      encoding: headEncoding(x('tx'), y('ty'), { ...paint.head, ...tip }),
    },
    {
      description: 'dots',
      transform: [{ filter: 'datum.dot' }],
      mark: { type: 'point', shape: 'circle', filled: true, opacity: 1, ...paint.mark, size: 6, strokeWidth: 0 },
      encoding: { x: x('ax'), y: y('ay'), ...paint.head, ...tip },
    },
  ];
  const layers = [
    background !== 'none' && backgroundLayer(background, functionOf(options), area, fPaint),
    ...(background === 'heatmap' ? haloLayers(arrowLayers, palette.halo) : []),
    ...(lines ? streamlineLayers(lines, { sx, sy, width: options.streamlines!.width, paint, maxMag, tooltip, x, y }) : []),
    ...arrowLayers,
    options.critical && markerLayer(options.critical, palette.halo, x, y),
    options.key &&
      drawArrows &&
      keyLayer({
        length,
        scale: laid.scale,
        pixelsPerUnit: Math.min(sx, sy),
        maxMag: laid.maxMag,
        width,
        color: paint.mark.color ?? palette.ink,
        ink: palette.ink,
        arrowWidth: options.arrowWidth,
        headSize: options.headSize,
      }),
  ];
  const config = themeConfig(theme, options.fontSize);
  const plot = { xdomain, ydomain, width, height };
  const paths = options.paths?.length ? { labels: pathLabels(options.paths), halo: palette.halo, tooltip, plot } : undefined;
  // The paths' legend goes under the other legends beside the plot, which leave it room.
  const legends = legendsOf(layers.filter(Boolean) as never);
  const legend = { ...(config.legend as object), ...legendLayout([...legends, ...(paths && !options.panels ? [pathKeySize(paths.labels)] : [])], { width, height }) } as Record<string, unknown>;
  if (paths && !options.panels) {
    const key = pathKeyStyle(legend, legends.length > 0 && legend.orient !== 'bottom');
    layers.push(pathLayer(options.paths!, { ...paths, key, numbers: options.paths!.map((_, i) => i + 1) }));
  }
  const drawn = layers.filter(Boolean) as Record<string, unknown>[];
  const notes: string[] = aspectNote ? [aspectNote] : [];
  const warnings: string[] = [];
  const apart = Math.min(cells[0] * sx, cells[1] * sy);
  if (apart < MIN_APART_PX) {
    warnings.push(`arrows are ${Number(apart.toPrecision(2))} px apart and run together; a larger --xstep/--ystep, fewer --points or a smaller --max-arrows spreads them`);
  }
  const title = wrapTitle(options.title, width, titleFontSize(options.fontSize));
  if (title.cut) warnings.push(`the title is longer than ${MAX_TITLE_LINES} lines at this width and is cut short`);
  // Layers are plain objects built in their own files; Vega-Lite's compile checks the whole.
  const chart = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: title.lines.length > 1 ? title.lines : (title.lines[0] ?? ''),
      subtitle: options.subtitleText ?? [
        options.subtitle,
        `${drawnMarks(drawArrows, !!lines)}: ${ascent ? '+∇f (ascent)' : '−∇f (descent)'}`,
        drawArrows && describeLength(length),
        aspect === 'free' && 'axes scaled apart, arrow angles true on screen',
      ]
        .filter(Boolean)
        .join(' · '),
      // Centred on the plot area; title and subtitle never wider than it.
      frame: 'group',
      limit: width,
    },
    width,
    height,
    background: options.transparent ? 'transparent' : palette.background,
    config: {
      ...config,
      axisX: { tickCount: tickCount(width, 'x'), labelOverlap: true },
      axisY: { tickCount: tickCount(height, 'y'), labelOverlap: true },
      legend,
    },
    data: { values: drawArrows ? arrows : [] },
    layer: drawn,
  } as unknown as TopLevelSpec;
  const extra = { notes, warnings, ...(lines ? { streamlines: lines } : {}) };
  if (options.panels && options.paths?.length) {
    const panels = panelsOf(options.paths, paths!);
    const spec = panelSpec(chart as unknown as Record<string, unknown>, arrows, drawn, panels);
    return { spec, arrows, skipped, subGrid: sub, ...extra };
  }
  return { spec: chart, arrows, skipped, subGrid: sub, ...extra };
}

// What the subtitle says is drawn.
function drawnMarks(arrows: boolean, lines: boolean): string {
  return arrows && lines ? 'arrows and streamlines' : lines ? 'streamlines' : 'arrows';
}

// The streamlines of the chart's flow, spaced in its pixels, inside the grid's ranges.
function streamlinesOf(options: ChartOptions, chart: StreamlineChart, sx: number, sy: number): Streamline[] {
  const { method, h, density, starts, maxLength } = chart;
  const { xrange, yrange, ascent } = options;
  return streamlines(functionOf(options), { xrange, yrange, scale: [sx, sy], method, h, density, starts, maxLength, ascent });
}

function largest(values: Float64Array): number {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max;
}

// The ranges widened to hold every path point, and panels' own size: the rest of the chart needs no other change.
function withPaths(options: ChartOptions): ChartOptions {
  const extent = options.paths && pathsExtent(options.paths);
  if (!extent) return options;
  const union = (a: Range, b: Range): Range => [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
  const size = options.panels && !options.size ? PANEL_SIZE : options.size;
  return { ...options, xrange: union(options.xrange, extent[0]), yrange: union(options.yrange, extent[1]), size };
}

// One panel per optimizer label, with every path of that optimizer (all its starts); legends off, titles name them.
function panelsOf(paths: DescentPath[], options: Omit<PathLayerOptions, 'numbers'>) {
  return options.labels.map((label) => {
    const mine = paths.map((p, i) => [p, i + 1] as const).filter(([p]) => pathLabels([p])[0] === label);
    return { title: label, layer: pathLayer(mine.map(([p]) => p), { ...options, numbers: mine.map(([, n]) => n) }) };
  });
}

// The sub-grid that carries arrows and its rows in the field (undefined: every row); the field must be the grid's meshgrid.
function arrowGrid(field: Field, { xrange, yrange, step, xstep = step, ystep = step, maxArrows = DEFAULT_MAX_ARROWS }: ChartOptions): { sub: SubGrid; rows?: Uint32Array } {
  const [nx, ny] = [axisLength(xrange[0], xrange[1], xstep), axisLength(yrange[0], yrange[1], ystep)];
  if (nx * ny !== field.points.count) {
    throw new RangeError(`quiverSpec: the field has ${field.points.count} points, but xrange, yrange and steps make a grid of ${nx} × ${ny}`);
  }
  const sub = subGrid(nx, ny, maxArrows);
  return { sub, rows: sub.stride > 1 ? subGridRows(nx, ny, sub) : undefined };
}

function functionOf(options: ChartOptions): ScalarFunction {
  if (!options.fn) throw new Error('quiverSpec: a background or streamlines need the function (options.fn)');
  return options.fn;
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
  options: ChartOptions,
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

// The smallest |∇f| among the arrows; 0 when there are none.
function smallestMagnitude(arrows: Arrow[]): number {
  return arrows.length ? arrows.reduce((m, a) => Math.min(m, a.mag), Infinity) : 0;
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
