import { METHODS, type Method } from './core/gradient.js';
import { HYPERPARAMETERS, inDomain, OPTIMIZER_NAMES, OPTIMIZERS, settle, type Hyperparameter, type Optimizer, type OptimizerChoice } from './core/optimizers.js';
import type { Range } from './functions/types.js';
import {
  ASPECTS,
  BACKGROUNDS,
  COLOR_SCALES,
  COLORMAPS,
  DEFAULT_MAX_ARROWS,
  DEFAULT_STREAM_WIDTH,
  FORMATS,
  LENGTH_MODES,
  MAGNITUDE,
  PIVOTS,
  THEMES,
  type Aspect,
  type BackgroundKind,
  type ColorScaleKind,
  type Format,
  type LengthMode,
  type Pivot,
  type Theme,
} from './chart-kinds.js';
import { DEFAULT_DENSITY } from './core/streamlines.js';
import { isCssColor } from './util/css-color.js';
import { LIMITS } from './util/limits.js';
import { nearest } from './util/nearest.js';
import { grouped } from './util/format-number.js';

/**
 * The options of one chart, as a user gives them: on the command line, in a
 * batch manifest or to the library. Every field is optional; `resolveRequest`
 * fills in defaults and checks how they fit together.
 */
export interface PlotOptions {
  /** A built-in function by name (`gradplot list`). */
  fn?: string;
  /** Your own function of x0, x1 (aliases x, y). */
  expr?: string;
  /** Both axes, `[min, max]`. Default `[-2, 2]`, or the built-in's own range. */
  range?: Range;
  /** The x0 axis only; overrides `range`. */
  xrange?: Range;
  /** The x1 axis only; overrides `range`. */
  yrange?: Range;
  /** Grid spacing in units of x. Default 0.25, or the built-in's own step. */
  step?: number;
  /** Difference step in units of x. Default 1e-4, as the book. */
  h?: number;
  /** `central` (default), `forward`, `five-point` or `analytic`. */
  method?: Method;
  /** Draw +∇f instead of the descent direction −∇f. Default false. */
  ascent?: boolean;
  /** Print how far the chosen method is from the exact gradient. Default false. */
  check?: boolean;
  /** Output file; `-` is stdout and needs `format`. */
  out?: string;
  /** Output format; default from the extension of `out`. */
  format?: Format;
  /** Pixel ratio of PNG output. Default 2. */
  scale?: number;
  /** How arrow length follows |∇f|: `linear` (default), `sqrt`, `log` (ln(1 + |∇f|)) or `none` (direction only). */
  length?: LengthMode;
  /** Same as `length: 'none'`. Default false. */
  normalize?: boolean;
  /** Fixed arrow scale in data units per unit of |∇f| (of L(|∇f|) with `length`), so charts compare. Default: the longest arrow spans 0.9 of a cell. */
  arrowScale?: number;
  /** Most arrows to draw; a grid with more points draws them on every s-th point of each axis (s as small as fits), cells s·step wide. Data exports keep every point. Default 2500. */
  maxArrows?: number;
  /** Draw a length key (a reference arrow and the |∇f| it stands for) above the plot. Default false. */
  key?: boolean;
  /** Which part of each arrow sits on its grid point: `tail` (default), `middle` or `tip`. */
  pivot?: Pivot;
  /** `magnitude` (|∇f| on viridis, with a legend) or a CSS colour for every arrow. Default #666666 (#b4b4b4 on the dark theme). */
  color?: string;
  /** f under the arrows: `none` (default), `heatmap` or `contour`. */
  background?: BackgroundKind;
  /** Find, mark and list the points where ∇f = 0. Default false. */
  critical?: boolean;
  /** Width of the plot area in pixels. Default: 480 for the longer side, the other following the ranges. */
  width?: number;
  /** Height of the plot area in pixels; with `width` too, each axis gets its own scale (angles stay true). */
  height?: number;
  /** The chart's title. Default `f(x0, x1) = <formula>`. */
  title?: string;
  /** `light` (default) or `dark`. */
  theme?: Theme;
  /** Descent paths: optimizers of the book (`sgd`, `momentum`, `nesterov`, `adagrad`, `rmsprop`, `adam`), each with its book defaults unless set. Default none. */
  descent?: Optimizer[];
  /** Where each path starts, every optimizer from every start. Default: the built-in's own start (`gradplot list`), or for an expression the point a tenth of the way in from the top-left corner of the range. */
  start?: [number, number][];
  /** Updates per path; a path has iterations + 1 points. Default 30. */
  iterations?: number;
  /** One panel per optimizer, sharing the axes. Default false. */
  panels?: boolean;
  /** Also write the paths as CSV (`path,optimizer,lr,step,x0,x1,f,g0,g1`) to this file. */
  pathsOut?: string;
  /** Draw streamlines of the drawn field (−∇f, or +∇f with `ascent`) instead of the arrows. Default false. */
  streamlines?: boolean;
  /** Draw the arrows: the default; with `streamlines`, both. `false` with `streamlines` draws the lines alone. */
  arrows?: boolean;
  /** Streamlines: about this many lines across the longer side of the plot (they start longer side / density pixels apart). Default 16. */
  density?: number;
  /** Streamlines: seed points `[x0, x1]` inside the range; one line through each, and no others. Default: evenly spaced lines. */
  streamStart?: [number, number][];
  /** Streamlines: the longest line, in data units (both ways from its seed together). Default: no limit. */
  maxLength?: number;
  /** Streamlines: line width in pixels, or `magnitude` (0.5 to 3 px by |∇f|). Default 1.2. */
  streamWidth?: number | 'magnitude';
  /** The background's Vega colour scheme (viridis, magma, cividis, blueorange, redblue, …). Default viridis, blueorange for signed f. */
  colormap?: string;
  /** How the background maps f to colour: `linear`, `log`, `symlog` or `diverging` (centred on 0). Default chosen from f. */
  colorScale?: ColorScaleKind;
  /** Grid spacing along x0 only; overrides `step`. */
  xstep?: number;
  /** Grid spacing along x1 only; overrides `step`. */
  ystep?: number;
  /** Grid points along x0 and x1, `[nx, ny]` (`41x21`); overrides `step`, and cannot be used with `xstep`/`ystep`. */
  points?: [number, number];
  /** Axis titles. Default `x0` and `x1`. */
  xlabel?: string;
  ylabel?: string;
  /** The subtitle instead of the one gradplot writes (the function's name, the arrows' direction); "" for none. */
  subtitle?: string;
  /** Shaft width in pixels. Default 1.4. */
  arrowWidth?: number;
  /** Longest arrow head in pixels; heads are 40% of their arrow up to this. Default 9. */
  headSize?: number;
  /** Size of axis labels in pixels; titles and legends follow it. Default 11. */
  fontSize?: number;
  /** A transparent background instead of the theme's. Default false. */
  transparent?: boolean;
  /** Resolution the PNG states (pHYs), in dots per inch. Default 96 × `scale`. */
  dpi?: number;
  /** `equal` (one scale for both axes) or `free` (each axis its own; arrow angles stay true on screen). Default equal, free when one range is over 10× the other or width and height are both given. */
  aspect?: Aspect;
}

