import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { descentBox, descentPath, growRange, pathsExtent, type DescentOptions } from '../../src/core/descent.js';
import type { Method } from '../../src/core/gradient.js';
import { settle, type OptimizerChoice } from '../../src/core/optimizers.js';
import { findBuiltin } from '../../src/functions/builtins.js';
import type { ScalarFunction } from '../../src/functions/types.js';
import { ROOT } from '../helpers.js';

// Trajectories from the book's own code (test/fixtures/descent/README.md says how they were made).
const fixture = (name: string) => JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'descent', name), 'utf8'));

function walk(name: string, choice: OptimizerChoice, start: [number, number], iterations: number, method: Method = 'central') {
  const fn = findBuiltin(name)!;
  return descentPath(fn, start, settle(choice), { iterations, gradient: { method }, xrange: fn.range[0], yrange: fn.range[1] });
}

function expectRows(actual: Float64Array, expected: number[][], tolerance: number): void {
  expected.forEach(([x0, x1], k) => {
    expect(Math.abs(actual[2 * k] - x0), `x0 of point ${k}`).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(actual[2 * k + 1] - x1), `x1 of point ${k}`).toBeLessThanOrEqual(tolerance);
  });
}

describe('descentPath against the book', () => {
  it("reproduces ch04's gradient_method.py (function_2, numerical gradient, lr 0.1, 20 points) to 1e-9", () => {
    const book = fixture('ch04_gradient_method.json');
    expect(book.points).toHaveLength(20);
    const path = walk('function_2', { optimizer: 'sgd', lr: 0.1 }, [-3, 4], 20);
    expect(path.count).toBe(21);
    expect(path.stopped).toBeNull();
    expectRows(path.points, book.points, 1e-9);
  });

  const ch06 = fixture('ch06_optimizer_compare.json');
  for (const { optimizer, lr, points } of ch06.paths as { optimizer: OptimizerChoice['optimizer']; lr: number; points: number[][] }[]) {
    it(`reproduces ch06's ${optimizer} (lr ${lr}, exact gradient, 30 points) to 1e-9`, () => {
      expect(points).toHaveLength(30);
      const path = walk('ch06', { optimizer, lr }, [-7, 2], 30, 'analytic');
      expect(path.count).toBe(31);
      expectRows(path.points, points, 1e-9);
    });
  }

  it('has the four optimizers of ch06 in the fixture', () => {
    expect(ch06.paths.map((p: { optimizer: string }) => p.optimizer)).toEqual(['sgd', 'momentum', 'adagrad', 'adam']);
  });

  for (const p of fixture('rmsprop_nesterov.json').paths) {
    it(`reproduces the book's ${p.optimizer} class on ${p.function} (30 updates) to 1e-9`, () => {
      const { optimizer, lr, decayRate, momentum } = p;
      const path = walk(p.function, { optimizer, lr, decayRate, momentum }, p.start, p.iterations, 'analytic');
      expect(path.count).toBe(31);
      expectRows(path.points, p.points, 1e-9);
    });
  }
});

// f = x0² + 3·x1² has ∇f = (2·x0, 6·x1), exact: every number below is worked out by hand from (1, 1).
const quadratic: ScalarFunction = {
  dim: 2,
  f: (x) => x[0] * x[0] + 3 * x[1] * x[1],
  grad: (x, g) => {
    g[0] = 2 * x[0];
    g[1] = 6 * x[1];
  },
};
const twoUpdates = (choice: OptimizerChoice) =>
  descentPath(quadratic, [1, 1], settle(choice), { iterations: 2, gradient: { method: 'analytic' }, xrange: [-2, 2], yrange: [-2, 2] });

