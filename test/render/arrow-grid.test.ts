import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_ARROWS } from '../../src/chart-kinds.js';
import { sampleField } from '../../src/core/field.js';
import { axis, meshgrid } from '../../src/core/grid.js';
import { findBuiltin } from '../../src/functions/builtins.js';
import { parseOptions } from '../../src/options.js';
import { arrowGrid, arrowGridRows, describeArrowGrid, keptIndices, strides } from '../../src/render/arrow-grid.js';
import { FILL } from '../../src/render/arrows.js';
import { quiverSpec, type ChartOptions } from '../../src/render/quiver.js';
import { resolveRequest } from '../../src/request.js';
import { chart, layers } from './helpers.js';

// Grid indices (i, j) of the rows the arrow grid keeps, i along x0, for strides from `strides`.
const kept = (nx: number, ny: number, max: number, ratio = 1) => {
  const [a, b] = strides(nx, ny, max, ratio);
  const grid = { x: { n: nx, stride: a, kept: Math.ceil(nx / a) }, y: { n: ny, stride: b, kept: Math.ceil(ny / b) }, cell: [a, b] as [number, number] };
  return { strides: [a, b], kept: [grid.x.kept, grid.y.kept], at: Array.from(arrowGridRows(grid), (r) => [r % nx, Math.floor(r / nx)]) };
};
const count = (nx: number, ny: number, [a, b]: number[]) => Math.ceil(nx / a) * Math.ceil(ny / b);