/** How one option is spelt on the command line and read from any source. */
export interface OptionSpec {
  key: keyof PlotOptions;
  /** Commander flags, e.g. `-r, --range <min,max>`. */
  flags: string;
  description: string;
  /** Reads a value from argv (a string) or a manifest (string, number, boolean or array); throws with what is accepted. */
  parse: (value: unknown) => unknown;
  /** JSON Schema of the manifest value. */
  schema: Record<string, unknown>;
  /** The outputs the option changes, when not all: `chart` (png svg pdf vl.json html) or `png`; elsewhere it gets a note. */
  output?: 'chart' | 'png';
  /** Given several times on the command line, the values are collected into a list. */
  repeatable?: boolean;
}

/** Thrown by option parsers: what is accepted, and the value that was not. */
export class OptionValueError extends Error {
  constructor(
    readonly expected: string,
    value: unknown,
  ) {
    super(`expected ${expected}, got ${shown(value)}`);
  }
}

function shown(value: unknown): string {
  return JSON.stringify(typeof value === 'string' ? value : (value ?? null)) ?? String(value);
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return NaN;
}

/** A finite number greater than zero. */
export function positive(value: unknown): number {
  const n = toNumber(value);
  if (!(Number.isFinite(n) && n > 0)) throw new OptionValueError(`a number greater than 0`, value);
  return n;
}