describe('the first two updates of each optimizer, by hand (f = x0² + 3·x1² from (1, 1))', () => {
  it('sgd lr 0.1: p −= lr·g', () => {
    // g = (2, 6) → p = (1 − 0.2, 1 − 0.6) = (0.8, 0.4); g = (1.6, 2.4) → p = (0.8 − 0.16, 0.4 − 0.24).
    expectRows(twoUpdates({ optimizer: 'sgd', lr: 0.1 }).points, [[1, 1], [0.8, 0.4], [0.64, 0.16]], 1e-15);
  });

  it('momentum lr 0.1, μ 0.9: v = μv − lr·g; p += v', () => {
    // v = (−0.2, −0.6), p = (0.8, 0.4); g = (1.6, 2.4): v = (−0.18 − 0.16, −0.54 − 0.24) = (−0.34, −0.78), p = (0.46, −0.38).
    expectRows(twoUpdates({ optimizer: 'momentum', lr: 0.1 }).points, [[1, 1], [0.8, 0.4], [0.46, -0.38]], 1e-15);
  });

  it('nesterov lr 0.1, μ 0.9: p += μ²v; p −= (1 + μ)·lr·g; v = μv − lr·g', () => {
    // v = 0: p = (1 − 0.38, 1 − 1.14) = (0.62, −0.14); v = (−0.2, −0.6).
    // g = (1.24, −0.84): p = (0.62 − 0.162 − 0.2356, −0.14 − 0.486 + 0.1596) = (0.2224, −0.4664).
    expectRows(twoUpdates({ optimizer: 'nesterov', lr: 0.1 }).points, [[1, 1], [0.62, -0.14], [0.2224, -0.4664]], 1e-15);
  });

  it('adagrad lr 0.5: h += g²; p −= lr·g/(√h + 1e-7)', () => {
    // h = (4, 36): p = (1 − 0.5·2/(2 + 1e-7), 1 − 0.5·6/(6 + 1e-7)).
    const p1 = [1 - 1 / (2 + 1e-7), 1 - 3 / (6 + 1e-7)];
    // g = 2·p1[0], 6·p1[1] (both ≈ 1 and 3 up to 1e-7): h = (4 + g0², 36 + g1²).
    const g = [2 * p1[0], 6 * p1[1]];
    const p2 = [p1[0] - (0.5 * g[0]) / (Math.sqrt(4 + g[0] ** 2) + 1e-7), p1[1] - (0.5 * g[1]) / (Math.sqrt(36 + g[1] ** 2) + 1e-7)];
    expect(p1[0]).toBeCloseTo(0.5, 7);
    expect(p2[0]).toBeCloseTo(0.5 - 0.5 / Math.sqrt(5), 7); // g0 ≈ 1, h0 ≈ 5
    expectRows(twoUpdates({ optimizer: 'adagrad', lr: 0.5 }).points, [[1, 1], p1, p2], 1e-15);
  });

  it('rmsprop lr 0.1, decay 0.9: h = d·h + (1 − d)·g²; p −= lr·g/(√h + 1e-7)', () => {
    // h = (0.4, 3.6), √h = (0.632…, 1.897…): each coordinate moves lr·g/√h = 0.1·√10 ≈ 0.316 (g/√(0.1·g²) = √10).
    const step1 = 0.1 * Math.sqrt(10);
    expectRows(twoUpdates({ optimizer: 'rmsprop', lr: 0.1, decayRate: 0.9 }).points.subarray(0, 4), [[1, 1], [1 - step1, 1 - step1]], 1e-6);
    const path = twoUpdates({ optimizer: 'rmsprop', lr: 0.1, decayRate: 0.9 });
    const p1 = [path.points[2], path.points[3]];
    const g = [2 * p1[0], 6 * p1[1]];
    const h = [0.9 * 0.4 + 0.1 * g[0] ** 2, 0.9 * 3.6 + 0.1 * g[1] ** 2];
    expectRows(path.points.subarray(4), [[p1[0] - (0.1 * g[0]) / (Math.sqrt(h[0]) + 1e-7), p1[1] - (0.1 * g[1]) / (Math.sqrt(h[1]) + 1e-7)]], 1e-15);
  });

  it('adam lr 0.1, β1 0.9, β2 0.999: the first update moves each coordinate by lr (m/√v = sign g)', () => {
    // t = 1: lr_t = 0.1·√0.001/0.1 = √0.001; m = 0.1·g, v = 0.001·g²: p −= √0.001·0.1·g/(√0.001·|g| + 1e-7) ≈ 0.1.
    const path = twoUpdates({ optimizer: 'adam', lr: 0.1 });
    expectRows(path.points.subarray(0, 4), [[1, 1], [0.9, 0.9]], 1e-6);
    // t = 2: g = (1.8, 5.4); m = 0.1·g1 + 0.9·m1 … written out below from the book's Adam (common/optimizer.py).
    const [g1, g2] = [[2, 6], [2 * path.points[2], 6 * path.points[3]]];
    const expected = [0, 1].map((i) => {
      const m1 = 0.1 * g1[i];
      const v1 = 0.001 * g1[i] ** 2;
      const m2 = m1 + 0.1 * (g2[i] - m1);
      const v2 = v1 + 0.001 * (g2[i] ** 2 - v1);
      const lrT = (0.1 * Math.sqrt(1 - 0.999 ** 2)) / (1 - 0.9 ** 2);
      return path.points[2 + i] - (lrT * m2) / (Math.sqrt(v2) + 1e-7);
    });
    expectRows(path.points.subarray(4), [expected], 1e-15);
    // About 0.1 again: Adam's steps are about lr while the gradient keeps its sign.
    expect(path.points[2] - path.points[4]).toBeCloseTo(0.1, 2);
  });
});

