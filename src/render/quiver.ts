import type { TopLevelSpec } from 'vega-lite';
import { MAGNITUDE, type Aspect, type BackgroundKind, type ColorScaleKind, type LengthMode, type Pivot, type Theme } from '../chart-kinds.js';
import type { CriticalPoint } from '../core/critical.js';
import { pathsExtent, type DescentPath } from '../core/descent.js';
import type { Field } from '../core/field.js';
import type { Method } from '../core/gradient.js';
import { streamlines, type Streamline } from '../core/streamlines.js';
import type { Range, ScalarFunction } from '../functions/types.js';
import type { ArrowGrid } from './arrow-grid.js';
import { headEncoding, headMark, type Arrow } from './arrows.js';
import { backgroundLayer } from './background.js';
import { arrowPaint } from './color.js';
import { crowding, layoutFrame, type Frame } from './frame.js';
import { haloLayers } from './halo.js';
import { keyLayer } from './key.js';
import { legendLayout, legendsOf, tickCount } from './layout.js';
import { describeLength } from './length.js';
import { markerLayer } from './markers.js';
import { panelSpec, PANEL_SIZE } from './panels.js';
import { besidePlace, keyText } from './path-key.js';
import { pathKeyInside, pathKeySize, pathLabels, pathLayer, type PathLayerOptions } from './paths.js';
import { streamlineLayers } from './streamlines.js';
import { PALETTES, themeConfig, titleFontSize } from './theme.js';
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
  /** Most arrows to draw; a larger grid draws them on a regular sub-grid (see `arrowGrid`), its cells a stride of steps wide on each axis. Default 2500. */
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

const TOOLTIP = [
  { field: 'x0', type: 'quantitative', format: '.4~g' },
  { field: 'x1', type: 'quantitative', format: '.4~g' },
  { field: 'f', type: 'quantitative', format: '.6~g' },
  { field: 'g0', type: 'quantitative', title: '∂f/∂x0', format: '.6~g' },
  { field: 'g1', type: 'quantitative', title: '∂f/∂x1', format: '.6~g' },
  { field: 'mag', type: 'quantitative', title: '|∇f|', format: '.6~g' },
];

