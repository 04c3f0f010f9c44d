import { describe, expect, it } from 'vitest';
import { numericalGradient } from '../../src/core/gradient.js';
import { axis, meshgrid } from '../../src/core/grid.js';
import { BUILTINS, findBuiltin } from '../../src/functions/builtins.js';
import { compileExpression } from '../../src/functions/expression.js';

const gridOf = (b: (typeof BUILTINS)[number]) =>
  meshgrid(axis(b.range[0][0], b.range[0][1], b.step), axis(b.range[1][0], b.range[1][1], b.step));

// Largest error relative to the size of the exact gradient at that point (at least 1).
function worst(g: Float64Array, exact: Float64Array): number {
  let w = 0;
  for (let i = 0; i < g.length; i += 2) {
    const scale = Math.max(1, Math.hypot(exact[i], exact[i + 1]));
    w = Math.max(w, Math.hypot(g[i] - exact[i], g[i + 1] - exact[i + 1]) / scale);
  }
  return w;
}

// Per method, with its default h of 1e-4: truncation error O(h) forward (h·f″/2: 0.09 on rosenbrock,
// whose f″ reaches 4800), O(h²) central, O(h⁴)
// five-point (which then meets rounding error ~ε·|f|/h), over each built-in's default range.
const TOLERANCE = { forward: 2e-1, central: 1e-5, 'five-point': 1e-6 } as const;

describe('every built-in', () => {
  it('has the names gradplot list shows, with sum_sq also called function_2', () => {
    expect(BUILTINS.map((b) => b.name)).toEqual([
      'sum_sq', 'xy', 'sin_xy', 'ch06', 'rosenbrock', 'himmelblau', 'booth', 'beale', 'matyas', 'three_hump_camel',
      'rastrigin', 'saddle', 'monkey_saddle',
    ]);
    expect(findBuiltin('function_2')).toBe(findBuiltin('sum_sq'));
  });

  for (const b of BUILTINS) {
    it(`${b.name}: numeric gradients are within tolerance of the exact one on its default range`, () => {
      const grid = gridOf(b);
      const exact = numericalGradient(b, grid, { method: 'analytic' }).data;
      for (const method of ['forward', 'central', 'five-point'] as const) {
        expect(worst(numericalGradient(b, grid, { method }).data, exact), method).toBeLessThan(TOLERANCE[method]);
      }
    });

    it(`${b.name}: --expr "${b.formula}" gives the same f, and its analytic gradient equals the exact one to 1e-12`, async () => {
      const compiled = await compileExpression(b.formula);
      const grid = gridOf(b);
      const x = new Float64Array(2);
      for (let i = 0; i < grid.count; i++) {
        x.set(grid.data.subarray(2 * i, 2 * i + 2));
        const [f, g] = [b.f(x), compiled.f(x)];
        expect(Math.abs(f - g)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(f)));
      }
      const exact = numericalGradient(b, grid, { method: 'analytic' }).data;
      const analytic = numericalGradient(compiled, grid, { method: 'analytic' }).data;
      analytic.forEach((v, i) => expect(Math.abs(v - exact[i])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(exact[i]))));
    });
  }
});
