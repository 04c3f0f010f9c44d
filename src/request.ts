import { descentBox } from './core/descent.js';
import { DEFAULT_H, type Method } from './core/gradient.js';
import type { Optimizer } from './core/optimizers.js';
import { DEFAULT_DENSITY } from './core/streamlines.js';
import { MAX_POINTS, axisLength } from './core/grid.js';
import { checkChartSize } from './chart-size.js';
import { InputError, type Door } from './errors.js';
import { builtinNames, findBuiltin } from './functions/builtins.js';
import type { FunctionRef } from './functions/resolve.js';
import type { Range, ScalarFunction } from './functions/types.js';
import { chartRules } from './chart-rules.js';
import { parseOptions, type PlotOptions } from './options.js';
import {
  DEFAULT_MAX_ARROWS,
  DEFAULT_STREAM_WIDTH,
  EXTENSIONS,
  extensionFormat,
  formatOf,
  FORMATS,
  type BackgroundKind,
  type Format,
  type LengthMode,
  type Pivot,
  type Theme,
} from './chart-kinds.js';
import { LIMITS } from './util/limits.js';
import { nearest } from './util/nearest.js';
import { grouped } from './util/format-number.js';

export const DEFAULT_RANGE: Range = [-2, 2];
export const DEFAULT_STEP = 0.25;
export const DEFAULT_SCALE = 2;
export const DEFAULT_ITERATIONS = 30;

export type { FunctionRef };

/** Options as the library takes them: the function may be JavaScript. */
export interface RequestOptions extends PlotOptions {
  /** A function of x0, x1 given as code, used instead of `fn` or `expr`. */
  function?: ScalarFunction;
}

/**
 * One chart, complete and checked: what every later stage trusts. The chart's own look (aspect, colours, text,
 * marks, dpi) passes through as the user gave it, undefined where gradplot chooses (see PlotOptions).
 */
export interface PlotRequest extends Pick<PlotOptions, 'aspect' | 'colormap' | 'colorScale' | 'xlabel' | 'ylabel' | 'subtitle' | 'arrowWidth' | 'headSize' | 'fontSize' | 'dpi'> {
  fn: FunctionRef;
  xrange: Range;
  yrange: Range;
  step: number;
  /** Spacing along each axis: `step` unless `xstep`, `ystep` or `points` say otherwise. */
  xstep: number;
  ystep: number;
  /** Grid points along x0 and x1. */
  nx: number;
  ny: number;
  h: number;
  method: Method;
  ascent: boolean;
  check: boolean;
  /** Output path, `-` for stdout, or undefined to write nothing (the library, `--check` alone). */
  out?: string;
  format?: Format;
  scale: number;
  /** How arrow length follows |∇f|; `normalize` has become `none`. */
  length: LengthMode;
  /** Data units per unit of L(|∇f|); undefined for the automatic scale. */
  arrowScale?: number;
  /** Most arrows the chart draws; more grid points are drawn on a sub-grid. */
  maxArrows: number;
  key: boolean;
  pivot: Pivot;
  /** `magnitude` or a CSS colour; undefined for the theme's grey. */
  color?: string;
  background: BackgroundKind;
  critical: boolean;
  /** Plot area in pixels; undefined follows the ranges. */
  width?: number;
  height?: number;
  /** Undefined for `f(x0, x1) = <formula>`; empty for no title. */
  title?: string;
  theme: Theme;
  /** Optimizers whose descent paths are drawn, each from every start; empty for none. */
  descent: Optimizer[];
  /** Where the paths start (empty without descent). */
  starts: [number, number][];
  /** Updates per path. */
  iterations: number;
  /** One panel per optimizer. */
  panels: boolean;
  /** CSV file for the paths. */
  pathsOut?: string;
  /** Whether x0's and x1's ranges are defaults, which grow (same step) to hold the paths; given ranges are kept. */
  autoRange: [boolean, boolean];
  /** Streamlines to draw; undefined for none. */
  streamlines?: StreamlineRequest;
  /** Whether the arrows are drawn: true unless streamlines are drawn alone. */
  arrows: boolean;
  transparent: boolean;
  /** Colour domains shared across a batch's charts: |∇f| from 0 to this, and f; undefined for the chart's own. */
  magnitudeMax?: number;
  fDomain?: [number, number];
}

/** How the streamlines are placed and drawn. */
export interface StreamlineRequest {
  /** About this many lines across the longer side of the plot. */
  density: number;
  /** Seed points inside the range; undefined for evenly spaced lines. */
  starts?: [number, number][];
  /** Longest line in data units; undefined for no limit. */
  maxLength?: number;
  /** Line width in pixels, or `magnitude`. */
  width: number | 'magnitude';
}

/** Options as a door gives them: each value typed (`[-1, 1]`) or in the command line's string form (`'-1,1'`). */
export type RawOptions = { [K in keyof RequestOptions]?: RequestOptions[K] | string };