describe('strides: arrows at least d apart on screen along both axes, for the least d that fits max', () => {
  it('7 × 5, max 6: stride 3 on both, 3 × 2 points spread edge to edge, i = 0, 3, 6 and j = 0, 4', () => {
    // s = 1: 35 points; s = 2: 4 × 3 = 12; s = 3: 3 × 2 = 6.
    //   j=4  ●  .  .  ●  .  .  ●
    //   j=3  .  .  .  .  .  .  .
    //   j=2  .  .  .  .  .  .  .
    //   j=1  .  .  .  .  .  .  .
    //   j=0  ●  .  .  ●  .  .  ●
    expect(kept(7, 5, 6)).toEqual({
      strides: [3, 3],
      kept: [3, 2],
      at: [
        [0, 0], [3, 0], [6, 0],
        [0, 4], [3, 4], [6, 4],
      ],
    });
  });

  it('keeps every point up to exactly max, and thins one point above it', () => {
    expect(strides(7, 5, 35, 1)).toEqual([1, 1]);
    expect(strides(7, 5, 35, 100)).toEqual([1, 1]);
    expect(strides(7, 5, 34, 1)).toEqual([2, 2]);
    // 10 × 10 with stride 2 is exactly 25: that stride fits max 25, not max 24.
    expect(strides(10, 10, 25, 1)).toEqual([2, 2]);
    expect(strides(10, 10, 24, 1)).toEqual([3, 3]);
    expect(arrowGrid({ xrange: [-2, 2], yrange: [-2, 2], step: 0.5 })).toEqual({ x: { n: 9, stride: 1, kept: 9 }, y: { n: 9, stride: 1, kept: 9 }, cell: [0.5, 0.5], room: 0.5 });
  });

  it('thins an axis whose points are far apart on screen less, or not at all: 401 × 5 keeps its 5 rows', () => {
    // Rows 100 x0-steps apart on screen: every 6th column, ⌈401/6⌉ · 5 = 335 ≤ 400 (every 5th: 81 · 5 = 405).
    expect(kept(401, 5, 400, 100).kept).toEqual([67, 5]);
    expect(strides(401, 5, 400, 100)).toEqual([6, 1]);
    expect(strides(5, 401, 400, 1 / 100)).toEqual([1, 6]);
    // At 480 × 480 px, x0 takes 24 px a unit and x1 2400: cells 0.3 × 0.05, on screen 7.2 × 120 px, so an
    // arrow has 7.2 px, 0.3 units of x0; on one scale it has the shorter cell side.
    const lopsided = { xrange: [-10, 10] as [number, number], yrange: [-0.1, 0.1] as [number, number], step: 0.05, maxArrows: 400 };
    expect(arrowGrid(lopsided)).toMatchObject({ cell: [6 * 0.05, 0.05], room: 6 * 0.05 });
    expect(arrowGrid({ ...lopsided, aspect: 'equal' })).toMatchObject({ cell: [3 * 0.05, 3 * 0.05], room: 3 * 0.05 });
    // 400 × 400 px over 2 × 8 units: cells of 0.05 × 0.5 are 10 × 25 px; 10 px is 0.2 units of x1, the coarser axis.
    expect(arrowGrid({ xrange: [-1, 1], yrange: [-4, 4], step: 0.05, ystep: 0.5, width: 400, height: 400 }).room).toBeCloseTo(0.2, 12);
    // On one scale the same grid takes one stride: ⌈401/3⌉ · ⌈5/3⌉ = 268.
    expect(strides(401, 5, 400, 1)).toEqual([3, 3]);
    // x1's step twice x0's on screen: cells square on screen, 2 x0-steps to each x1-step.
    expect(arrowGrid({ xrange: [-2, 2], yrange: [-2, 2], step: 0.01, xstep: 0.01, ystep: 0.02, maxArrows: 100 })).toEqual({
      x: { n: 401, stride: 50, kept: 9 },
      y: { n: 201, stride: 25, kept: 9 },
      cell: [0.5, 0.5],
      room: 0.5,
    });
  });

  it('takes a stride up to a quarter larger when it divides n − 1, so the kept points are exactly every s-th', () => {
    // 101 × 101, max 144: every 9th fits (12 × 12), but 9 does not divide 100; every 10th does, 11 × 11.
    expect(kept(101, 101, 144)).toMatchObject({ strides: [10, 10], kept: [11, 11] });
    expect(keptIndices(101, 11)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    // 17 × 17, max 20: every 5th; 16's divisors 8 and 16 are too far, so 4 points spread as 0, 5, 11, 16.
    expect(kept(17, 17, 20).strides).toEqual([5, 5]);
    expect(keptIndices(17, 4)).toEqual([0, 5, 11, 16]);
  });

  it('keeps the first point alone for max 1', () => {
    expect(kept(4, 6, 1)).toMatchObject({ kept: [1, 1], at: [[0, 0]] });
  });

  it('on every small grid and ratio: fits max, no smaller spacing fits, and a stride grows only to divide n − 1', () => {
    for (let nx = 1; nx <= 30; nx += 3) {
      for (let ny = 1; ny <= 30; ny += 4) {
        for (const ratio of [1, 0.3, 2.5, 7]) {
          for (const max of [1, 3, 7, 24, 25, 100]) {
            const [a, b] = strides(nx, ny, max, ratio);
            expect(count(nx, ny, [a, b])).toBeLessThanOrEqual(max);
            // The least spacing d, by a walk over every d where a stride steps up.
            const ds = [...Array.from({ length: nx + ny * 8 }, (_, k) => k + 1), ...Array.from({ length: ny + nx * 4 }, (_, k) => (k + 1) * ratio)].sort((p, q) => p - q);
            const at = (d: number) => [Math.max(1, Math.ceil(d - 1e-9)), Math.max(1, Math.ceil(d / ratio - 1e-9))];
            const least = nx * ny <= max ? [1, 1] : at(ds.find((d) => count(nx, ny, at(d)) <= max)!);
            for (const [s, s0, n] of [[a, least[0], nx], [b, least[1], ny]]) {
              expect(s).toBeGreaterThanOrEqual(s0);
              expect(s).toBeLessThanOrEqual(s0 * 1.25);
              if (s > s0) expect((n - 1) % s).toBe(0);
            }
          }
        }
      }
    }
  });

  it('keeps both edges, no two kept points closer than the stride', () => {
    for (let n = 2; n <= 60; n++) {
      for (let stride = 1; stride <= n; stride++) {
        const at = keptIndices(n, Math.ceil(n / stride));
        if (at.length > 1) expect([at[0], at.at(-1)]).toEqual([0, n - 1]);
        for (let k = 1; k < at.length; k++) expect(at[k] - at[k - 1]).toBeGreaterThanOrEqual(stride);
      }
    }
    // Every s-th point exactly when s divides n − 1.
    expect(keptIndices(13, 5)).toEqual([0, 3, 6, 9, 12]);
  });

  it('a grid near the limit of 10 million points, thinned to the default, in a few steps', () => {
    const [s] = strides(3163, 3163, DEFAULT_MAX_ARROWS, 1);
    expect(count(3163, 3163, [s, s])).toBeLessThanOrEqual(DEFAULT_MAX_ARROWS);
    expect(count(3163, 3163, [s - 1, s - 1])).toBeGreaterThan(DEFAULT_MAX_ARROWS);
    // Rows a million x0-steps apart both stay: every 8000th column, 1250 · 2 = 2500
    // (9,999,999 = 9 · 239 · 4649 has no divisor within a quarter above 8000).
    expect(strides(10_000_000, 2, DEFAULT_MAX_ARROWS, 1e6)).toEqual([8000, 1]);
  });

  it('refuses a max below 1 or not whole', () => {
    for (const max of [0, -5, 1.5, NaN]) expect(() => strides(7, 5, max, 1)).toThrow(RangeError);
  });
});

describe('describeArrowGrid: which points carry arrows, for the note', () => {
  const grid = (nx: number, a: number, ny: number, b: number) => ({ x: { n: nx, stride: a, kept: Math.ceil(nx / a) }, y: { n: ny, stride: b, kept: Math.ceil(ny / b) }, cell: [a, b] as [number, number] });
  it('says "every s-th" where exact, counts where spread, "all" where whole', () => {
    expect(describeArrowGrid(grid(201, 5, 201, 5))).toBe('every 5th point on each axis');
    expect(describeArrowGrid(grid(17, 5, 17, 5))).toBe('4 of 17 points on each axis');
    expect(describeArrowGrid(grid(401, 6, 5, 1))).toBe('67 of 401 points along x0, all 5 points along x1');
    expect(describeArrowGrid(grid(401, 8, 201, 2))).toBe('every 8th point along x0, every 2nd point along x1');
    expect(describeArrowGrid(grid(1201, 12, 221, 11))).toBe('every 12th point along x0, every 11th point along x1');
    expect(describeArrowGrid(grid(2201, 21, 5, 1))).toBe('105 of 2201 points along x0, all 5 points along x1');
  });
});

describe('a chart of a fine grid', () => {
  const step = 0.01;
  const length = (a: { ax: number; ay: number; tx: number; ty: number }) => Math.hypot(a.tx - a.ax, a.ty - a.ay);

  it('draws at most maxArrows arrows on every s-th point, scaled to cells s·step wide; the background stays fine', () => {
    // 401 × 401 = 160,801 points; s = 9 gives 45 × 45 = 2,025 ≤ 2,500 (s = 8 gives 51 × 51 = 2,601),
    // and s = 10 divides 400: 41 × 41, exactly every 10th point.
    const { arrows, arrowGrid: grid, spec, field } = chart('sin_xy', { background: 'heatmap' }, [-2, 2], step);
    expect(field.points.count).toBe(160_801);
    expect(grid).toEqual({ x: { n: 401, stride: 10, kept: 41 }, y: { n: 401, stride: 10, kept: 41 }, cell: [10 * step, 10 * step], room: 10 * step });
    expect(arrows).toHaveLength(1681);
    const cell = 10 * step;
    expect(Math.max(...arrows.map(length))).toBeCloseTo(FILL * cell, 12);
    // Tails on the grid's every 10th point, from edge to edge: x = −2 + 10k·step.
    const xs = [...new Set(arrows.map((a) => a.x0))].sort((a, b) => a - b);
    const grid0 = axis(-2, 2, step);
    expect(xs).toEqual(Array.from({ length: 41 }, (_, k) => grid0[10 * k]));
    expect(xs[40]).toBe(2);
    const [heatmap, shafts] = layers(spec);
    expect(shafts.data).toBeUndefined();
    expect((spec as unknown as { data: { values: unknown[] } }).data.values).toBe(arrows);
    // The heatmap has one cell per 3 pixels (480 px), not one per grid step, nor one per arrow.
    expect(heatmap.data!.values.length).toBe(160 * 160);
  });

  it('follows maxArrows, and a grid of exactly maxArrows points keeps them all', () => {
    // Every 41st fits 10 × 10; every 50th, within a quarter of it, divides 400: 9 × 9.
    const few = chart('xy', { maxArrows: 100 }, [-2, 2], step);
    expect([few.arrowGrid.x, few.arrowGrid.y]).toEqual([{ n: 401, stride: 50, kept: 9 }, { n: 401, stride: 50, kept: 9 }]);
    expect(few.arrows).toHaveLength(81);
    expect(Math.max(...few.arrows.map(length))).toBeCloseTo(FILL * 50 * step, 12);
    const all = chart('xy', { maxArrows: 17 * 17 });
    expect([all.arrowGrid.x.stride, all.arrowGrid.y.stride]).toEqual([1, 1]);
    expect(all.arrows).toHaveLength(289);
  });

  it('is refused when the field is not the grid that ranges and step describe', () => {
    const field = sampleField(findBuiltin('xy')!, meshgrid(axis(-2, 2, 0.5), axis(-2, 2, 0.5)));
    expect(() => quiverSpec(field, { title: 'xy', xrange: [-2, 2], yrange: [-2, 2], step: 0.25 })).toThrow(/field has 81 points, but .* 17 × 17/);
  });
});

// xy on x0 ∈ [−10, 10], x1 ∈ [−0.1, 0.1], step 0.05: a grid of 401 × 5 points.
const [X0, X1] = [axis(-10, 10, 0.05), axis(-0.1, 0.1, 0.05)];
function lopsided(options: Partial<ChartOptions> = {}) {
  const fn = findBuiltin('xy')!;
  const field = sampleField(fn, meshgrid(X0, X1));
  return quiverSpec(field, { title: 'xy', xrange: [-10, 10], yrange: [-0.1, 0.1], step: 0.05, fn, maxArrows: 400, ...options });
}
const sorted = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);

