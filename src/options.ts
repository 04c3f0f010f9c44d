import { METHODS, type Method } from './core/gradient.js';
import type { Range } from './functions/types.js';
import { FORMATS, type Format } from './output/format.js';
import { PIVOTS, type Pivot } from './render/arrows.js';
import { BACKGROUNDS, type BackgroundKind } from './render/background.js';
import { MAGNITUDE } from './render/color.js';
import { isCssColor } from './render/css-color.js';
import { LENGTH_MODES, type LengthMode } from './render/length.js';
import { DEFAULT_MAX_ARROWS } from './render/thin.js';
import { THEMES, type Theme } from './render/theme.js';
import { ASPECTS, type Aspect } from './render/aspect.js';
import { COLOR_SCALES, COLORMAPS, type ColorScaleKind } from './render/f-scale.js';
import { nearest } from './util/nearest.js';

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

/** Every chart option, in the order `--help` lists them. */
export const OPTIONS: readonly OptionSpec[] = [
  { key: 'fn', flags: '-f, --fn <name>', description: 'a built-in function (see `gradplot list`)', parse: text, schema: { type: 'string' } },
  { key: 'expr', flags: '-e, --expr <expression>', description: 'your own function of x0, x1 (aliases x, y), e.g. "sin(x0*x1)"', parse: text, schema: { type: 'string' } },
  { key: 'range', flags: '-r, --range <min,max>', description: 'range of both axes (default: -2,2 or the built-in\'s own)', parse: range, schema: rangeSchema },
  { key: 'xrange', flags: '--xrange <min,max>', description: 'range of the x0 axis', parse: range, schema: rangeSchema },
  { key: 'yrange', flags: '--yrange <min,max>', description: 'range of the x1 axis', parse: range, schema: rangeSchema },
  { key: 'step', flags: '-s, --step <size>', description: 'grid spacing (default: 0.25 or the built-in\'s own)', parse: positive, schema: positiveSchema },
  { key: 'h', flags: '--h <size>', description: 'difference step (default: 1e-4)', parse: positive, schema: positiveSchema },
  { key: 'method', flags: '--method <name>', description: `gradient method: ${METHODS.join(', ')} (default: central)`, parse: oneOf(METHODS), schema: { enum: METHODS } },
  { key: 'ascent', flags: '--ascent', description: 'draw +∇f instead of −∇f (the descent direction)', parse: flag, schema: { type: 'boolean' } },
  { key: 'check', flags: '--check', description: 'print the largest difference from the exact gradient', parse: flag, schema: { type: 'boolean' } },
  { key: 'out', flags: '-o, --out <file>', description: 'output file: .png .svg .pdf .vl.json .html .csv .json, or - for stdout', parse: text, schema: { type: 'string' } },
  { key: 'format', flags: '--format <fmt>', description: `output format: ${FORMATS.join(', ')} (default: from the extension)`, parse: oneOf(FORMATS), schema: { enum: FORMATS } },
  { key: 'scale', flags: '--scale <ratio>', description: 'pixel ratio of PNG output (default: 2)', parse: positive, schema: positiveSchema },
  { key: 'length', flags: '--length <mode>', description: `arrow length from |∇f|: ${LENGTH_MODES.join(', ')} (default: linear)`, parse: oneOf(LENGTH_MODES), schema: { enum: LENGTH_MODES } },
  { key: 'normalize', flags: '--normalize', description: 'all arrows the same length (same as --length none)', parse: flag, schema: { type: 'boolean' } },
  { key: 'arrowScale', flags: '--arrow-scale <number>', description: 'fixed arrow length in data units per unit of |∇f| (default: longest arrow fits its cell)', parse: positive, schema: positiveSchema },
  { key: 'maxArrows', flags: '--max-arrows <n>', description: `most arrows to draw; a finer grid draws them on a regular sub-grid (default: ${DEFAULT_MAX_ARROWS})`, parse: count, schema: { type: 'integer', minimum: 1 } },
  { key: 'key', flags: '--key', description: 'draw a length key: a reference arrow and the |∇f| it stands for', parse: flag, schema: { type: 'boolean' } },
  { key: 'pivot', flags: '--pivot <part>', description: `part of the arrow on its grid point: ${PIVOTS.join(', ')} (default: tail)`, parse: oneOf(PIVOTS), schema: { enum: PIVOTS } },
  { key: 'color', flags: '--color <colour>', description: `${MAGNITUDE} (by |∇f|, viridis) or a CSS colour (default: #666666)`, parse: color, schema: { type: 'string' } },
  { key: 'background', flags: '--background <kind>', description: `f under the arrows: ${BACKGROUNDS.join(', ')} (default: none)`, parse: oneOf(BACKGROUNDS), schema: { enum: BACKGROUNDS } },
  { key: 'critical', flags: '--critical', description: 'mark and list the points where ∇f = 0 (minimum, maximum, saddle)', parse: flag, schema: { type: 'boolean' } },
  { key: 'width', flags: '--width <px>', description: 'width of the plot area in pixels (default: 480 for the longer side)', parse: positive, schema: positiveSchema },
  { key: 'height', flags: '--height <px>', description: 'height of the plot area in pixels; with --width, axes get their own scales', parse: positive, schema: positiveSchema },
  { key: 'title', flags: '--title <text>', description: 'chart title; "" for none (default: f(x0, x1) = the formula)', parse: anyText, schema: { type: 'string' } },
  { key: 'theme', flags: '--theme <name>', description: `${THEMES.join(' or ')} (default: light)`, parse: oneOf(THEMES), schema: { enum: THEMES } },
  { key: 'colormap', flags: '--colormap <name>', description: 'colour scheme of the background: viridis, magma, cividis, blueorange, redblue, … (default: viridis, blueorange for signed f)', parse: colormap, schema: { enum: COLORMAPS } },
  { key: 'colorScale', flags: '--color-scale <kind>', description: `how f maps to colour: ${COLOR_SCALES.join(', ')} (default: chosen from f)`, parse: oneOf(COLOR_SCALES), schema: { enum: COLOR_SCALES } },
  { key: 'xstep', flags: '--xstep <size>', description: 'grid spacing along x0 (default: --step)', parse: positive, schema: positiveSchema },
  { key: 'ystep', flags: '--ystep <size>', description: 'grid spacing along x1 (default: --step)', parse: positive, schema: positiveSchema },
  { key: 'points', flags: '--points <NXxNY>', description: 'grid points along x0 and x1, e.g. 41x21 (instead of steps)', parse: pointCounts, schema: { oneOf: [{ type: 'string', pattern: '^\\s*[0-9]+\\s*[xX]\\s*[0-9]+\\s*$' }, { type: 'array', items: { type: 'integer', minimum: 2 }, minItems: 2, maxItems: 2 }] } },
  { key: 'xlabel', flags: '--xlabel <text>', description: 'title of the x0 axis (default: x0)', parse: anyText, schema: { type: 'string' } },
  { key: 'ylabel', flags: '--ylabel <text>', description: 'title of the x1 axis (default: x1)', parse: anyText, schema: { type: 'string' } },
  { key: 'subtitle', flags: '--subtitle <text>', description: 'subtitle instead of gradplot\'s own; "" for none', parse: anyText, schema: { type: 'string' } },
  { key: 'arrowWidth', flags: '--arrow-width <px>', description: 'shaft width in pixels (default: 1.4)', parse: positive, schema: positiveSchema },
  { key: 'headSize', flags: '--head-size <px>', description: 'longest arrow head in pixels (default: 9)', parse: positive, schema: positiveSchema },
  { key: 'fontSize', flags: '--font-size <px>', description: 'axis label size in pixels; titles follow it (default: 11)', parse: positive, schema: positiveSchema },
  { key: 'transparent', flags: '--transparent', description: 'no background colour', parse: flag, schema: { type: 'boolean' } },
  { key: 'dpi', flags: '--dpi <n>', description: 'resolution the PNG states, in dots per inch (default: 96 × --scale)', parse: positive, schema: positiveSchema },
  { key: 'aspect', flags: '--aspect <mode>', description: 'equal: one scale for both axes; free: each its own (default: equal, free when one range is over 10× the other)', parse: oneOf(ASPECTS), schema: { enum: ASPECTS } },
];

/** Reads raw values (argv strings or manifest values) into typed options; throws InputError-ready details per key. */
export function parseOptions(raw: Record<string, unknown>): { options: PlotOptions; errors: { key: string; detail: string }[] } {
  const options: Record<string, unknown> = {};
  const errors: { key: string; detail: string }[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const spec = OPTIONS.find((o) => o.key === key);
    if (!spec) {
      errors.push({ key, detail: `unknown option; expected one of ${OPTIONS.map((o) => o.key).join(', ')}` });
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
