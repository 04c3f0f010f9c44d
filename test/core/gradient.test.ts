import { describe, expect, it } from 'vitest';
import { sampleField } from '../../src/core/field.js';
import { numericalGradient } from '../../src/core/gradient.js';
import { axis, meshgrid } from '../../src/core/grid.js';
import { points } from '../../src/core/points.js';
import { BUILTINS, findBuiltin } from '../../src/functions/builtins.js';
import type { ScalarFunction } from '../../src/functions/types.js';
import { readReference } from '../helpers.js';

const grid = meshgrid(axis(-2, 2, 0.25), axis(-2, 2, 0.25));

describe('numericalGradient against the book (test/fixtures/reference)', () => {
  for (const name of ['sum_sq', 'xy', 'sin_xy']) {
    it(`reproduces ${name}.csv to 1e-11 on the default grid`, () => {
      const reference = readReference(name);
      const fn = findBuiltin(name)!;
      const field = sampleField(fn, grid);
      expect(field.points.count).toBe(reference.length);
      reference.forEach(([x0, x1, f, g0, g1], i) => {
        expect(field.points.data[2 * i]).toBe(x0);
        expect(field.points.data[2 * i + 1]).toBe(x1);
        expect(Math.abs(field.f[i] - f)).toBeLessThanOrEqual(1e-15);
        expect(Math.abs(field.gradient.data[2 * i] - g0)).toBeLessThanOrEqual(1e-11);
        expect(Math.abs(field.gradient.data[2 * i + 1] - g1)).toBeLessThanOrEqual(1e-11);
      });
    });
  }
});

describe('numericalGradient', () => {
  it('is exact for a quadratic with a power-of-two step (central differences have no truncation error)', () => {
    const q: ScalarFunction = { dim: 2, f: (x) => 3 * x[0] * x[0] - 2 * x[0] * x[1] + x[1] * x[1] + 5 * x[1] };
    // prettier-ignore
    const at = points(new Float64Array([
      0, 0,
      1, 2,
      -3, 0.5,
    ]), 2);
    const g = numericalGradient(q, at, { h: 2 ** -10 });
    // ∂f/∂x0 = 6x0 − 2x1, ∂f/∂x1 = −2x0 + 2x1 + 5
    // prettier-ignore
    expect(Array.from(g.data)).toEqual([
      0, 5,
      2, 7,
      -19, 12,
    ]);
  });

  it('gives rows of two coordinates (written out for speed) the same numbers, bit for bit, as any other dimension', () => {
    for (const name of ['sin_xy', 'rosenbrock', 'himmelblau']) {
      const fn = findBuiltin(name)!;
      // The same function with a third coordinate it ignores goes through the loop over coordinates.
      const lifted: ScalarFunction = { dim: 3, f: (x) => fn.f(x) };
      const rows3 = new Float64Array(grid.count * 3);
      for (let i = 0; i < grid.count; i++) rows3.set([grid.data[2 * i], grid.data[2 * i + 1], 0.5], 3 * i);
      const two = numericalGradient(fn, grid).data;
      const three = numericalGradient(lifted, points(rows3, 3)).data;
      for (let i = 0; i < grid.count; i++) {
        expect([two[2 * i], two[2 * i + 1]]).toEqual([three[3 * i], three[3 * i + 1]]);
        expect(three[3 * i + 2]).toBe(0);
      }
    }
  });

  it('works in any dimension, row by row', () => {
    const sum3: ScalarFunction = { dim: 3, f: (x) => x[0] * x[0] + x[1] * x[1] + x[2] * x[2] };
    const g = numericalGradient(sum3, points(new Float64Array([1, 2, 3, -1, 0, 0.5]), 3), { h: 2 ** -8 });
    expect(g.dim).toBe(3);
    expect(Array.from(g.data)).toEqual([2, 4, 6, -2, 0, 1]);
  });

  it('forward, five-point and analytic methods approach the exact gradient', () => {
    const fn = findBuiltin('sin_xy')!;
    const exact = numericalGradient(fn, grid, { method: 'analytic' });
    const tolerance = { forward: 1e-3, central: 1e-7, 'five-point': 1e-10 } as const;
    for (const method of ['forward', 'central', 'five-point'] as const) {
      const g = numericalGradient(fn, grid, { method, h: method === 'five-point' ? 1e-3 : 1e-4 });
      const worst = Math.max(...g.data.map((v, i) => Math.abs(v - exact.data[i])));
      expect(worst, method).toBeLessThan(tolerance[method]);
      expect(worst, method).toBeGreaterThan(0);
    }
  });

  it('refuses a non-positive h', () => {
    expect(() => numericalGradient(findBuiltin('xy')!, grid, { h: 0 })).toThrow(/h must be a positive/);
  });
});

describe('one row = one point (the original post)', () => {
  // The post passed np.array([X, Y]): two rows of 289 coordinates each instead of 289 rows of two.
  const xs = axis(-2, 2, 0.25);
  const nx = xs.length;
  const X = new Float64Array(nx * nx);
  const Y = new Float64Array(nx * nx);
  for (let j = 0; j < nx; j++) for (let i = 0; i < nx; i++) [X[j * nx + i], Y[j * nx + i]] = [xs[i], xs[j]];

  it('the book\'s call on one array per axis gives a wrong field for xy', () => {
    // What numpy did: each "point" is a whole axis array, and function_xy reads only x[0]*x[1].
    const xyOnAxisArrays: ScalarFunction = { dim: nx * nx, f: (x) => x[0] * x[1] };
    const perAxis = new Float64Array([...X, ...Y]);
    const wrong = numericalGradient(xyOnAxisArrays, points(perAxis, nx * nx));
    const right = numericalGradient(findBuiltin('xy')!, meshgrid(xs, xs));
    // Transposed back for quiver as the post did: U = wrong row 0, V = wrong row 1.
    const U = wrong.data.subarray(0, nx * nx);
    const V = wrong.data.subarray(nx * nx);
    // Nearly every arrow is zero in the wrong field; the right one is (x1, x0) at every point.
    expect(U.filter((u) => u !== 0).length + V.filter((v) => v !== 0).length).toBeLessThanOrEqual(4);
    for (let i = 0; i < nx * nx; i++) {
      expect(right.data[2 * i]).toBeCloseTo(Y[i], 9);
      expect(right.data[2 * i + 1]).toBeCloseTo(X[i], 9);
    }
  });

  it('refuses points whose rows are not the function\'s dimension, naming the mistake', () => {
    const perAxis = points(new Float64Array([...X, ...Y]), nx * nx);
    expect(() => numericalGradient(findBuiltin('xy')!, perAxis)).toThrow(/289 coordinates per row but the function takes 2.*one row per point/);
  });

  it('refuses data that is not a Float64Array of rows', () => {
    expect(() => points([X, Y] as unknown as Float64Array, 2)).toThrow(/not one array per axis/);
  });
});

describe('built-ins', () => {
  it('every exact gradient matches central differences on its default grid', () => {
    for (const fn of BUILTINS) {
      const at = meshgrid(axis(fn.range[0][0], fn.range[0][1], fn.step), axis(fn.range[1][0], fn.range[1][1], fn.step));
      const exact = numericalGradient(fn, at, { method: 'analytic' });
      const numeric = numericalGradient(fn, at, { method: 'five-point', h: 1e-3 });
      numeric.data.forEach((v, i) => {
        expect(Math.abs(v - exact.data[i]), fn.name).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(exact.data[i])));
      });
    }
  });
});
