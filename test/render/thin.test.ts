import { describe, expect, it } from 'vitest';
import { sampleField } from '../../src/core/field.js';
import { axis, meshgrid } from '../../src/core/grid.js';
import { findBuiltin } from '../../src/functions/builtins.js';
import { parseOptions } from '../../src/options.js';
import { FILL } from '../../src/render/arrows.js';
import { quiverSpec } from '../../src/render/quiver.js';
import { DEFAULT_MAX_ARROWS, keptIndices, subGrid, subGridRows } from '../../src/render/thin.js';
import { resolveRequest } from '../../src/request.js';
import { chart, layers } from './helpers.js';

// Grid indices (i, j) of the rows a sub-grid keeps, i along x0.
const kept = (nx: number, ny: number, max: number) => {
  const sub = subGrid(nx, ny, max);
  return { ...sub, at: Array.from(subGridRows(nx, ny, sub), (r) => [r % nx, Math.floor(r / nx)]) };
};

describe('subGrid: the smallest stride s with ⌈nx/s⌉·⌈ny/s⌉ ≤ max', () => {
  it('7 × 5, max 6: stride 3, 3 × 2 points spread edge to edge, i = 0, 3, 6 and j = 0, 4', () => {
    // s = 1: 35 points; s = 2: 4 × 3 = 12; s = 3: 3 × 2 = 6.
    //   j=4  ●  .  .  ●  .  .  ●
    //   j=3  .  .  .  .  .  .  .
    //   j=2  .  .  .  .  .  .  .
    //   j=1  .  .  .  .  .  .  .
    //   j=0  ●  .  .  ●  .  .  ●
    expect(kept(7, 5, 6)).toEqual({
      stride: 3,
      nx: 3,
      ny: 2,
      at: [
        [0, 0], [3, 0], [6, 0],
        [0, 4], [3, 4], [6, 4],
      ],
    });
    expect(Array.from(subGridRows(7, 5, subGrid(7, 5, 6)))).toEqual([0, 3, 6, 28, 31, 34]);
  });

  it('keeps every point up to exactly max, and thins one point above it', () => {
    expect(subGrid(7, 5, 35)).toEqual({ stride: 1, nx: 7, ny: 5 });
    expect(subGrid(7, 5, 34)).toEqual({ stride: 2, nx: 4, ny: 3 });
    // 10 × 10 with stride 2 is exactly 25: that stride fits max 25, not max 24.
    expect(subGrid(10, 10, 25)).toEqual({ stride: 2, nx: 5, ny: 5 });
    expect(subGrid(10, 10, 24)).toEqual({ stride: 3, nx: 4, ny: 4 });
    expect(subGrid(3, 3, DEFAULT_MAX_ARROWS).stride).toBe(1);
  });

  it('uses one stride on both axes of a non-square grid', () => {
    // 9 × 3, max 5: s = 2 gives 5 × 2 = 10; s = 3 gives 3 × 1.
    expect(kept(9, 3, 5)).toEqual({ stride: 3, nx: 3, ny: 1, at: [[0, 0], [4, 0], [8, 0]] });
    // 2 × 50, max 10: s = 3 gives 1 × 17, s = 4 gives 1 × 13, s = 5 gives 1 × 10.
    const tall = kept(2, 50, 10);
    expect([tall.stride, tall.nx, tall.ny]).toEqual([5, 1, 10]);
    expect(tall.at).toEqual([0, 5, 11, 16, 22, 27, 33, 38, 44, 49].map((j) => [0, j]));
  });

  it('keeps the first point alone for max 1', () => {
    expect(kept(4, 6, 1)).toEqual({ stride: 6, nx: 1, ny: 1, at: [[0, 0]] });
  });

  it('agrees with a search from s = 1 on every small grid', () => {
    for (let nx = 1; nx <= 30; nx += 3) {
      for (let ny = 1; ny <= 30; ny += 4) {
        for (const max of [1, 2, 3, 5, 7, 10, 24, 25, 26, 100, 1000]) {
          let s = 1;
          while (Math.ceil(nx / s) * Math.ceil(ny / s) > max) s++;
          expect(subGrid(nx, ny, max).stride).toBe(s);
        }
      }
    }
    // A grid near the limit of 10 million points, thinned to the default: no smaller stride fits.
    const big = subGrid(3163, 3163, DEFAULT_MAX_ARROWS);
    expect(big.nx * big.ny).toBeLessThanOrEqual(DEFAULT_MAX_ARROWS);
    expect(Math.ceil(3163 / (big.stride - 1)) ** 2).toBeGreaterThan(DEFAULT_MAX_ARROWS);
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

  it('refuses a max below 1 or not whole', () => {
    for (const max of [0, -5, 1.5, NaN]) expect(() => subGrid(7, 5, max)).toThrow(RangeError);
  });
});

describe('a chart of a fine grid', () => {
  const step = 0.01;
  const length = (a: { ax: number; ay: number; tx: number; ty: number }) => Math.hypot(a.tx - a.ax, a.ty - a.ay);

  it('draws at most maxArrows arrows on every s-th point, scaled to cells s·step wide; the background stays fine', () => {
    // 401 × 401 = 160,801 points; s = 9 gives 45 × 45 = 2,025 ≤ 2,500 (s = 8 gives 51 × 51 = 2,601).
    const { arrows, subGrid: sub, spec, field } = chart('sin_xy', { background: 'heatmap' }, [-2, 2], step);
    expect(field.points.count).toBe(160_801);
    expect(sub).toEqual({ stride: 9, nx: 45, ny: 45 });
    expect(arrows).toHaveLength(2025);
    const cell = 9 * step;
    expect(Math.max(...arrows.map(length))).toBeCloseTo(FILL * cell, 12);
    // Tails on the sub-grid, spread from edge to edge: x = −2 + i·step, i = round(k · 400/44).
    const xs = [...new Set(arrows.map((a) => a.x0))].sort((a, b) => a - b);
    expect(xs).toHaveLength(45);
    xs.forEach((x, k) => expect(x).toBe(-2 + Math.round((k * 400) / 44) * step));
    expect(xs[44]).toBe(2);
    const [heatmap, shafts] = layers(spec);
    expect(shafts.data).toBeUndefined();
    expect((spec as unknown as { data: { values: unknown[] } }).data.values).toBe(arrows);
    // The heatmap has one cell per 3 pixels (480 px), not one per grid step, nor one per arrow.
    expect(heatmap.data!.values.length).toBe(160 * 160);
  });

  it('follows maxArrows, and a grid of exactly maxArrows points keeps them all', () => {
    const few = chart('xy', { maxArrows: 100 }, [-2, 2], step);
    expect(few.subGrid).toEqual({ stride: 41, nx: 10, ny: 10 });
    expect(few.arrows).toHaveLength(100);
    expect(Math.max(...few.arrows.map(length))).toBeCloseTo(FILL * 41 * step, 12);
    const all = chart('xy', { maxArrows: 17 * 17 });
    expect(all.subGrid.stride).toBe(1);
    expect(all.arrows).toHaveLength(289);
  });

  it('is refused when the field is not the grid that ranges and step describe', () => {
    const field = sampleField(findBuiltin('xy')!, meshgrid(axis(-2, 2, 0.5), axis(-2, 2, 0.5)));
    expect(() => quiverSpec(field, { title: 'xy', xrange: [-2, 2], yrange: [-2, 2], step: 0.25 })).toThrow(/field has 81 points, but .* 17 × 17/);
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
