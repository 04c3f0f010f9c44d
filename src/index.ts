/**
 * gradplot as a library:
 *
 *   const { field, spec } = await gradientField({ expr: 'sin(x0*x1)' });
 *   const png = await render(spec, 'png');
 *
 * The pipeline: resolveRequest → meshgrid → numericalGradient → quiverSpec → render.
 */
import type { Field } from './core/field.js';
import type { NamedFunction } from './functions/resolve.js';
import type { ScalarFunction } from './functions/types.js';
import { plot } from './plot.js';
import type { Quiver } from './render/quiver.js';
import { resolveRequest, type PlotRequest, type RequestOptions } from './request.js';

export { runBatch, type BatchOptions, type BatchResult } from './batch/batch.js';
export { loadManifest, ManifestError, type Manifest } from './batch/manifest.js';
export { manifestSchema } from './batch/schema.js';
export { compareGradients, type GradientError } from './core/check.js';
export { evaluate, sampleField, type Field } from './core/field.js';
export { DEFAULT_H, METHODS, numericalGradient, type GradientOptions, type Method } from './core/gradient.js';
export { MAX_POINTS, axis, meshgrid } from './core/grid.js';
export { points, type Points } from './core/points.js';
export { DEFAULT_DENSITY, streamlines, type Streamline, type StreamlineOptions } from './core/streamlines.js';
export { InputError } from './errors.js';
export { BUILTINS, findBuiltin } from './functions/builtins.js';
export { compileExpression, ExpressionError, type CompiledExpression } from './functions/expression.js';
export type { BuiltinFunction, Range, ScalarFunction } from './functions/types.js';
export type { PlotOptions } from './options.js';
export { FORMATS, type Format } from './output/format.js';
export { quiverSpec, type ChartOptions, type Quiver } from './render/quiver.js';
export { render, type ChartFormat, type RenderOptions } from './render/render.js';
export { DEFAULT_MAX_ARROWS, subGrid, type SubGrid } from './render/thin.js';
export { resolveRequest, type PlotRequest, type RequestOptions } from './request.js';

/** What `gradientField` gives: the checked request, the function, its field (true ∇f) and the chart. */
export interface GradientFieldResult {
  request: PlotRequest;
  function: NamedFunction;
  field: Field;
  /** The Vega-Lite spec of the quiver chart (arrows along −∇f unless `ascent`). */
  spec: Quiver['spec'];
}

/** Options of `gradientField`: a chart's options, with the function as a name, an expression, or JavaScript. */
export interface GradientFieldOptions extends Omit<RequestOptions, 'out' | 'format' | 'function'> {
  /** `(x0, x1) => number`, or a ScalarFunction of dimension 2, instead of `fn` or `expr`. */
  function?: ((x0: number, x1: number) => number) | ScalarFunction;
}

/**
 * Runs a whole request and returns the field and the chart's spec; writes nothing.
 * Throws InputError for options that do not fit, as the CLI reports them.
 *
 * @example
 * const { field } = await gradientField({ fn: 'xy', step: 0.5 });
 * field.gradient.data; // [g0, g1] of each grid point, row by row
 * const { spec } = await gradientField({ function: (x0, x1) => x0 ** 2 - x1 ** 2 });
 */
export async function gradientField(options: GradientFieldOptions): Promise<GradientFieldResult> {
  const { function: given, ...rest } = options;
  const fn: ScalarFunction | undefined =
    typeof given === 'function' ? { dim: 2, f: (x) => given(x[0], x[1]) } : given;
  const request = resolveRequest({ ...rest, function: fn, check: options.check, out: undefined });
  const result = await plot(request);
  return { request, function: result.function, field: result.field, spec: result.quiver!.spec };
}
