import { sampleField, type Field } from '../core/field.js';
import type { GradientOptions } from '../core/gradient.js';
import { meshgrid } from '../core/grid.js';
import type { ScalarFunction } from '../function-types.js';

/** sample.ts's `sampleGrid` in the explorer page, which has no threads: the calling thread's computation, the same numbers. */
export async function sampleGrid(fn: ScalarFunction, _source: unknown, xs: Float64Array, ys: Float64Array, options: GradientOptions = {}): Promise<Field> {
  return sampleField(fn, meshgrid(xs, ys), options);
}