describe('where a path stops', () => {
  it('stops, keeping its points, when it leaves the box 10× the range around its centre', () => {
    // Descent on x0·x1 from (1, −1) runs away along x0 = −x1; the box of [-2, 2]² is [-20, 20]².
    const xy = findBuiltin('xy')!;
    expect(descentBox({ xrange: [-2, 2], yrange: [-2, 2] })).toEqual([[-20, 20], [-20, 20]]);
    const path = descentPath(xy, [1, -1], settle({ optimizer: 'sgd', lr: 0.5 }), { iterations: 30, gradient: {}, xrange: [-2, 2], yrange: [-2, 2] });
    expect(path.stopped).toBe('left-box');
    // (1, −1) → (1.5, −1.5) → (2.25, −2.25) …: 1.5^k reaches 20 after 8 updates, so points 0…7 are kept.
    expect(path.count).toBe(8);
    expect(path.points[14]).toBeCloseTo(1.5 ** 7, 6);
  });

  it('stops when f or ∇f is not finite at a point, and keeps that point', () => {
    const log: ScalarFunction = { dim: 2, f: (x) => Math.log(x[0]) + x[1] * x[1] };
    // f = ln x0 decreases towards x0 = 0: sgd with lr 1 from x0 = 0.5 steps to 0.5 − 2 < 0, where ln is NaN.
    const path = descentPath(log, [0.5, 0], settle({ optimizer: 'sgd', lr: 1 }), { iterations: 5, gradient: {}, xrange: [-2, 2], yrange: [-2, 2] });
    expect(path.stopped).toBe('not-finite');
    expect(path.count).toBe(2);
    expect(Number.isNaN(path.f[1])).toBe(true);
  });

  it('stops when an update gives a point that is not finite', () => {
    const huge: ScalarFunction = { dim: 2, f: (x) => 1e308 * x[0], grad: (_, g) => ((g[0] = 1e308), (g[1] = 0)) };
    const path = descentPath(huge, [0, 0], settle({ optimizer: 'sgd', lr: 1e10 }), { iterations: 5, gradient: { method: 'analytic' }, xrange: [-2, 2], yrange: [-2, 2] });
    expect(path.stopped).toBe('not-finite');
    expect(path.count).toBe(1);
  });
});

describe('ranges for paths', () => {
  it('grows a range by whole steps to hold a span', () => {
    expect(growRange([-2, 2], 0.25, [-3, 4])).toEqual([-3, 4]);
    expect(growRange([-2, 2], 0.25, [-3.1, 1])).toEqual([-3.25, 2]);
    expect(growRange([-2, 2], 0.5, [-1, 1])).toEqual([-2, 2]);
  });

  it('finds the extent of paths', () => {
    const path = walk('function_2', { optimizer: 'sgd', lr: 0.1 }, [-3, 4], 20);
    const [[xlo, xhi], [ylo, yhi]] = pathsExtent([path])!;
    expect([xlo, yhi]).toEqual([-3, 4]);
    expect(xhi).toBeLessThan(0);
    expect(ylo).toBeGreaterThan(0);
    expect(pathsExtent([])).toBeUndefined();
  });
});