/** The chart, its arrows, how many of the arrow grid's points were left out for not being finite, and that grid. */
export interface Quiver {
  spec: TopLevelSpec;
  arrows: Arrow[];
  skipped: number;
  /** The grid points that carry arrows: all of them unless the grid has more than `maxArrows`. */
  arrowGrid: ArrowGrid;
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
 * `maxArrows` points draws arrows on a sub-grid only (see `arrowGrid`); the
 * background is sampled on its own, finer grid either way.
 */
export function quiverSpec(field: Field, chartOptions: ChartOptions): Quiver {
  // 1. Normalise: the ranges widen to hold the paths.
  const options = withPaths(chartOptions);
  // 2. Lay out: the arrows on their grid, the plot's domains, pixel scales and size; streamlines in those pixels.
  const frame = layoutFrame(field, chartOptions, options);
  const lines = options.streamlines && streamlinesOf(options, options.streamlines, frame.sx, frame.sy);
  // 3. Assemble: the layers, then the chart around them, or one panel per optimizer.
  const layers = assembleLayers(field, options, frame, lines);
  const title = wrapTitle(options.title, frame.width, titleFontSize(options.fontSize));
  const cut = title.cut ? `the title is longer than ${MAX_TITLE_LINES} lines at this width and is cut short` : undefined;
  const chart = assembleChart(options, frame, layers, { text: title.lines, subtitle: subtitleOf(options, frame.aspect, !!lines) });
  const { arrows, skipped } = frame.laid;
  const panels = options.panels && options.paths?.length ? panelsOf(options.paths, pathOptions(options, frame)!) : undefined;
  const spec = panels ? panelSpec(chart as unknown as Record<string, unknown>, arrows, layers, panels) : chart;
  const warnings = [crowding(frame), cut].filter((w) => w !== undefined);
  return { spec, arrows, skipped, arrowGrid: frame.arrowGrid, notes: frame.aspectNote ? [frame.aspectNote] : [], warnings, ...(lines ? { streamlines: lines } : {}) };
}

type Channel = (field: string) => Record<string, unknown>;

// Position channels on the frame's domains, titled with the axis labels.
function channels({ xdomain, ydomain }: Frame, options: ChartOptions): { x: Channel; y: Channel } {
  const channel = (domain: [number, number], title: string) => (field: string) => ({ field, type: 'quantitative' as const, scale: { domain, nice: false, zero: false }, title });
  return { x: channel(xdomain, options.xlabel ?? 'x0'), y: channel(ydomain, options.ylabel ?? 'x1') };
}

// The layers from the bottom: background, halos, streamlines, arrows, critical points, length key (the paths go on top, after the legends are laid out).
function assembleLayers(field: Field, options: ChartOptions, frame: Frame, lines: Streamline[] | undefined): Record<string, unknown>[] {
  const { step, length = 'linear', theme = 'light', background = 'none', tooltip = true, arrows: drawArrows = true } = options;
  const { laid, xdomain, ydomain, width, height, sx, sy } = frame;
  const palette = PALETTES[theme];
  const color = options.color ?? palette.arrow;
  const { x, y } = channels(frame, options);
  const maxMag = Math.max(laid.maxMag, ...(lines ?? []).map((l) => largest(l.magnitude)));
  const paint = arrowPaint(color, length, theme, { minMag: smallestMagnitude(laid.arrows), maxMag: options.magnitudeMax ?? maxMag, single: palette.arrow });
  const area = { xdomain, ydomain, xrange: options.xrange, yrange: options.yrange, fGrid: field.f, width, height, xstep: options.xstep ?? step, ystep: options.ystep ?? step, x, y };
  const fPaint = { theme, colormap: options.colormap, colorScale: options.colorScale, arrowsByMagnitude: color === MAGNITUDE, domain: options.fDomain };
  const arrows = drawArrows ? arrowLayers(paint, options.arrowWidth, tooltip, x, y) : [];
  const layers = [
    background !== 'none' && backgroundLayer(background, functionOf(options), area, fPaint),
    ...(background === 'heatmap' ? haloLayers(arrows, palette.halo) : []),
    ...(lines ? streamlineLayers(lines, { sx, sy, width: options.streamlines!.width, paint, maxMag, tooltip, x, y }) : []),
    ...arrows,
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
  return layers.filter(Boolean) as Record<string, unknown>[];
}

// Each arrow as a shaft (a rule) and a head (a rotated triangle), or a dot when too short for a head.
function arrowLayers(paint: ReturnType<typeof arrowPaint>, arrowWidth = 1.4, tooltip: boolean, x: Channel, y: Channel) {
  const tip = tooltip ? { tooltip: TOOLTIP } : {};
  return [
    {
      description: 'shafts',
      transform: [{ filter: '!datum.dot' }, ...paint.shaft.transform],
      mark: { type: 'rule', ...paint.mark, strokeWidth: arrowWidth },
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
}

// The chart around its layers: title, size, theme, axes' ticks, legends' places, the arrows' data.
function assembleChart(options: ChartOptions, frame: Frame, layers: Record<string, unknown>[], title: { text: string[]; subtitle: string }): TopLevelSpec {
  const { width, height, laid } = frame;
  const { theme = 'light', arrows: drawArrows = true } = options;
  const config = themeConfig(theme, options.fontSize);
  // The paths' legend goes inside the plot where a corner is clear of paths and critical points, else under
  // the other legends beside the plot, which leave it room (panels name the optimizers in titles).
  const paths = options.panels ? undefined : pathOptions(options, frame);
  const text = keyText(config.legend as Record<string, unknown>);
  const inside = paths && pathKeyInside(options.paths!, paths.labels, paths.plot, text, options.critical?.map((c) => [c.x0, c.x1]));
  const legends = legendsOf(layers as never);
  const legend = { ...(config.legend as object), ...legendLayout([...legends, ...(paths && !inside ? [pathKeySize(paths.labels)] : [])], { width, height }) } as Record<string, unknown>;
  const place = paths && (inside ?? besidePlace(paths.labels, { width, height }, legends.length > 0 && legend.orient !== 'bottom'));
  const palette = PALETTES[theme];
  const key = place && { place, text, box: { fill: palette.background, edge: palette.frame } };
  const drawn = paths ? [...layers, pathLayer(options.paths!, { ...paths, key, numbers: options.paths!.map((_, i) => i + 1) })] : layers;
  // Layers are plain objects built in their own files; Vega-Lite's compile checks the whole.
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: title.text.length > 1 ? title.text : (title.text[0] ?? ''),
      subtitle: title.subtitle,
      // Centred on the plot area; title and subtitle never wider than it.
      frame: 'group',
      limit: width,
    },
    width,
    height,
    background: options.transparent ? 'transparent' : PALETTES[theme].background,
    config: {
      ...config,
      axisX: { tickCount: tickCount(width, 'x'), labelOverlap: true },
      axisY: { tickCount: tickCount(height, 'y'), labelOverlap: true },
      legend,
    },
    data: { values: drawArrows ? laid.arrows : [] },
    layer: drawn,
  } as unknown as TopLevelSpec;
}

// What the subtitle says: the function's name, what is drawn, how length follows |∇f|, and free axes.
function subtitleOf(options: ChartOptions, aspect: Aspect, lines: boolean): string {
  const { ascent = false, length = 'linear', arrows = true } = options;
  return (
    options.subtitleText ??
    [
      options.subtitle,
      `${drawnMarks(arrows, lines)}: ${ascent ? '+∇f (ascent)' : '−∇f (descent)'}`,
      arrows && describeLength(length),
      aspect === 'free' && 'axes scaled apart, arrow angles true on screen',
    ]
      .filter(Boolean)
      .join(' · ')
  );
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

// How the paths are drawn, in the frame's pixels; undefined without paths.
function pathOptions(options: ChartOptions, { xdomain, ydomain, width, height }: Frame): Omit<PathLayerOptions, 'numbers'> | undefined {
  if (!options.paths?.length) return undefined;
  return { labels: pathLabels(options.paths), halo: PALETTES[options.theme ?? 'light'].halo, tooltip: options.tooltip ?? true, plot: { xdomain, ydomain, width, height } };
}

// One panel per optimizer label, with every path of that optimizer (all its starts); legends off, titles name them.
function panelsOf(paths: DescentPath[], options: Omit<PathLayerOptions, 'numbers'>) {
  return options.labels.map((label) => {
    const mine = paths.map((p, i) => [p, i + 1] as const).filter(([p]) => pathLabels([p])[0] === label);
    return { title: label, layer: pathLayer(mine.map(([p]) => p), { ...options, numbers: mine.map(([, n]) => n) }) };
  });
}

function functionOf(options: ChartOptions): ScalarFunction {
  if (!options.fn) throw new Error('quiverSpec: a background or streamlines need the function (options.fn)');
  return options.fn;
}

// The smallest |∇f| among the arrows; 0 when there are none.
function smallestMagnitude(arrows: Arrow[]): number {
  return arrows.length ? arrows.reduce((m, a) => Math.min(m, a.mag), Infinity) : 0;
}
