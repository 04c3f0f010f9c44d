import { describe, expect, it } from 'vitest';
import { isolines } from '../../src/core/contour.js';
import { evaluate } from '../../src/core/field.js';
import { axis, meshgrid } from '../../src/core/grid.js';

const grid = (f: (x0: number, x1: number) => number, min = -2, max = 2, step = 0.5) => {
  const [xs, ys] = [axis(min, max, step), axis(min, max, step)];
  return { xs, ys, values: evaluate({ dim: 2, f: (x) => f(x[0], x[1]) }, meshgrid(xs, ys)) };
};
const pointsOf = (line: Float64Array) => Array.from({ length: line.length / 2 }, (_, i) => [line[2 * i], line[2 * i + 1]]);

describe('isolines', () => {
  it('draws a straight level line of a plane exactly, as one open line from edge to edge', () => {
    // f = x0 on a 3 × 3 grid; the level 0.25 crosses the middle of the first column of cells.
    const xs = Float64Array.of(0, 0.5, 1);
    const ys = Float64Array.of(0, 0.5, 1);
    const values = Float64Array.of(0, 0.5, 1, 0, 0.5, 1, 0, 0.5, 1);
    const lines = isolines(xs, ys, values, 0.25);
    expect(lines).toHaveLength(1);
    const pts = pointsOf(lines[0]).sort((a, b) => a[1] - b[1]);
    expect(pts).toEqual([
      [0.25, 0],
      [0.25, 0.5],
      [0.25, 1],
    ]);
  });

  it('closes the level line of a bowl into a loop whose points all lie near the circle', () => {
    const { xs, ys, values } = grid((a, b) => a * a + b * b, -2, 2, 0.125);
    const [loop, ...rest] = isolines(xs, ys, values, 1);
    expect(rest).toEqual([]);
    const pts = pointsOf(loop);
    expect(pts[0]).toEqual(pts[pts.length - 1]);
    expect(pts.length).toBeGreaterThan(30);
    for (const [a, b] of pts) expect(Math.abs(Math.hypot(a, b) - 1)).toBeLessThan(0.01);
  });

  it('gives the two branches of a hyperbola as two open lines, and nothing for a level outside the values', () => {
    const { xs, ys, values } = grid((a, b) => a * b);
    const lines = isolines(xs, ys, values, 1);
    expect(lines).toHaveLength(2);
    for (const line of lines) for (const [a, b] of pointsOf(line)) expect(a * b).toBeGreaterThan(0.9);
    expect(isolines(xs, ys, values, 10)).toEqual([]);
    expect(isolines(xs, ys, new Float64Array(values.length).fill(3), 3)).toEqual([]);
  });

  it('skips cells with a value that is not finite, and still draws the level line in the others', () => {
    const { xs, ys, values } = grid((a, b) => (a < 0 ? NaN : a * a + b * b));
    const pts = isolines(xs, ys, values, 1).flatMap(pointsOf);
    for (const [a] of pts) expect(a).toBeGreaterThanOrEqual(0);
    // The right half of the unit circle, through (1, 0).
    expect(pts).toContainEqual([1, 0]);
    expect(pts.filter(([a, b]) => a > 0 && Math.abs(Math.hypot(a, b) - 1) < 0.05).length).toBeGreaterThanOrEqual(5);
  });
  it('draws no line along the edge of a region where f is not finite', () => {
    // f is NaN left of x0 = 0; its level-1 line is the right half of the unit circle, and nothing runs along x0 = 0.
    const { xs, ys, values } = grid((a, b) => (a < 0 ? NaN : a * a + b * b));
    const points = isolines(xs, ys, values, 1).flatMap(pointsOf);
    expect(points.length).toBeGreaterThan(4);
    for (const [x0, x1] of points) {
      expect(x0).toBeGreaterThanOrEqual(0);
      // Linear interpolation on a 0.5 grid is within a few hundredths of the circle; f is 2.25 or 4 at the false points.
      expect(Math.abs(x0 * x0 + x1 * x1 - 1), `(${x0}, ${x1})`).toBeLessThan(0.1);
    }
  });
});
