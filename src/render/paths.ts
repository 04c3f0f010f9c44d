import type { DescentPath } from '../core/descent.js';
import { describeOptimizer } from '../core/optimizers.js';
import type { LegendSize } from './layout.js';

/** Path colours, by optimizer in the order given: red first, as the book draws its paths. */
const PATH_COLORS = ['#d62728', '#1f77b4', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#bcbd22', '#7f7f7f'];

/** Line width of a path, and of its stroke in the legend, in pixels. */
const LINE_WIDTH = 1.8;
const KEY_LINE_WIDTH = 2.5;
/** Lines a little see-through, so crossing paths both show. */
const LINE_OPACITY = 0.9;
/** Marker areas in square pixels (a dot at each step, the start a square, the end a diamond), and the markers' outline. */
const DOT_SIZE = 24;
const END_SIZE = 110;
const END_HALO = 1.2;

/** The legend's geometry, in pixels, as Vega draws a symbol legend beside the plot. */
const KEY = { offset: 18, stroke: 10, labelGap: 7, titleLine: 13, titleGap: 4, row: 13 };

/** The legend's names of the paths' optimizers, each once, in the order given. */
export function pathLabels(paths: readonly DescentPath[]): string[] {
  return [...new Set(paths.map((p) => describeOptimizer(p.optimizer)))];
}

/** Where the plot area maps data to pixels: the chart's domains and its size. */
export interface PlotArea {
  xdomain: readonly [number, number];
  ydomain: readonly [number, number];
  width: number;
  height: number;
}

/** The paths' legend: its text, sizes and colours from the chart's legend config, its top at the top of the column or its bottom at the plot's bottom (below other legends). */
export interface PathKeyStyle {
  anchor: 'top' | 'bottom';
  labelFontSize: number;
  titleFontSize: number;
  labelColor: string;
  titleColor: string;
}

/** The legend's style from the chart's legend config (Vega's colours where it gives none), below the other legends if there are some beside the plot. */
export function pathKeyStyle(legend: Record<string, unknown>, belowOthers: boolean): PathKeyStyle {
  const { labelFontSize, titleFontSize, labelColor = '#000', titleColor = '#000' } = legend as Partial<Omit<PathKeyStyle, 'anchor'>>;
  return { anchor: belowOthers ? 'bottom' : 'top', labelFontSize: labelFontSize ?? 10, titleFontSize: titleFontSize ?? 11, labelColor, titleColor };
}

export interface PathLayerOptions {
  /** Every optimizer's label, so each keeps its colour in every panel. */
  labels: string[];
  /** Numbers of `paths` (from 1), as in the CSV. */
  numbers: number[];
  x: (field: string) => Record<string, unknown>;
  y: (field: string) => Record<string, unknown>;
  plot: PlotArea;
  /** Outline around the start and end markers. */
  halo: string;
  /** A tooltip on each point (step, x0, x1, f, |∇f|): then each dot is a mark of its own. */
  tooltip: boolean;
  /** The legend beside the plot; none in panels, whose titles name the optimizer. */
  key?: PathKeyStyle;
}

/** What the legend takes in the legend column, for the other legends to leave room for it. */
export function pathKeySize(labels: readonly string[]): LegendSize {
  // Its two title lines and the space under the plot it may not use, as rows.
  return { kind: 'symbol', entries: labels.length + 4 };
}

/**
 * Descent paths over the field: each a line through its points with a dot at
 * each, coloured by optimizer, the start a square and the end a diamond, and a
 * legend of the optimizers (name and lr) that names the markers in its title.
 *
 * Every part is a symbol whose shape is an SVG path in pixels, its colour and
 * size given per datum: a path's line is one symbol, and so are all its dots
 * unless each needs a tooltip. Vega's cost grows with marks and items, and a
 * line mark per colour or a Vega legend would cost more than the paths. (Vega
 * keeps each path text it has drawn, a few kB a path, for the thread's life.)
 */
export function pathLayer(paths: readonly DescentPath[], options: PathLayerOptions): Record<string, unknown> {
  const { labels, numbers, x, y, plot, halo, tooltip, key } = options;
  const colorOf = (p: DescentPath) => PATH_COLORS[labels.indexOf(describeOptimizer(p.optimizer)) % PATH_COLORS.length];
  const px = pixels(plot);
  const lines: Item[] = paths.filter((p) => p.count > 1).map((p) => ({ x0: p.points[0], x1: p.points[1], shape: polyline(p, px), color: colorOf(p), width: LINE_WIDTH, opacity: LINE_OPACITY }));
  // Dots above every line, start and end markers above every dot.
  const steps = paths.flatMap((p, i) => dots(p, numbers[i], colorOf(p), px, tooltip));
  const strokes = [...lines, ...(tooltip ? [] : steps), ...(key ? keyStrokes(labels, plot, key, px) : [])];
  const points = [...(tooltip ? steps : []), ...paths.flatMap((p, i) => ends(p, numbers[i], colorOf(p)))];
  const at = { x: x('x0'), y: y('x1') };
  const direct = (field: string, type = 'nominal') => ({ field, type, scale: null });
  const layers: Record<string, unknown>[] = [
    {
      description: 'path lines',
      data: { values: strokes },
      // size 4: Vega scales a path shape by √size / 2, so its units stay pixels.
      mark: { type: 'point', filled: false, size: 4, strokeCap: 'round' },
      encoding: { ...at, shape: direct('shape'), color: direct('color'), strokeWidth: direct('width', 'quantitative'), opacity: direct('opacity', 'quantitative') },
    },
    {
      description: 'path markers',
      data: { values: points },
      mark: { type: 'point', filled: true, opacity: 1, stroke: halo },
      encoding: {
        ...at,
        shape: direct('shape'),
        fill: direct('color'),
        size: direct('size', 'quantitative'),
        strokeWidth: direct('halo', 'quantitative'),
        ...(tooltip ? { tooltip: TOOLTIP } : {}),
      },
    },
  ];
  if (key) layers.push(keyText(labels, plot, key));
  return { description: 'descent paths', layer: layers };
}

const TOOLTIP = [
  { field: 'optimizer', type: 'nominal' },
  { field: 'step', type: 'quantitative' },
  { field: 'x0', type: 'quantitative', format: '.6~g' },
  { field: 'x1', type: 'quantitative', format: '.6~g' },
  { field: 'f', type: 'quantitative', format: '.6~g' },
  { field: 'mag', type: 'quantitative', title: '|∇f|', format: '.6~g' },
];

/** One symbol: at (x0, x1) in data units, a shape (a name, or an SVG path in pixels about that point) and its paint. */
interface Item {
  x0: number;
  x1: number;
  shape: string;
  color: string;
  width?: number;
  opacity?: number;
  size?: number;
  halo?: number;
  /** The point's own values, for its tooltip. */
  path?: number;
  optimizer?: string;
  step?: number;
  f?: number | null;
  mag?: number | null;
}

/** Pixels from a point to another, both in data units; y grows downwards on screen. */
type Offset = (fromX: number, fromY: number, toX: number, toY: number) => [number, number];

function pixels({ xdomain, ydomain, width, height }: PlotArea): Offset {
  const [kx, ky] = [width / (xdomain[1] - xdomain[0]), height / (ydomain[1] - ydomain[0])];
  return (fx, fy, tx, ty) => [(tx - fx) * kx, -(ty - fy) * ky];
}

// Hundredths of a pixel: exact on screen, and short.
const short = (v: number) => String(Math.round(v * 100) / 100);

/** The path's line as an SVG path from its start, in pixels. */
function polyline(p: DescentPath, px: Offset): string {
  const q = p.points;
  let d = 'M0,0';
  for (let k = 1; k < p.count; k++) {
    const [dx, dy] = px(q[0], q[1], q[2 * k], q[2 * k + 1]);
    d += `L${short(dx)},${short(dy)}`;
  }
  return d;
}

/** The dots between start and end: one symbol each with a tooltip, else one for them all, each a round cap on a point. */
function dots(p: DescentPath, path: number, color: string, px: Offset, tooltip: boolean): Item[] {
  const q = p.points;
  const steps = Array.from({ length: Math.max(0, p.count - 2) }, (_, i) => i + 1);
  if (tooltip) return steps.map((k) => ({ ...pointOf(p, path, k), shape: 'circle', color, size: DOT_SIZE, halo: 0 }));
  if (steps.length === 0) return [];
  // A line of no length draws its round caps, a disc as wide as the line: a circle for Cairo and SVG alike.
  const shape = steps
    .map((k) => {
      const [dx, dy] = px(q[0], q[1], q[2 * k], q[2 * k + 1]);
      return `M${short(dx)},${short(dy)}l0,0`;
    })
    .join('');
  return [{ x0: q[0], x1: q[1], shape, color, width: 2 * Math.sqrt(DOT_SIZE / Math.PI), opacity: 1 }];
}

function ends(p: DescentPath, path: number, color: string): Item[] {
  const last = p.count - 1;
  return [
    { ...pointOf(p, path, 0), shape: 'square', color, size: END_SIZE, halo: END_HALO },
    ...(last > 0 ? [{ ...pointOf(p, path, last), shape: 'diamond', color, size: END_SIZE, halo: END_HALO }] : []),
  ];
}

function pointOf(p: DescentPath, path: number, k: number) {
  const finite = (v: number) => (Number.isFinite(v) ? v : null);
  return {
    path,
    optimizer: describeOptimizer(p.optimizer),
    step: k,
    x0: p.points[2 * k],
    x1: p.points[2 * k + 1],
    f: finite(p.f[k]),
    mag: finite(Math.hypot(p.gradient[2 * k], p.gradient[2 * k + 1])),
  };
}

/** Middles of the legend's lines, in pixels from the plot's top: the title's two, then one per label. */
function keyRows(labels: readonly string[], { height }: PlotArea, key: PathKeyStyle): { titles: number[]; rows: number[] } {
  const titles = [KEY.titleLine / 2, KEY.titleLine * 1.5];
  const rows = labels.map((_, i) => KEY.titleLine * 2 + KEY.titleGap + KEY.row * (i + 0.5));
  const top = key.anchor === 'top' ? 0 : height - (rows[rows.length - 1] + KEY.row / 2);
  return { titles: titles.map((y) => top + y), rows: rows.map((y) => top + y) };
}

/** The legend's coloured strokes, as symbols at the data point under their pixel place. */
function keyStrokes(labels: readonly string[], plot: PlotArea, key: PathKeyStyle, px: Offset): Item[] {
  const { rows } = keyRows(labels, plot, key);
  const [ox, oy] = px(0, 0, 1, 1);
  const half = KEY.stroke / 2;
  return labels.map((_, i) => ({
    x0: plot.xdomain[0] + (plot.width + KEY.offset + half) / ox,
    x1: plot.ydomain[1] + rows[i] / oy,
    shape: `M${-half},0L${half},0`,
    color: PATH_COLORS[i % PATH_COLORS.length],
    width: KEY_LINE_WIDTH,
    opacity: 1,
  }));
}

/** The legend's title and labels, one text mark placed in pixels. */
function keyText(labels: readonly string[], plot: PlotArea, key: PathKeyStyle): Record<string, unknown> {
  const { titles, rows } = keyRows(labels, plot, key);
  const title = ['descent', '■ start ◆ end'].map((text, i) => ({ text, px: plot.width + KEY.offset, py: titles[i], size: key.titleFontSize, weight: 'bold', color: key.titleColor }));
  const entries = labels.map((text, i) => ({ text, px: plot.width + KEY.offset + KEY.stroke + KEY.labelGap, py: rows[i], size: key.labelFontSize, weight: 'normal', color: key.labelColor }));
  return {
    description: 'path legend',
    data: { values: [...title, ...entries] },
    mark: { type: 'text', align: 'left', baseline: 'middle', fontWeight: { expr: 'datum.weight' } },
    encoding: {
      x: { field: 'px', type: 'quantitative', scale: null },
      y: { field: 'py', type: 'quantitative', scale: null },
      text: { field: 'text' },
      size: { field: 'size', type: 'quantitative', scale: null },
      color: { field: 'color', type: 'nominal', scale: null },
    },
  };
}