/**
 * The one check every door calls: reads each option through its parser (the
 * command line's strings and typed values alike), fills in defaults and checks
 * that the options fit together. Throws InputError naming the option as `door`
 * spells it, the value and what is accepted. Allocates nothing in proportion
 * to the grid, so an oversized grid or chart is refused at once.
 */
export function resolveRequest(given: RawOptions, door: Door = 'library'): PlotRequest {
  try {
    const { function: code, ...raw } = given;
    const { options, errors } = parseOptions(raw);
    if (errors.length) throw new InputError(errors[0].key, errors[0].detail);
    return resolveTyped({ ...options, function: code as RequestOptions['function'] });
  } catch (error) {
    throw error instanceof InputError ? error.for(door) : error;
  }
}

function resolveTyped(options: RequestOptions): PlotRequest {
  const fn = functionRef(options);
  const builtin = fn.kind === 'builtin' ? findBuiltin(fn.name) : undefined;
  const givenRange = options.range ?? options.xrange ?? options.yrange;
  const xrange = options.xrange ?? options.range ?? builtin?.range[0] ?? DEFAULT_RANGE;
  const yrange = options.yrange ?? options.range ?? builtin?.range[1] ?? DEFAULT_RANGE;
  const step = options.step ?? (builtin && !givenRange ? builtin.step : DEFAULT_STEP);
  const { xstep, ystep } = chartRules(options, { xrange, yrange, step });
  const nx = axisLength(xrange[0], xrange[1], xstep);
  const ny = axisLength(yrange[0], yrange[1], ystep);
  // Messages name the option that set the spacing.
  const stepKey = options.points ? 'points' : xstep !== ystep || options.xstep !== undefined ? (nx < 2 ? 'xstep' : 'ystep') : 'step';
  if (nx < 2 || ny < 2) {
    const [bad, span] = nx < 2 ? [xstep, xrange[1] - xrange[0]] : [ystep, yrange[1] - yrange[0]];
    throw new InputError(stepKey === 'points' ? 'step' : stepKey, `${bad} leaves fewer than 2 grid points on an axis; expected at most ${span}`);
  }
  if (nx * ny > MAX_POINTS) {
    throw new InputError(
      stepKey,
      `${stepKey === 'points' ? `${nx}x${ny}` : step} makes a grid of ${nx} × ${ny} = ${grouped(nx * ny)} points; ` +
        `the limit is ${grouped(MAX_POINTS)}: use a larger step or a smaller range`,
    );
  }
  const { out, format } = resolveOutput(options);
  if (options.normalize && options.length !== undefined && options.length !== 'none') {
    throw new InputError('normalize', `means --length none and cannot be used with --length ${options.length}`);
  }
  const scale = options.scale ?? DEFAULT_SCALE;
  checkChartSize({ xrange, yrange, width: options.width, height: options.height, aspect: options.aspect, format, scale });
  return {
    fn,
    xrange,
    yrange,
    step,
    xstep,
    ystep,
    nx,
    ny,
    h: options.h ?? DEFAULT_H,
    method: options.method ?? 'central',
    ascent: options.ascent ?? false,
    check: options.check ?? false,
    out,
    format,
    scale,
    length: options.normalize ? 'none' : (options.length ?? 'linear'),
    arrowScale: options.arrowScale,
    maxArrows: options.maxArrows ?? DEFAULT_MAX_ARROWS,
    key: options.key ?? false,
    pivot: options.pivot ?? 'tail',
    color: options.color,
    background: options.background ?? 'none',
    critical: options.critical ?? false,
    width: options.width,
    height: options.height,
    title: options.title,
    theme: options.theme ?? 'light',
    ...resolvePaths(options, builtin?.start ?? expressionStart(xrange, yrange), xrange, yrange),
    autoRange: [options.range === undefined && options.xrange === undefined, options.range === undefined && options.yrange === undefined],
    ...resolveStreamlines(options, xrange, yrange),
    aspect: options.aspect,
    colormap: options.colormap,
    colorScale: options.colorScale,
    xlabel: options.xlabel,
    ylabel: options.ylabel,
    subtitle: options.subtitle,
    arrowWidth: options.arrowWidth,
    headSize: options.headSize,
    fontSize: options.fontSize,
    transparent: options.transparent ?? false,
    dpi: options.dpi,
  };
}

/** Where paths start on a function without a start of its own: a tenth of the way in from the top-left corner of the range. */
export function expressionStart(xrange: Range, yrange: Range): [number, number] {
  return [xrange[0] + 0.1 * (xrange[1] - xrange[0]), yrange[1] - 0.1 * (yrange[1] - yrange[0])];
}