describe('thinning a lopsided grid (401 × 5, --max-arrows 400)', () => {
  for (const [name, size] of [
    ['axes scaled apart by themselves', {}],
    ['--width 600 --height 400', { width: 600, height: 400 }],
  ] as const) {
    it(`${name}: keeps all 5 rows and thins x0 alone, both edges kept, with no warning`, () => {
      const q = lopsided(size);
      // Rows 120 px (100 px) apart need no thinning; columns 1.2 px (1.5 px) apart take it all:
      // every 6th is the least that fits, ⌈401/6⌉ · 5 = 335 ≤ 400 (every 5th gives 81 · 5 = 405).
      expect(sorted(q.arrows.map((a) => a.x1))).toEqual(Array.from(X1));
      const xs = sorted(q.arrows.map((a) => a.x0));
      expect(xs).toHaveLength(67);
      expect([xs[0], xs.at(-1)]).toEqual([-10, 10]);
      // Spread evenly from edge to edge: grid index round(k · 400/66), gaps of 6 and 7 steps.
      xs.forEach((x, k) => expect(x).toBe(X0[Math.round((k * 400) / 66)]));
      expect(q.arrows).toHaveLength(335);
      expect(q.warnings).toEqual([]);
    });
  }

  it('with --aspect equal the strip is one scale: the same stride on both axes, and the warning that arrows run together', () => {
    const q = lopsided({ aspect: 'equal' });
    // 1.2 px per step on both axes: every 3rd point, ⌈401/3⌉ · ⌈5/3⌉ = 134 · 2 = 268.
    expect(sorted(q.arrows.map((a) => a.x1))).toEqual([X1[0], X1[4]]);
    expect(q.arrows).toHaveLength(268);
    expect(q.warnings[0]).toMatch(/^arrows are 3\.6 px apart and run together/);
  });
});

describe('the maxArrows option', () => {
  const detail = (value: unknown) => parseOptions({ maxArrows: value }).errors[0]?.detail;

  it('reads a whole number from argv or a manifest, 2500 by default', () => {
    expect(parseOptions({ maxArrows: '400' })).toEqual({ options: { maxArrows: 400 }, errors: [] });
    expect(parseOptions({ maxArrows: 1 })).toEqual({ options: { maxArrows: 1 }, errors: [] });
    expect(resolveRequest({ fn: 'xy' }).maxArrows).toBe(2500);
    expect(resolveRequest({ fn: 'xy', maxArrows: 30 }).maxArrows).toBe(30);
  });

  it('refuses 0, negatives and fractions', () => {
    expect(detail('0')).toBe('expected an integer greater than 0, got "0"');
    expect(detail('-5')).toBe('expected an integer greater than 0, got "-5"');
    expect(detail('1.5')).toBe('expected an integer greater than 0, got "1.5"');
    expect(detail(2.5)).toBe('expected an integer greater than 0, got 2.5');
    expect(detail(true)).toBe('expected an integer greater than 0, got true');
  });
});
