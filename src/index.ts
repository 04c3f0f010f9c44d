/**
 * gradplot as a library:
 *
 *   const { field, spec } = await gradientField({ expr: 'sin(x0*x1)' });
 *   const png = await render(spec, 'png');
 *
 * The pipeline: resolveRequest → meshgrid → numericalGradient → quiverSpec → render.
 */
import type { GradientError } from './core/check.js';
import type { CriticalPoint } from './core/critical.js';
import type { Field } from './core/field.js';
import type { Method } from './core/gradient.js';
import type { OptimizerChoice } from './core/optimizers.js';
import type { StepProblem } from './core/step-check.js';
import { InputError } from './errors.js';
import { findBuiltin } from './functions/builtins.js';
import { resolveFunction, type NamedFunction } from './functions/resolve.js';
import type { Range, ScalarFunction } from './functions/types.js';
import { pathRecord, type PathRecord } from './output/data.js';
import { requestPaths } from './paths.js';
import { checkExactGradient, computePlot } from './plot.js';
import type { Quiver } from './render/quiver.js';
import { resolveRequest, type PlotRequest, type RawOptions } from './request.js';

export { runBatch, type BatchOptions, type BatchResult } from './batch/batch.js';
export { loadManifest, ManifestError, type Manifest } from './batch/manifest.js';
export { manifestSchema } from './batch/schema.js';
export { DEFAULT_MAX_ARROWS } from './chart-kinds.js';
export { compareGradients, type GradientError } from './core/check.js';
export { BOX_SPAN, type DescentPath, type StopReason } from './core/descent.js';
export { OPTIMIZERS, OPTIMIZER_NAMES, type Optimizer, type OptimizerChoice, type OptimizerName } from './core/optimizers.js';
export { evaluate, sampleField, type Field } from './core/field.js';
export { DEFAULT_H, METHODS, numericalGradient, type GradientOptions, type Method } from './core/gradient.js';
export { MAX_POINTS, axis, meshgrid } from './core/grid.js';
export { points, type Points } from './core/points.js';
export { DEFAULT_DENSITY, streamlines, type Streamline, type StreamlineOptions } from './core/streamlines.js';
export { InputError } from './errors.js';
export { BUILTINS, findBuiltin } from './functions/builtins.js';
export { compileExpression, type CompiledExpression } from './functions/expression.js';
export { ExpressionError } from './functions/expression/error.js';
export type { BuiltinFunction, Range, ScalarFunction } from './functions/types.js';
export type { PlotOptions } from './options.js';
export type { PathRecord } from './output/data.js';
export { FORMATS, type Format } from './output/format.js';
export { arrowGrid, type ArrowGrid, type ArrowGridOptions, type AxisPoints } from './render/arrow-grid.js';
export { quiverSpec, type ChartOptions, type Quiver } from './render/quiver.js';
export { CHART_FORMATS, type ChartFormat } from './chart-kinds.js';
export { render, type RenderOptions } from './render/render.js';
export { resolveRequest, type PlotRequest, type RawOptions, type RequestOptions } from './request.js';

/** What `gradientField` gives: the checked request, the function, its field (true ∇f) and the chart. */
export interface GradientFieldResult {
  request: PlotRequest;
  function: NamedFunction;
  field: Field;
  /** The Vega-Lite spec of the quiver chart (arrows along −∇f unless `ascent`). */
  spec: Quiver['spec'];
  /** With `check`: how far the chosen method is from the exact gradient. */
  check?: GradientError;
  /** With `critical`: the points where ∇f = 0. */
  critical?: CriticalPoint[];
  /** Present when the difference step `h` is too small for the grid (the command line warns). */
  stepProblem?: StepProblem;
  /** With `descent`: every start × optimizer's path. */
  paths?: PathRecord[];
}

/** Options of `gradientField`: a chart's options, with the function as a name, an expression, or JavaScript. */
export interface GradientFieldOptions extends Omit<RawOptions, 'out' | 'format' | 'function'> {
  /** `(x0, x1) => number`, or a ScalarFunction of dimension 2, instead of `fn` or `expr`. */
  function?: ((x0: number, x1: number) => number) | ScalarFunction;
}

