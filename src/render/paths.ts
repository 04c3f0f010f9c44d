import type { DescentPath } from '../core/descent.js';
import { describeOptimizer } from '../core/optimizers.js';
import type { LegendSize } from './layout.js';
import { withVegaTwin } from './vega-twin.js';
import { KEY, KEY_TITLES, keyBlock, keyRows, cornerPlace, type KeyPlace, type KeyText } from './path-key.js';

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
/** The legend's box inside the plot, as matplotlib's: a thin edge and rounded corners; opaque, so the labels read clearly (and the picture encodes faster than with the field showing through). */
const KEY_BOX_EDGE = 1;
const KEY_BOX_RADIUS = 3;

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

/** The paths' legend: where its lines start, its text, and the colours of its box when it lies inside the plot. */
export interface PathKey {
  place: KeyPlace;
  text: KeyText;
  /** The box's fill (the chart's background) and edge. */
  box: { fill: string; edge: string };
}

export interface PathLayerOptions {
  /** Every optimizer's label, so each keeps its colour in every panel. */
  labels: string[];
  /** Numbers of `paths` (from 1), as in the CSV. */
  numbers: number[];
  plot: PlotArea;
  /** Outline around the start and end markers. */
  halo: string;
  /** A tooltip on each point (step, x0, x1, f, |∇f|): then each point is a row of the data, a symbol of its own. */
  tooltip: boolean;
  /** The legend; none in panels, whose titles name the optimizer. */
  key?: PathKey;
}

/**
 * Where the legend goes: inside the plot, on a box, in the corner farthest
 * from every path and from the points in `avoid` (data units), so the
 * picture is no wider; undefined when every corner would
 * cover one of them: the legend then goes beside the plot.
 */
export function pathKeyInside(paths: readonly DescentPath[], labels: readonly string[], plot: PlotArea, text: KeyText, avoid: readonly [number, number][] = []): KeyPlace | undefined {
  return cornerPlace(keyBlock(labels, text), plot, pathMarks(paths, pixels(plot), avoid));
}

