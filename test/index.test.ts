import { describe, expect, it } from 'vitest';
import * as gradplot from '../src/index.js';
import { gradientField, InputError } from '../src/index.js';

describe('the library API', () => {
  it('exports the pipeline by name', () => {
    for (const name of ['gradientField', 'meshgrid', 'axis', 'points', 'numericalGradient', 'sampleField', 'BUILTINS', 'findBuiltin', 'compileExpression', 'quiverSpec', 'render', 'resolveRequest']) {
      expect(gradplot, name).toHaveProperty(name);
    }
  });

  it('runs a request from a built-in name: the true gradient, and the spec', async () => {
    const { field, spec, request } = await gradientField({ fn: 'xy', step: 1 });
    expect(request.nx).toBe(5);
    expect(field.points.count).toBe(25);
    // ∇(x0·x1) = (x1, x0), not negated in data
    expect(field.gradient.data[0]).toBeCloseTo(-2, 9);
    expect(field.gradient.data[2]).toBeCloseTo(-2, 9);
    expect(field.gradient.data[3]).toBeCloseTo(-1, 9);
    expect((spec as { data: { values: unknown[] } }).data.values).toHaveLength(25);
  });

  it('takes an expression string', async () => {
    const { field } = await gradientField({ expr: 'x^2 - y^2', step: 1, method: 'analytic' });
    expect(Array.from(field.gradient.data.subarray(0, 2))).toEqual([-4, 4]);
  });

  it('takes a JavaScript function', async () => {
    const { field } = await gradientField({ function: (x0, x1) => x0 * x0 - x1 * x1, step: 1 });
    expect(field.gradient.data[0]).toBeCloseTo(-4, 9);
    expect(field.gradient.data[1]).toBeCloseTo(4, 9);
  });

  it('throws InputError for options that do not fit', async () => {
    await expect(gradientField({ fn: 'nope' })).rejects.toBeInstanceOf(InputError);
    await expect(gradientField({ fn: 'xy', step: 0.0001 })).rejects.toThrow(/the limit is 10,000,000/);
    await expect(gradientField({ fn: 'xy', expr: 'x0' })).rejects.toThrow(/choose one function/);
  });
});
