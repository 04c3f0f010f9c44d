import { describe, expect, it } from 'vitest';
import { axis, axisLength, meshgrid } from '../../src/core/grid.js';

describe('axis', () => {
  it('includes the upper end when the span is a whole number of steps', () => {
    expect(Array.from(axis(-2, 2, 0.25))).toEqual([
      -2, -1.75, -1.5, -1.25, -1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2,
    ]);
  });

  it('computes min + i·step without accumulating error', () => {
    const xs = axis(0, 1, 0.1);
    expect(xs.length).toBe(11);
    expect(xs[3]).toBe(0 + 3 * 0.1); // 0.30000000000000004, not 0.1+0.1+0.1
    expect(xs[10]).toBe(1); // adding 0.1 ten times would give 0.9999999999999999
  });

  it('stops below max when the span is not a whole number of steps', () => {
    expect(Array.from(axis(0, 1, 0.3))).toEqual([0, 0.3, 0.6, 0.8999999999999999]);
    expect(axisLength(0, 1, 0.3)).toBe(4);
  });

  it('treats spans within 1e-9 of a whole number as whole', () => {
    expect(axisLength(-3, 3, 0.1)).toBe(61);
    expect(axisLength(0, 1 + 1e-12, 0.5)).toBe(3);
    expect(axisLength(0, 1 + 1e-6, 0.5)).toBe(3);
    expect(axisLength(0, 1 - 1e-6, 0.5)).toBe(2);
  });
});

describe('meshgrid', () => {
  it('gives one row per point, x0 varying fastest (numpy meshgrid + flatten)', () => {
    const grid = meshgrid(new Float64Array([0, 1, 2]), new Float64Array([10, 20]));
    expect(grid.dim).toBe(2);
    expect(grid.count).toBe(6);
    // prettier-ignore
    expect(Array.from(grid.data)).toEqual([
      0, 10,
      1, 10,
      2, 10,
      0, 20,
      1, 20,
      2, 20,
    ]);
  });
});