/** The segments of every path's line (a path of one point a segment of no length), and the points to avoid: rows x0, y0, x1, y1 in pixels. */
function pathMarks(paths: readonly DescentPath[], px: ToPixels, avoid: readonly [number, number][]): Float64Array {
  const count = paths.reduce((n, p) => n + Math.max(1, p.count - 1), avoid.length);
  const out = new Float64Array(4 * count);
  let i = 0;
  const push = (a: readonly number[], b: readonly number[]) => {
    out.set([a[0], a[1], b[0], b[1]], i);
    i += 4;
  };
  for (const p of paths.filter((q) => q.count > 0)) {
    let last = at(p, 0, px);
    if (p.count === 1) push(last, last);
    for (let k = 1; k < p.count; k++) {
      const here = at(p, k, px);
      push(last, here);
      last = here;
    }
  }
  for (const a of avoid) push(px(a[0], a[1]), px(a[0], a[1]));
  return out.subarray(0, i);
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
 * Everything is placed in pixels and painted per datum, so no layer has a
 * scale or a Vega legend of its own.
 *
 * A picture draws every part as a symbol of one mark: a path's line is one
 * symbol whose shape is an SVG path in pixels, and so are all its dots. Vega's
 * cost grows with marks and items: a line mark per colour, a symbol per dot,
 * or a Vega legend would cost more than the paths. (Vega keeps each path text
 * it has drawn, a few kB a path, for the thread's life.) With tooltips (the
 * page, the spec), each point is a row of the layer's data, with its own
 * symbol and tooltip and a line through the rows, so a page can also filter
 * them by step.
 */
export function pathLayer(paths: readonly DescentPath[], options: PathLayerOptions): Record<string, unknown> {
  const { labels, numbers, plot, halo, tooltip, key } = options;
  const colors = new Map(paths.map((p) => [p, PATH_COLORS[labels.indexOf(describeOptimizer(p.optimizer)) % PATH_COLORS.length]]));
  const colorOf = (p: DescentPath) => colors.get(p)!;
  const px = pixels(plot);
  const legend = key ? [keyText(labels, key)] : [];
  const legendStrokes = key ? keyStrokes(labels, key) : [];
  if (tooltip) {
    // The points of each path in order, as the CSV has them.
    const rows = paths.flatMap((p, i) => pointMarkers(p, numbers[i], colorOf(p), halo, px));
    const lines = {
      description: 'path lines',
      mark: { type: 'line', strokeWidth: LINE_WIDTH, opacity: LINE_OPACITY },
      // stroke, not color: Vega-Lite would share a color scale with the background's and drop rows whose colour is not a number.
      encoding: { x: PIXEL_X, y: PIXEL_Y, detail: { field: 'path', type: 'nominal' }, order: { field: 'step', type: 'quantitative' }, stroke: direct('fill') },
    };
    // Start and end markers above every dot: drawn by size.
    const markers = { ...symbolLayer('path markers', undefined, TOOLTIP), encoding: { ...symbolEncoding(TOOLTIP), order: { field: 'size', type: 'quantitative' } } };
    const layers = [lines, markers, ...(key ? [symbolLayer('path legend strokes', legendStrokes)] : []), ...legend];
    return { description: 'descent paths', data: { values: rows }, layer: layers };
  }
  const lines = paths.filter((p) => p.count > 1).map((p): Item => ({ ...stroke(colorOf(p), LINE_WIDTH, LINE_OPACITY), px: at(p, 0, px)[0], py: at(p, 0, px)[1], shape: polyline(p, px) }));
  const dots = paths.flatMap((p) => dotStrokes(p, colorOf(p), px));
  // Dots above every line, start and end markers above every dot.
  const ends = paths.flatMap((p, i) => endMarkers(p, numbers[i], colorOf(p), halo, px));
  const symbols = [...lines, ...dots, ...ends, ...legendStrokes];
  const layer = { description: 'descent paths', layer: [symbolLayer('path lines and markers', symbols), ...legend] };
  // The same marks in Vega, for a picture drawn in this process: Vega-Lite need not compile them.
  const texts = legend.length ? (legend[0].data as { values: Record<string, unknown>[] }).values : [];
  return withVegaTwin(layer, {
    data: [{ name: 'path_symbols_data', values: symbols }, ...(texts.length ? [{ name: 'path_legend_data', values: texts }] : [])],
    marks: [vegaMark('symbol', 'path_symbols', SYMBOL_FIELDS, { strokeCap: 'round' }), ...(texts.length ? [vegaMark('text', 'path_legend', TEXT_FIELDS, TEXT_MARK)] : [])],
  });
}

/** A Vega mark `name` of data set `<name>_data`, each channel from a field of the datum, the rest fixed. */
function vegaMark(type: string, name: string, fields: Record<string, string>, fixed: Record<string, string>): Record<string, unknown> {
  const update = Object.fromEntries([...Object.entries(fields).map(([channel, field]) => [channel, { field }]), ...Object.entries(fixed).map(([k, value]) => [k, { value }])]);
  // The style Vega-Lite gives these marks, which carries the chart's font.
  return { type, name, style: [type === 'symbol' ? 'point' : 'text'], from: { data: `${name}_data` }, encode: { update } };
}

const direct = (field: string, type = 'nominal') => ({ field, type, scale: null });

/** One mark of symbols, each with its own place, shape and paint; of `items`, else of the data it is given. */
function symbolLayer(description: string, items?: Item[], tooltip?: typeof TOOLTIP): Record<string, unknown> {
  return { description, ...(items ? { data: { values: items } } : {}), mark: { type: 'point', strokeCap: 'round' }, encoding: symbolEncoding(tooltip) };
}

/** A symbol's channels (Vega's names, Vega-Lite's but for `strokeWidth`), each from a field of its item, and whether that field is a number. */
const SYMBOL_FIELDS: Record<string, string> = { x: 'px', y: 'py', shape: 'shape', size: 'size', fill: 'fill', stroke: 'stroke', strokeWidth: 'width', opacity: 'opacity' };
const NUMBERS = new Set(['px', 'py', 'size', 'width', 'opacity']);

function symbolEncoding(tooltip?: typeof TOOLTIP): Record<string, unknown> {
  const fields = Object.entries(SYMBOL_FIELDS).map(([channel, field]) => [channel, direct(field, NUMBERS.has(field) ? 'quantitative' : 'nominal')]);
  return { ...Object.fromEntries(fields), ...(tooltip ? { tooltip } : {}) };
}

// size 4: Vega scales a path shape by √size / 2, so its units stay pixels.
const stroke = (color: string, width: number, opacity = 1) => ({ size: 4, fill: null, stroke: color, width, opacity });
const marker = (shape: string, color: string, size: number, halo: string, width: number) => ({ shape, size, fill: color, stroke: halo, width, opacity: 1 });

/** Places in pixels, worked out here: the axes' scales and their merging are Vega-Lite's costliest work per layer. */
const PIXEL_X = direct('px', 'quantitative');
const PIXEL_Y = direct('py', 'quantitative');

const TOOLTIP = [
  { field: 'optimizer', type: 'nominal' },
  { field: 'step', type: 'quantitative' },
  { field: 'x0', type: 'quantitative', format: '.6~g' },
  { field: 'x1', type: 'quantitative', format: '.6~g' },
  { field: 'f', type: 'quantitative', format: '.6~g' },
  { field: 'mag', type: 'quantitative', title: '|∇f|', format: '.6~g' },
];

/** One symbol: at (px, py), in pixels from the plot's top-left, a shape (a name, or an SVG path in pixels about that place) and its paint. */
interface Item {
  px: number;
  py: number;
  shape: string;
  size: number;
  fill: string | null;
  stroke: string;
  /** Of the stroke, in pixels. */
  width: number;
  opacity: number;
  /** A point's own values, for its tooltip. */
  path?: number;
  optimizer?: string;
  step?: number;
  x0?: number;
  x1?: number;
  f?: number | null;
  mag?: number | null;
}

/** A point's place in pixels from the plot's top-left. */
type ToPixels = (x0: number, x1: number) => [number, number];

function pixels({ xdomain, ydomain, width, height }: PlotArea): ToPixels {
  const [kx, ky] = [width / (xdomain[1] - xdomain[0]), height / (ydomain[1] - ydomain[0])];
  return (x0, x1) => [(x0 - xdomain[0]) * kx, (ydomain[1] - x1) * ky];
}

// Hundredths of a pixel: exact on screen, and short.
const short = (v: number) => Math.round(v * 100) / 100;

/** Point k of a path in pixels. */
const at = (p: DescentPath, k: number, px: ToPixels) => px(p.points[2 * k], p.points[2 * k + 1]);

/** The path's line, a symbol at its start: an SVG path from there, in pixels. */
function polyline(p: DescentPath, px: ToPixels): string {
  const [sx, sy] = at(p, 0, px);
  let d = 'M0,0';
  for (let k = 1; k < p.count; k++) {
    const [x, y] = at(p, k, px);
    d += `L${short(x - sx)},${short(y - sy)}`;
  }
  return d;
}

/** A marker at each point of the path, in order: the start a square, a dot at each step, the end a diamond. */
function pointMarkers(p: DescentPath, path: number, color: string, halo: string, px: ToPixels): Item[] {
  const last = p.count - 1;
  return Array.from({ length: p.count }, (_, k) => ({
    ...pointOf(p, path, k, px),
    ...(k === 0 ? marker('square', color, END_SIZE, halo, END_HALO) : k === last ? marker('diamond', color, END_SIZE, halo, END_HALO) : marker('circle', color, DOT_SIZE, halo, 0)),
  }));
}

/** The start and end markers alone, as `pointMarkers` makes them. */
function endMarkers(p: DescentPath, path: number, color: string, halo: string, px: ToPixels): Item[] {
  const last = p.count - 1;
  return (last > 0 ? [0, last] : [0]).map((k) => ({ ...pointOf(p, path, k, px), ...(k === 0 ? marker('square', color, END_SIZE, halo, END_HALO) : marker('diamond', color, END_SIZE, halo, END_HALO)) }));
}

/** The dots between start and end as one symbol: a line of no length draws its round caps, a disc as wide as the line, for Cairo and SVG alike. */
function dotStrokes(p: DescentPath, color: string, px: ToPixels): Item[] {
  const steps = Array.from({ length: Math.max(0, p.count - 2) }, (_, i) => i + 1);
  if (steps.length === 0) return [];
  const [sx, sy] = at(p, 0, px);
  const shape = steps
    .map((k) => {
      const [x, y] = at(p, k, px);
      return `M${short(x - sx)},${short(y - sy)}l0,0`;
    })
    .join('');
  return [{ ...stroke(color, 2 * Math.sqrt(DOT_SIZE / Math.PI)), px: sx, py: sy, shape }];
}

function pointOf(p: DescentPath, path: number, k: number, px: ToPixels) {
  const finite = (v: number) => (Number.isFinite(v) ? v : null);
  const [x, y] = at(p, k, px);
  return {
    px: x,
    py: y,
    path,
    optimizer: describeOptimizer(p.optimizer),
    step: k,
    x0: p.points[2 * k],
    x1: p.points[2 * k + 1],
    f: finite(p.f[k]),
    mag: finite(Math.hypot(p.gradient[2 * k], p.gradient[2 * k + 1])),
  };
}

/** The legend's box, if it has one, and its coloured strokes, in pixels from the plot's top-left. */
function keyStrokes(labels: readonly string[], { place, box }: PathKey): Item[] {
  const half = KEY.stroke / 2;
  const strokes = keyRows(labels).rows.map((y, i) => ({ ...stroke(PATH_COLORS[i % PATH_COLORS.length], KEY_LINE_WIDTH), px: place.left + half, py: place.top + y, shape: `M${-half},0L${half},0` }));
  if (!place.box) return strokes;
  const { width, height } = place.box;
  const under = { ...stroke(box.edge, KEY_BOX_EDGE), fill: box.fill, px: place.left - KEY.padding, py: place.top - KEY.padding, shape: roundedRect(width, height, KEY_BOX_RADIUS) };
  return [under, ...strokes];
}

/** The legend's title and labels, one text mark placed in pixels. */
function keyText(labels: readonly string[], { place, text: style }: PathKey): Record<string, unknown> {
  const { titles, rows } = keyRows(labels);
  const title = KEY_TITLES.map((text, i) => ({ text, px: place.left, py: place.top + titles[i], size: style.titleFontSize, weight: 'bold', color: style.titleColor }));
  const entries = labels.map((text, i) => ({ text, px: place.left + KEY.stroke + KEY.labelGap, py: place.top + rows[i], size: style.labelFontSize, weight: 'normal', color: style.labelColor }));
  return {
    description: 'path legend',
    data: { values: [...title, ...entries] },
    mark: { type: 'text', ...TEXT_MARK, fontWeight: { expr: 'datum.weight' } },
    encoding: {
      x: PIXEL_X,
      y: PIXEL_Y,
      text: { field: 'text' },
      size: { field: 'size', type: 'quantitative', scale: null },
      color: { field: 'color', type: 'nominal', scale: null },
    },
  };
}

/** The legend text's channels in Vega, each from a field of its item, and what every line shares. */
const TEXT_FIELDS: Record<string, string> = { x: 'px', y: 'py', text: 'text', fontSize: 'size', fill: 'color', fontWeight: 'weight' };
const TEXT_MARK = { align: 'left', baseline: 'middle' };

/** A rectangle from (0, 0), `width` × `height` pixels, its corners rounded by `r`: an SVG path. */
function roundedRect(width: number, height: number, r: number): string {
  const [w, h] = [short(width - 2 * r), short(height - 2 * r)];
  return `M${r},0h${w}a${r},${r} 0 0 1 ${r},${r}v${h}a${r},${r} 0 0 1 ${-r},${r}h${-w}a${r},${r} 0 0 1 ${-r},${-r}v${-h}a${r},${r} 0 0 1 ${r},${-r}z`;
}
