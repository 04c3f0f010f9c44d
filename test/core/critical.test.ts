import { describe, expect, it } from 'vitest';
import { criticalPoints, criticalSteps, type CriticalPoint } from '../../src/core/critical.js';
import { numericalGradient } from '../../src/core/gradient.js';
import { axis, meshgrid } from '../../src/core/grid.js';
import { findBuiltin } from '../../src/functions/builtins.js';
import type { ScalarFunction } from '../../src/functions/types.js';
import { runSteps } from '../../src/util/steps.js';

// The critical points of `fn` on its default grid, or on `range` with `step`.
function find(fn: ScalarFunction, range: [number, number] = [-2, 2], step = 0.25): CriticalPoint[] {
  const [xs, ys] = [axis(range[0], range[1], step), axis(range[0], range[1], step)];
  return criticalPoints(fn, xs, ys, numericalGradient(fn, meshgrid(xs, ys)));
}
const builtin = (name: string) => findBuiltin(name)!;
// The same function without its exact gradient: Newton then uses central differences.
const numericOnly = (name: string): ScalarFunction => ({ dim: 2, f: builtin(name).f });

// Himmelblau's nine critical points (to 4 decimals), in row order.
const HIMMELBLAU = [
  { x0: -3.7793, x1: -3.2832, kind: 'minimum' },
  { x0: -0.128, x1: -1.9537, kind: 'saddle' },
  { x0: 3.5844, x1: -1.8481, kind: 'minimum' },
  { x0: -0.2708, x1: -0.923, kind: 'maximum' },
  { x0: -3.073, x1: -0.0814, kind: 'saddle' },
  { x0: 3.3852, x1: 0.0739, kind: 'saddle' },
  { x0: 3, x1: 2, kind: 'minimum' },
  { x0: 0.0867, x1: 2.8843, kind: 'saddle' },
  { x0: -2.8051, x1: 3.1313, kind: 'minimum' },
];

describe('criticalPoints', () => {
  for (const [label, fn] of [
    ['exact gradient', builtin('himmelblau')],
    ['differences only', numericOnly('himmelblau')],
  ] as const) {
    it(`finds himmelblau's 4 minima, 1 maximum and 4 saddles (${label})`, () => {
      const found = find(fn, [-5, 5], 0.5);
      expect(found.map(({ x0, x1, kind }) => ({ x0: +x0.toFixed(4), x1: +x1.toFixed(4), kind }))).toEqual(HIMMELBLAU);
      for (const p of found.filter((q) => q.kind === 'minimum')) expect(p.f).toBeCloseTo(0, 8);
      expect(found.find((q) => q.kind === 'maximum')!.f).toBeCloseTo(181.6165, 3);
    });
  }

  it('finds the minimum of sum_sq, the saddles of saddle and xy, all at the origin', () => {
    for (const [name, kind] of [
      ['sum_sq', 'minimum'],
      ['saddle', 'saddle'],
      ['xy', 'saddle'],
    ] as const) {
      for (const fn of [builtin(name), numericOnly(name)]) {
        const found = find(fn);
        expect(found).toHaveLength(1);
        expect(found[0].kind).toBe(kind);
        expect(Math.abs(found[0].x0) + Math.abs(found[0].x1)).toBeLessThan(1e-9);
      }
    }
  });

  it('finds a maximum of −sum_sq inside a cell, off the grid', () => {
    const fn: ScalarFunction = { dim: 2, f: (x) => -((x[0] - 0.3) ** 2) - (x[1] + 0.1) ** 2 };
    const [p] = find(fn);
    expect(p.kind).toBe('maximum');
    expect(p.x0).toBeCloseTo(0.3, 7);
    expect(p.x1).toBeCloseTo(-0.1, 7);
  });

  it('classifies by the values around the point when the Hessian is zero: a monkey saddle, x0² + x1⁴', () => {
    for (const fn of [builtin('monkey_saddle'), numericOnly('monkey_saddle')]) {
      expect(find(fn).map((p) => p.kind)).toEqual(['saddle']);
    }
    const quartic: ScalarFunction = { dim: 2, f: (x) => x[0] ** 2 + x[1] ** 4 };
    const [p, ...rest] = find(quartic);
    expect(rest).toEqual([]);
    expect(p.kind).toBe('minimum');
    expect(Math.hypot(p.x0, p.x1)).toBeLessThan(1e-3);
  });

  it('leaves out points that are not isolated, and finds none in an all-zero or a constant field', () => {
    expect(find({ dim: 2, f: (x) => x[1] * x[1] })).toEqual([]);
    expect(find({ dim: 2, f: () => 3 })).toEqual([]);
    expect(find({ dim: 2, f: () => 0 })).toEqual([]);
  });

  it('finds nothing where the gradient never vanishes, and skips cells that are not finite', () => {
    expect(find({ dim: 2, f: (x) => x[0] + 2 * x[1] })).toEqual([]);
    const [p, ...rest] = find({ dim: 2, f: (x) => (x[0] < -1 ? NaN : (x[0] - 0.5) ** 2 + x[1] ** 2) });
    expect(rest).toEqual([]);
    expect(p.kind).toBe('minimum');
    expect(p.x0).toBeCloseTo(0.5, 9);
    expect(p.x1).toBeCloseTo(0, 9);
  });
});

describe('criticalSteps', () => {
  it('pauses often enough that an abort stops a long search', async () => {
    // Some 100,000 critical points: the whole search takes seconds.
    const fn: ScalarFunction = { dim: 2, f: (x) => Math.sin(50 * x[0]) * Math.sin(50 * x[1]) };
    const xs = axis(-6, 6, 0.01);
    const gradient = numericalGradient(fn, meshgrid(xs, xs));
    const controller = new AbortController();
    const reason = new Error('stop');
    setTimeout(() => controller.abort(reason), 50);
    await expect(runSteps(criticalSteps(fn, xs, xs, gradient), controller.signal)).rejects.toBe(reason);
  });
});