/**
 * Runs a whole request and returns the field and the chart's spec; writes nothing.
 * Takes the command line's string forms too (`range: '-1,1'`). Throws InputError for options that do not fit,
 * with the command line's words after the option's key (`arrowScale: expected …`).
 *
 * @example
 * const { field } = await gradientField({ fn: 'xy', step: 0.5 });
 * field.gradient.data; // [g0, g1] of each grid point, row by row
 * const { spec } = await gradientField({ function: (x0, x1) => x0 ** 2 - x1 ** 2 });
 */
export async function gradientField(options: GradientFieldOptions): Promise<GradientFieldResult> {
  const { function: given, ...rest } = options;
  for (const key of ['out', 'format', 'pathsOut'] as const) {
    if (key in rest) throw new InputError(key, 'not taken by gradientField, which writes nothing: pass its spec to render(spec, format)', undefined, 'library');
  }
  const fn: ScalarFunction | undefined =
    typeof given === 'function' ? { dim: 2, f: (x) => given(x[0], x[1]) } : given;
  const request = resolveRequest({ ...rest, function: fn }, 'library');
  try {
    const result = await computePlot(request);
    return {
      request: result.request,
      function: result.function,
      field: result.field,
      spec: result.quiver!.spec,
      check: result.check,
      critical: result.critical,
      stepProblem: result.stepProblem,
      paths: result.paths?.map(pathRecord),
    };
  } catch (error) {
    throw error instanceof InputError ? error.for('library') : error;
  }
}

/** Options of `descend`: the gradient the path follows, how long, and the range whose box it stays in. */
export interface DescendOptions {
  /** Updates to make; the path has iterations + 1 points. Default 30. */
  iterations?: number;
  /** The gradient: `central` (default, h = 1e-4 as the book's ch04), `forward`, `five-point` or `analytic` (as ch06's `df`). */
  method?: Method;
  /** Difference step. Default 1e-4. */
  h?: number;
  /** The ranges whose box (10× their span around their centre) the path stays in. Default: the built-in's own, or -2,2. */
  range?: Range;
  xrange?: Range;
  yrange?: Range;
}

/**
 * One optimizer's descent path from `start`, with the same checks and numbers as
 * `gradplot --descent`. `fn` is a built-in's name, an expression, or a JavaScript
 * function of x0, x1; `optimizer` is `'adam:0.3:beta1=0.8'` or
 * `{ optimizer: 'adam', lr: 0.3, beta1: 0.8 }` (left-out values take the book's defaults).
 * Throws InputError for bad input, as the CLI reports it.
 *
 * @example
 * const path = await descend('ch06', [-7, 2], { optimizer: 'adam', lr: 0.3 }, { method: 'analytic' });
 * path.points; // [[-7, 2], [-6.7, 1.7], …]: the start and the point after each update
 */
export async function descend(
  fn: string | ((x0: number, x1: number) => number) | ScalarFunction,
  start: readonly [number, number],
  optimizer: string | OptimizerChoice,
  options: DescendOptions = {},
): Promise<PathRecord> {
  const which = typeof fn === 'string' ? (findBuiltin(fn) ? { fn } : { expr: fn }) : { function: typeof fn === 'function' ? ({ dim: 2, f: (x) => fn(x[0], x[1]) } as ScalarFunction) : fn };
  const { iterations, method, h, range, xrange, yrange } = options;
  const given = Object.fromEntries(Object.entries({ descent: optimizer, start: [...start], iterations, method, h, range, xrange, yrange }).filter(([, v]) => v !== undefined));
  const request = resolveRequest({ ...given, ...which } as RawOptions, 'library');
  try {
    const named = await resolveFunction(request.fn);
    checkExactGradient(request, named);
    return pathRecord(requestPaths(named.fn, request)[0]);
  } catch (error) {
    throw error instanceof InputError ? error.for('library') : error;
  }
}