/** A whole number greater than zero. */
export function count(value: unknown): number {
  const n = toNumber(value);
  if (!(Number.isSafeInteger(n) && n > 0)) throw new OptionValueError(`an integer greater than 0`, value);
  return n;
}

/** A number of arrows: a whole number from 1 to the limit. */
function arrows(value: unknown): number {
  const n = count(value);
  if (n > LIMITS.arrows.max) throw new OptionValueError(`an integer from 1 to ${grouped(LIMITS.arrows.max)}`, value);
  return n;
}

/** A side of the plot area in pixels, within the limits. */
function side(value: unknown): number {
  const n = positive(value);
  const { min, max } = LIMITS.plotSide;
  if (n < min || n > max) throw new OptionValueError(`a number of pixels from ${min} to ${grouped(max)}`, value);
  return n;
}

/** `min,max` (or `[min, max]`) with finite numbers and min < max. */
export function range(value: unknown): Range {
  const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const [min, max] = parts.map(toNumber);
  if (parts.length !== 2 || !Number.isFinite(min) || !Number.isFinite(max) || !(min < max)) {
    throw new OptionValueError(`min,max with min < max (e.g. -2,2)`, value);
  }
  return [min, max];
}

function oneOf<T extends string>(allowed: readonly T[]) {
  return (value: unknown): T => {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    throw new OptionValueError(`one of ${allowed.join(', ')}`, value);
  };
}

/** `magnitude` or a CSS colour. */
function color(value: unknown): string {
  if (typeof value === 'string' && (value === MAGNITUDE || isCssColor(value))) return value.trim();
  throw new OptionValueError(`${MAGNITUDE} or a CSS colour (a name such as steelblue, #rrggbb, rgb(…), hsl(…))`, value);
}

function text(value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new OptionValueError(`a non-empty string`, value);
  return value;
}

function flag(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  throw new OptionValueError(`true or false`, value);
}

/** Lines across the plot: a number greater than 0, up to the limit. */
function density(value: unknown): number {
  const n = toNumber(value);
  const max = LIMITS.streamlineDensity.max;
  if (!(Number.isFinite(n) && n > 0 && n <= max)) throw new OptionValueError(`a number greater than 0 and at most ${max}`, value);
  return n;
}

/** One or more points: `x0,x1` (the command line gives each separately), `[x0, x1]`, or a list of either. */
function seeds(value: unknown): [number, number][] {
  const expected = 'a point x0,x1 (e.g. 0.5,-1)';
  const point = (v: unknown): [number, number] => {
    const parts = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : [];
    const xy = parts.map((p) => (typeof p === 'number' || typeof p === 'string' ? toNumber(p) : NaN));
    if (xy.length !== 2 || !xy.every(Number.isFinite)) throw new OptionValueError(expected, value);
    return [xy[0], xy[1]];
  };
  const isPair = Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number');
  const list = Array.isArray(value) && !isPair ? value : [value];
  if (list.length === 0 || list.length > LIMITS.streamStarts.max) throw new OptionValueError(`from 1 to ${LIMITS.streamStarts.max} points x0,x1`, value);
  return list.map(point);
}

/** A width in pixels, or `magnitude`. */
function streamWidth(value: unknown): number | typeof MAGNITUDE {
  if (value === MAGNITUDE) return MAGNITUDE;
  const n = toNumber(value);
  if (!(Number.isFinite(n) && n > 0)) throw new OptionValueError(`a width in pixels greater than 0, or ${MAGNITUDE}`, value);
  return n;
}