// The paths' options; the ones that only shape paths need descent.
function resolvePaths(options: PlotOptions, start: readonly [number, number], xrange: Range, yrange: Range): Pick<PlotRequest, 'descent' | 'starts' | 'iterations' | 'panels' | 'pathsOut'> {
  const descent = options.descent ?? [];
  if (descent.length === 0) {
    const given = (['start', 'iterations', 'panels', 'pathsOut'] as const).find((k) => options[k] !== undefined && options[k] !== false);
    if (given) throw new InputError(given, 'draws descent paths and needs --descent (e.g. --descent sgd:0.1)');
    return { descent, starts: [], iterations: DEFAULT_ITERATIONS, panels: false };
  }
  const starts = options.start ?? [[start[0], start[1]]];
  const [[xlo, xhi], [ylo, yhi]] = descentBox({ xrange, yrange });
  const outside = starts.find(([x0, x1]) => !(x0 >= xlo && x0 <= xhi && x1 >= ylo && x1 <= yhi));
  if (outside) {
    throw new InputError(
      'start',
      `${outside.join(',')} lies outside the box [${xlo}, ${xhi}] × [${ylo}, ${yhi}] that paths stay in (10× the range around its centre); give a start inside it or a wider --range`,
    );
  }
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  const total = starts.length * descent.length * iterations;
  if (total > LIMITS.pathPoints.max) {
    throw new InputError(
      'iterations',
      `${iterations} for ${starts.length} start(s) × ${descent.length} optimizer(s) makes ${grouped(total)} ${LIMITS.pathPoints.what}; ` +
        `the limit is ${grouped(LIMITS.pathPoints.max)}: use fewer iterations, starts or optimizers`,
    );
  }
  if (options.pathsOut !== undefined && options.pathsOut === options.out) {
    throw new InputError('pathsOut', `"${options.pathsOut}" is also --out; give the paths their own file`);
  }
  return { descent, starts, iterations, panels: options.panels ?? false, pathsOut: options.pathsOut };
}

const STREAMLINE_KEYS = ['density', 'streamStart', 'maxLength', 'streamWidth'] as const;

// Streamlines and arrows: what is drawn, and streamline options only where streamlines are.
function resolveStreamlines(options: PlotOptions, xrange: Range, yrange: Range): { streamlines?: StreamlineRequest; arrows: boolean } {
  if (!options.streamlines) {
    const stray = STREAMLINE_KEYS.find((k) => options[k] !== undefined);
    if (stray) throw new InputError(stray, 'sets how streamlines are drawn; add --streamlines');
    if (options.arrows === false) throw new InputError('arrows', 'false leaves nothing to draw; add --streamlines');
    return { arrows: true };
  }
  const arrows = options.arrows ?? false;
  if (options.key && !arrows) throw new InputError('key', 'is a length key for arrows; add --arrows to draw them with the streamlines');
  const outside = options.streamStart?.find(([x0, x1]) => !(x0 >= xrange[0] && x0 <= xrange[1] && x1 >= yrange[0] && x1 <= yrange[1]));
  if (outside) {
    throw new InputError(
      'streamStart',
      `${outside.join(',')} lies outside the plot; expected a point with x0 in [${xrange.join(', ')}] and x1 in [${yrange.join(', ')}]`,
    );
  }
  const streamlines = { density: options.density ?? DEFAULT_DENSITY, starts: options.streamStart, maxLength: options.maxLength, width: options.streamWidth ?? DEFAULT_STREAM_WIDTH };
  return { streamlines, arrows };
}

// The one function the options name: a built-in, an expression or a JavaScript function.
function functionRef(options: RequestOptions): FunctionRef {
  const given = [options.fn, options.expr, options.function].filter((v) => v !== undefined).length;
  if (given > 1) throw new InputError('expr', 'cannot be used with --fn; choose one function');
  if (options.function) {
    if (options.function.dim !== 2) throw new InputError('function', `must take 2 variables, takes ${options.function.dim}`);
    return { kind: 'function', fn: options.function, formula: 'a JavaScript function' };
  }
  if (options.expr !== undefined) return { kind: 'expr', source: options.expr };
  if (options.fn === undefined) {
    throw new InputError('', 'no function given: use --fn NAME (`gradplot list` shows them) or --expr "EXPRESSION"');
  }
  const builtin = findBuiltin(options.fn);
  if (!builtin) {
    const guess = nearest(options.fn, builtinNames());
    const hint = guess ? `did you mean "${guess}"? ` : '';
    throw new InputError('fn', `unknown function "${options.fn}"; ${hint}expected one of ${builtinNames().join(', ')}`);
  }
  return { kind: 'builtin', name: builtin.name };
}

function resolveOutput(options: PlotOptions): { out?: string; format?: Format } {
  const { out, format } = options;
  if (out === undefined) return { format };
  if (out === '-') {
    if (!format) throw new InputError('format', `needed with --out - (stdout); expected one of ${FORMATS.join(', ')}`);
    return { out, format };
  }
  const named = formatOf(out);
  if (format && named && extensionFormat(format) !== named) {
    throw new InputError('format', `${format} contradicts the extension of "${out}" (${named}); change one of them`);
  }
  const resolved = format ?? named;
  if (!resolved) {
    throw new InputError('out', `unknown extension in "${out}"; expected ${EXTENSIONS.map((f) => `.${f}`).join(' ')} or --format`);
  }
  return { out, format: resolved };
}
