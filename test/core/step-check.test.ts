import { describe, expect, it } from 'vitest';
import { axis, meshgrid } from '../../src/core/grid.js';
import { points } from '../../src/core/points.js';
import { stepProblem } from '../../src/core/step-check.js';
import type { Field } from '../../src/core/field.js';

// A field on the 3 × 3 grid of -1, 0, 1 with the given f and gradient rows.
function field(f: number[], gradient: number[]): Field {
  const grid = meshgrid(axis(-1, 1, 1), axis(-1, 1, 1));
  return { points: grid, f: Float64Array.from(f), gradient: points(Float64Array.from(gradient), 2) };
}

const xs = axis(-1, 1, 1);
const varying = field([0, 1, 2, 3, 4, 5, 6, 7, 8], Array(18).fill(1));

describe('a difference step too small for the grid', () => {
  it('is found where (x + h) − x is more than 1 % away from h, at the worst coordinate', () => {
    // At 1, 1e-17 is below half an ulp (1.1e-16): x + h is x.
    expect(stepProblem([xs, xs], 1e-17, varying)).toEqual({ kind: 'rounding', axis: 0, at: -1, step: 0 });
    const far = axis(1e6, 1e6 + 2, 1);
    const problem = stepProblem([xs, far], 1e-9, varying);
    expect(problem).toMatchObject({ kind: 'rounding', axis: 1 });
  });

  it('is not reported for the default step, nor at 0 where x + h is exactly h', () => {
    expect(stepProblem([xs, xs], 1e-4, varying)).toBeUndefined();
    expect(stepProblem([Float64Array.of(0), Float64Array.of(0)], 1e-300, varying)).toBeUndefined();
  });

  it('is found when ∇f is 0 everywhere while f is not constant', () => {
    expect(stepProblem([xs, xs], 1e-4, field([0, 1, 2, 3, 4, 5, 6, 7, 8], Array(18).fill(0)))).toEqual({ kind: 'flat' });
    expect(stepProblem([xs, xs], 1e-4, field(Array(9).fill(3), Array(18).fill(0)))).toBeUndefined();
  });
});