/** `41x21` (or `[41, 21]`): grid points along x0 and x1, at least 2 each. */
export function pointCounts(value: unknown): [number, number] {
  const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.toLowerCase().split('x') : [];
  const [nx, ny] = parts.map((p) => (typeof p === 'number' ? p : p.trim() === '' ? NaN : Number(p)));
  if (parts.length !== 2 || !Number.isSafeInteger(nx) || !Number.isSafeInteger(ny) || nx < 2 || ny < 2) {
    throw new OptionValueError('NXxNY with whole numbers of at least 2 (e.g. 41x21)', value);
  }
  return [nx, ny];
}

/** A Vega colour scheme by name. */
function colormap(value: unknown): string {
  if (typeof value === 'string' && COLORMAPS.includes(value)) return value;
  const guess = typeof value === 'string' ? nearest(value, COLORMAPS) : undefined;
  throw new OptionValueError(`${guess ? `a Vega colour scheme (did you mean ${guess}?)` : 'a Vega colour scheme'}: ${COLORMAPS.join(', ')}`, value);
}

/** Any string, the empty one included (an empty title draws none). */
function anyText(value: unknown): string {
  if (typeof value !== 'string') throw new OptionValueError(`a string`, value);
  return value;
}

const rangeSchema = {
  oneOf: [
    { type: 'string', pattern: '^\\s*-?[0-9.eE+-]+\\s*,\\s*-?[0-9.eE+-]+\\s*$' },
    { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
  ],
};
const positiveSchema = { type: 'number', exclusiveMinimum: 0 };
const sideSchema = { type: 'number', minimum: LIMITS.plotSide.min, maximum: LIMITS.plotSide.max };
const pointSchema = { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 };
const startSchema = { oneOf: [{ type: 'string' }, pointSchema, { type: 'array', minItems: 1, items: { oneOf: [{ type: 'string' }, pointSchema] } }] };
// A point is written as a range is, two numbers: one, or a list of them.
const seedsSchema = { oneOf: [rangeSchema, { type: 'array', items: rangeSchema, minItems: 1, maxItems: LIMITS.streamStarts.max }] };

/** Every chart option, in the order `--help` lists them. */
export const OPTIONS: readonly OptionSpec[] = [
  { key: 'fn', flags: '-f, --fn <name>', description: 'a built-in function (see `gradplot list`)', parse: text, schema: { type: 'string' } },
  { key: 'expr', flags: '-e, --expr <expression>', description: 'your own function of x0, x1 (aliases x, y), e.g. "sin(x0*x1)"', parse: text, schema: { type: 'string' } },
  { key: 'range', flags: '-r, --range <min,max>', description: 'range of both axes (default: -2,2 or the built-in\'s own)', parse: range, schema: rangeSchema },
  { key: 'xrange', flags: '--xrange <min,max>', description: 'range of the x0 axis', parse: range, schema: rangeSchema },
  { key: 'yrange', flags: '--yrange <min,max>', description: 'range of the x1 axis', parse: range, schema: rangeSchema },
  { key: 'step', flags: '-s, --step <size>', description: 'grid spacing (default: 0.25 or the built-in\'s own)', parse: positive, schema: positiveSchema },
  { key: 'h', flags: '--h <size>', description: 'difference step (default: 1e-4); -h is --help', parse: positive, schema: positiveSchema },
  { key: 'method', flags: '--method <name>', description: `gradient method: ${METHODS.join(', ')} (default: central)`, parse: oneOf(METHODS), schema: { enum: METHODS } },
  { key: 'ascent', flags: '--ascent', description: 'draw +∇f instead of −∇f (the descent direction)', parse: flag, schema: { type: 'boolean' }, output: 'chart' },
  { key: 'check', flags: '--check', description: 'print the largest difference from the exact gradient', parse: flag, schema: { type: 'boolean' } },
  { key: 'out', flags: '-o, --out <file>', description: 'output file: .png .svg .pdf .vl.json .html .csv .json, or - for stdout', parse: text, schema: { type: 'string' } },
  { key: 'format', flags: '--format <fmt>', description: `output format: ${FORMATS.join(', ')} (default: from the extension)`, parse: oneOf(FORMATS), schema: { enum: FORMATS } },
  { key: 'scale', flags: '--scale <ratio>', description: 'pixel ratio of PNG output (default: 2)', parse: positive, schema: positiveSchema, output: 'png' },
  { key: 'length', flags: '--length <mode>', description: `arrow length from |∇f|: ${LENGTH_MODES.join(', ')} (default: linear)`, parse: oneOf(LENGTH_MODES), schema: { enum: LENGTH_MODES }, output: 'chart' },
  { key: 'normalize', flags: '--normalize', description: 'all arrows the same length (same as --length none)', parse: flag, schema: { type: 'boolean' }, output: 'chart' },
  { key: 'arrowScale', flags: '--arrow-scale <number>', description: 'fixed arrow length in data units per unit of |∇f| (default: longest arrow fits its cell)', parse: positive, schema: positiveSchema, output: 'chart' },
  { key: 'maxArrows', flags: '--max-arrows <n>', description: `most arrows to draw; a finer grid draws them on a regular sub-grid (default: ${DEFAULT_MAX_ARROWS}, at most ${LIMITS.arrows.max})`, parse: arrows, schema: { type: 'integer', minimum: 1, maximum: LIMITS.arrows.max }, output: 'chart' },
  { key: 'key', flags: '--key', description: 'draw a length key: a reference arrow and the |∇f| it stands for', parse: flag, schema: { type: 'boolean' }, output: 'chart' },
  { key: 'pivot', flags: '--pivot <part>', description: `part of the arrow on its grid point: ${PIVOTS.join(', ')} (default: tail)`, parse: oneOf(PIVOTS), schema: { enum: PIVOTS }, output: 'chart' },
  { key: 'color', flags: '--color <colour>', description: `${MAGNITUDE} (by |∇f|, viridis) or a CSS colour (default: #666666)`, parse: color, schema: { type: 'string' }, output: 'chart' },
  { key: 'background', flags: '--background <kind>', description: `f under the arrows: ${BACKGROUNDS.join(', ')} (default: none)`, parse: oneOf(BACKGROUNDS), schema: { enum: BACKGROUNDS }, output: 'chart' },
  { key: 'critical', flags: '--critical', description: 'mark and list the points where ∇f = 0 (minimum, maximum, saddle)', parse: flag, schema: { type: 'boolean' } },
  { key: 'width', flags: '--width <px>', description: `width of the plot area in pixels, ${LIMITS.plotSide.min} to ${LIMITS.plotSide.max} (default: 480 for the longer side)`, parse: side, schema: sideSchema, output: 'chart' },
  { key: 'height', flags: '--height <px>', description: `height of the plot area in pixels, ${LIMITS.plotSide.min} to ${LIMITS.plotSide.max}; with --width, axes get their own scales`, parse: side, schema: sideSchema, output: 'chart' },
  { key: 'title', flags: '--title <text>', description: 'chart title; "" for none (default: f(x0, x1) = the formula)', parse: anyText, schema: { type: 'string' }, output: 'chart' },
  { key: 'theme', flags: '--theme <name>', description: `${THEMES.join(' or ')} (default: light)`, parse: oneOf(THEMES), schema: { enum: THEMES }, output: 'chart' },
  { key: 'descent', flags: '--descent <list>', description: `descent paths: optimizer[:lr][:key=value…], comma-separated; optimizers ${OPTIMIZER_NAMES.join(', ')}; keys lr, ${HYPERPARAMETERS.join(', ')}`, parse: descent, schema: descentSchema() },
  { key: 'start', flags: '--start <x0,x1>', description: 'where the paths start; repeat for more starts (default: the built-in\'s own, see gradplot list)', parse: starts, schema: startSchema, repeatable: true },
  { key: 'iterations', flags: '--iterations <n>', description: 'updates per path (default: 30)', parse: iterations, schema: { type: 'integer', minimum: 1, maximum: LIMITS.pathPoints.max } },
  { key: 'panels', flags: '--panels', description: 'one panel per optimizer, sharing the axes', parse: flag, schema: { type: 'boolean' } },
  { key: 'pathsOut', flags: '--paths-out <file.csv>', description: 'also write the paths as CSV: path,optimizer,lr,step,x0,x1,f,g0,g1', parse: csvFile, schema: { type: 'string', pattern: '\\.[cC][sS][vV]$' } },
  { key: 'streamlines', flags: '--streamlines', description: 'draw streamlines of the field (−∇f, or +∇f with --ascent) instead of the arrows', parse: flag, schema: { type: 'boolean' } },
  { key: 'arrows', flags: '--arrows', description: 'draw the arrows (the default); with --streamlines, both', parse: flag, schema: { type: 'boolean' }, output: 'chart' },
  { key: 'density', flags: '--density <n>', description: `streamlines: about n lines across the longer side of the plot (default: ${DEFAULT_DENSITY})`, parse: density, schema: { type: 'number', exclusiveMinimum: 0, maximum: LIMITS.streamlineDensity.max } },
  { key: 'streamStart', flags: '--stream-start <x0,x1>', description: 'streamlines: a seed point inside the range, repeatable; lines start at these points only', parse: seeds, schema: seedsSchema, repeatable: true },
  { key: 'maxLength', flags: '--max-length <length>', description: 'streamlines: the longest line, in data units (default: no limit)', parse: positive, schema: positiveSchema },
  { key: 'streamWidth', flags: '--stream-width <px>', description: `streamlines: line width in pixels, or ${MAGNITUDE} (wider where |∇f| is larger) (default: ${DEFAULT_STREAM_WIDTH})`, parse: streamWidth, schema: { oneOf: [positiveSchema, { const: MAGNITUDE }] }, output: 'chart' },
  { key: 'colormap', flags: '--colormap <name>', description: 'colour scheme of the background: viridis, magma, cividis, blueorange, redblue, … (default: viridis, blueorange for signed f)', parse: colormap, schema: { enum: COLORMAPS }, output: 'chart' },
  { key: 'colorScale', flags: '--color-scale <kind>', description: `how f maps to colour: ${COLOR_SCALES.join(', ')} (default: chosen from f)`, parse: oneOf(COLOR_SCALES), schema: { enum: COLOR_SCALES }, output: 'chart' },
  { key: 'xstep', flags: '--xstep <size>', description: 'grid spacing along x0 (default: --step)', parse: positive, schema: positiveSchema },
  { key: 'ystep', flags: '--ystep <size>', description: 'grid spacing along x1 (default: --step)', parse: positive, schema: positiveSchema },
  { key: 'points', flags: '--points <NXxNY>', description: 'grid points along x0 and x1, e.g. 41x21 (instead of steps)', parse: pointCounts, schema: { oneOf: [{ type: 'string', pattern: '^\\s*[0-9]+\\s*[xX]\\s*[0-9]+\\s*$' }, { type: 'array', items: { type: 'integer', minimum: 2 }, minItems: 2, maxItems: 2 }] } },
  { key: 'xlabel', flags: '--xlabel <text>', description: 'title of the x0 axis (default: x0)', parse: anyText, schema: { type: 'string' }, output: 'chart' },
  { key: 'ylabel', flags: '--ylabel <text>', description: 'title of the x1 axis (default: x1)', parse: anyText, schema: { type: 'string' }, output: 'chart' },
  { key: 'subtitle', flags: '--subtitle <text>', description: 'subtitle instead of gradplot\'s own; "" for none', parse: anyText, schema: { type: 'string' }, output: 'chart' },
  { key: 'arrowWidth', flags: '--arrow-width <px>', description: 'shaft width in pixels (default: 1.4)', parse: positive, schema: positiveSchema, output: 'chart' },
  { key: 'headSize', flags: '--head-size <px>', description: 'longest arrow head in pixels (default: 9)', parse: positive, schema: positiveSchema, output: 'chart' },
  { key: 'fontSize', flags: '--font-size <px>', description: 'axis label size in pixels; titles follow it (default: 11)', parse: positive, schema: positiveSchema, output: 'chart' },
  { key: 'transparent', flags: '--transparent', description: 'no background colour', parse: flag, schema: { type: 'boolean' }, output: 'chart' },
  { key: 'dpi', flags: '--dpi <n>', description: 'resolution the PNG states, in dots per inch (default: 96 × --scale)', parse: positive, schema: positiveSchema, output: 'png' },
  { key: 'aspect', flags: '--aspect <mode>', description: 'equal: one scale for both axes; free: each its own (default: equal, free when one range is over 10× the other)', parse: oneOf(ASPECTS), schema: { enum: ASPECTS }, output: 'chart' },
];

/**
 * Reads raw values (argv strings, manifest values or the library's typed values) into typed options,
 * each through its option's one parser; undefined values are left out. Collects a detail per bad key.
 */
export function parseOptions(raw: Record<string, unknown>): { options: PlotOptions; errors: { key: string; detail: string }[] } {
  const options: Record<string, unknown> = {};
  const errors: { key: string; detail: string }[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const spec = optionSpec(key);
    if (!spec) {
      errors.push({ key, detail: unknownKey(key, OPTIONS.map((o) => o.key)) });
      continue;
    }
    try {
      options[key] = spec.parse(value);
    } catch (e) {
      if (!(e instanceof OptionValueError)) throw e;
      errors.push({ key, detail: e.message });
    }
  }
  return { options: options as PlotOptions, errors };
}

const OPTION_BY_KEY: Readonly<Record<string, OptionSpec>> = Object.fromEntries(OPTIONS.map((o) => [o.key, o]));

/** The option of `key`, if there is one. */
export function optionSpec(key: string): OptionSpec | undefined {
  return Object.hasOwn(OPTION_BY_KEY, key) ? OPTION_BY_KEY[key] : undefined;
}

/** `unknown key; did you mean "color"? expected one of …`: the words the manifest and the library use for a key they do not know. */
export function unknownKey(key: string, known: readonly string[]): string {
  const guess = nearest(key, known);
  return `unknown key; ${guess ? `did you mean "${guess}"? ` : ''}expected one of ${known.join(', ')}`;
}

// Descent paths: each parser reads a value from argv or a manifest into a typed value, or throws OptionValueError.

const DESCENT_FORMAT = `optimizer[:lr][:key=value…], comma-separated (e.g. sgd:0.95,adam:0.3:beta1=0.8)`;

/**
 * `sgd:0.95,momentum:0.1` (argv), or in a manifest a list of such strings or of
 * `{optimizer, lr, momentum, decayRate, beta1, beta2}`; left-out values take the
 * book's defaults.
 */
export function descent(value: unknown): Optimizer[] {
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [value];
  if (items.length === 0) throw new OptionValueError(DESCENT_FORMAT, value);
  return items.map((item) => {
    const shownItem = typeof item === 'string' ? `"${item.trim()}"` : (JSON.stringify(item) ?? String(item));
    // Which item is wrong, unless it is the whole value.
    const within = items.length > 1 ? ` in ${shownItem}` : '';
    return settle(typeof item === 'string' ? choiceOfText(item.trim(), value, within) : choiceOfObject(item, value, within));
  });
}

// `adam:0.3:beta1=0.8`: a name, then an optional learning rate, then key=value pairs.
function choiceOfText(text: string, value: unknown, within: string): OptimizerChoice {
  const [name, ...rest] = text.split(':');
  const fields: Record<string, unknown> = { optimizer: name };
  rest.forEach((part, i) => {
    const eq = part.indexOf('=');
    if (eq < 0 && i === 0) fields.lr = part;
    else if (eq < 0) throw new OptionValueError(`${DESCENT_FORMAT}; "${part}"${within} is not key=value`, value);
    else fields[part.slice(0, eq).trim()] = part.slice(eq + 1);
  });
  return choiceOfObject(fields, value, within);
}

// `{optimizer, lr, …}`: a known optimizer, its own keys only, each value in its domain.
function choiceOfObject(item: unknown, value: unknown, within: string): OptimizerChoice {
  const given = (typeof item === 'object' && item !== null && !Array.isArray(item) ? item : {}) as Record<string, unknown>;
  // A settled optimizer (`{optimizer, lr, params}`, as a path record names it) reads as its flat form.
  const { params, ...flat } = given;
  const fields = typeof params === 'object' && params !== null ? { ...flat, ...params } : given;
  const name = fields.optimizer;
  if (typeof name !== 'string' || !(name in OPTIMIZERS)) {
    const guess = typeof name === 'string' ? nearest(name, OPTIMIZER_NAMES) : undefined;
    const what = typeof name === 'string' ? `"${name}"${within} is not one` : `the optimizer is missing${within}`;
    throw new OptionValueError(`an optimizer of ${OPTIMIZER_NAMES.join(', ')}; ${what}${guess ? ` (did you mean "${guess}"?)` : ''}`, value);
  }
  const optimizer = name as OptimizerChoice['optimizer'];
  const keys = ['lr', ...Object.keys(OPTIMIZERS[optimizer].params)];
  const choice: OptimizerChoice = { optimizer };
  for (const [key, raw] of Object.entries(fields)) {
    if (key === 'optimizer') continue;
    if (!keys.includes(key)) {
      const guess = nearest(key, keys);
      throw new OptionValueError(`keys of ${optimizer}: ${keys.join(', ')}; "${key}"${within} is not one${guess ? ` (did you mean "${guess}"?)` : ''}`, value);
    }
    const n = toNumber(raw);
    if (key === 'lr' && !(Number.isFinite(n) && n > 0)) throw new OptionValueError(`a learning rate greater than 0${within}`, value);
    if (key !== 'lr' && !(Number.isFinite(n) && inDomain(n))) throw new OptionValueError(`${key} in [0, 1)${within}`, value);
    choice[key as 'lr' | Hyperparameter] = n;
  }
  return choice;
}

/** `x0,x1` or `[x0, x1]`, or a list of them (a repeated --start): finite numbers. */
export function starts(value: unknown): [number, number][] {
  const pair = Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number');
  const items = typeof value === 'string' || pair ? [value] : Array.isArray(value) && value.length > 0 ? value : [undefined];
  // One start (a single --start arrives as a list of one) is shown as itself.
  const single = items.length === 1;
  const shownValue = single && Array.isArray(value) && !pair ? value[0] : value;
  return items.map((item) => {
    const parts = Array.isArray(item) ? item : typeof item === 'string' ? item.split(',') : [];
    const [x0, x1] = parts.map(toNumber);
    if (parts.length !== 2 || !Number.isFinite(x0) || !Number.isFinite(x1)) {
      throw new OptionValueError(`x0,x1 with finite numbers (e.g. -3,4)${single ? '' : ` for each start; one is ${JSON.stringify(item) ?? 'missing'}`}`, shownValue);
    }
    return [x0, x1];
  });
}

/** Updates per path: a whole number from 1 to the limit on path points. */
function iterations(value: unknown): number {
  const n = toNumber(value);
  if (!(Number.isSafeInteger(n) && n > 0 && n <= LIMITS.pathPoints.max)) {
    throw new OptionValueError(`an integer from 1 to ${grouped(LIMITS.pathPoints.max)} (the limit on ${LIMITS.pathPoints.what})`, value);
  }
  return n;
}

/** A file name ending in .csv. */
function csvFile(value: unknown): string {
  if (typeof value !== 'string' || !/\.csv$/i.test(value)) throw new OptionValueError(`a file name ending in .csv`, value);
  return value;
}

function descentSchema(): Record<string, unknown> {
  const rate = { type: 'number', minimum: 0, exclusiveMaximum: 1 };
  const object = {
    type: 'object',
    required: ['optimizer'],
    additionalProperties: false,
    properties: { optimizer: { enum: OPTIMIZER_NAMES }, lr: positiveSchema, ...Object.fromEntries(HYPERPARAMETERS.map((k) => [k, rate])) },
  };
  return { oneOf: [{ type: 'string' }, object, { type: 'array', minItems: 1, items: { oneOf: [{ type: 'string' }, object] } }] };
}
