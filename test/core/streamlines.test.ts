import { describe, expect, it } from 'vitest';
import { segmentDistance2 } from '../../src/core/segment-hash.js';
import { streamlines, DEFAULT_DENSITY, type Streamline, type StreamlineOptions } from '../../src/core/streamlines.js';
import { findBuiltin } from '../../src/functions/builtins.js';
import type { Range, ScalarFunction } from '../../src/functions/types.js';

const builtin = (name: string) => findBuiltin(name)!;

// The lines of a built-in on its own box at 480 px for the longer side (the chart's default), or as given.
function lines(name: string, options: Partial<StreamlineOptions> = {}): { found: Streamline[]; options: StreamlineOptions } {
  const fn = builtin(name);
  const [xrange, yrange] = [options.xrange ?? fn.range[0], options.yrange ?? fn.range[1]];
  const s = 480 / Math.max(xrange[1] - xrange[0], yrange[1] - yrange[0]);
  const full: StreamlineOptions = { xrange, yrange, scale: [s, s], ...options };
  return { found: streamlines(fn, full), options: full };
}

// Separation d in pixels, as the placement defines it.
function separation({ xrange, yrange, scale, density = DEFAULT_DENSITY }: StreamlineOptions): number {
  return Math.max((xrange[1] - xrange[0]) * scale[0], (yrange[1] - yrange[0]) * scale[1]) / density;
}

// Each line's points as [x0, x1] pairs.
const pairs = (line: Streamline) => Array.from({ length: line.points.count }, (_, i) => [line.points.data[2 * i], line.points.data[2 * i + 1]]);

// The smallest distance in pixels between any two different lines, by brute force over their segments.
function closestPair(found: Streamline[], [sx, sy]: readonly [number, number]): number {
  const px = found.map((l) => pairs(l).map(([x, y]) => [x * sx, y * sy]));
  let min = Infinity;
  for (let a = 0; a < px.length; a++) {
    for (let b = a + 1; b < px.length; b++) {
      for (let i = 0; i + 1 < px[a].length; i++) {
        for (let j = 0; j + 1 < px[b].length; j++) {
          const [p, q, r, s] = [px[a][i], px[a][i + 1], px[b][j], px[b][j + 1]];
          min = Math.min(min, segmentDistance2(p[0], p[1], q[0], q[1], r[0], r[1], s[0], s[1]));
        }
      }
    }
  }
  return Math.sqrt(min);
}

const f = (fn: ScalarFunction, x0: number, x1: number) => fn.f(Float64Array.of(x0, x1));

describe('streamlines', () => {
  it('of −∇f on x0² + x1² are straight rays into the origin (angle error < 1e-3 rad)', () => {
    const { found } = lines('sum_sq');
    expect(found.length).toBeGreaterThan(20);
    for (const line of found) {
      const [[a0, a1]] = pairs(line);
      const angle = Math.atan2(a1, a0);
      for (const [x0, x1] of pairs(line)) {
        if (Math.hypot(x0, x1) < 1e-9) continue;
        const error = Math.abs(Math.atan2(x1, x0) - angle);
        expect(Math.min(error, 2 * Math.PI - error)).toBeLessThan(1e-3);
      }
      // Inward: each point nearer the origin than the one before.
      const r = pairs(line).map(([x0, x1]) => Math.hypot(x0, x1));
      for (let i = 1; i < r.length; i++) expect(r[i]).toBeLessThan(r[i - 1]);
    }
  });

  it('of −∇f on x0·x1 are hyperbolas x0² − x1² = c (|x0² − x1² − c| / (x0² + x1²) < 1e-3)', () => {
    const { found } = lines('xy');
    expect(found.length).toBeGreaterThan(10);
    let worst = 0;
    for (const line of found) {
      const [[a0, a1]] = pairs(line);
      const c = a0 ** 2 - a1 ** 2;
      for (const [x0, x1] of pairs(line)) {
        const r2 = x0 ** 2 + x1 ** 2;
        if (r2 > 0) worst = Math.max(worst, Math.abs(x0 ** 2 - x1 ** 2 - c) / r2);
      }
    }
    expect(worst).toBeLessThan(1e-3);
  });

  for (const [name, extra] of [
    ['xy', {}],
    ['himmelblau', {}],
    ['rosenbrock', {}],
    ['sin_xy', { density: 25 }],
    ['xy', { scale: [200, 60] as const }],
  ] as [string, Partial<StreamlineOptions>][]) {
    it(`never come closer than d/2 to each other, in pixels (${name}, ${JSON.stringify(extra)})`, () => {
      const { found, options } = lines(name, extra);
      const d = separation(options);
      expect(found.length).toBeGreaterThan(5);
      expect(closestPair(found, options.scale)).toBeGreaterThanOrEqual(d / 2);
    });
  }

  it('go downhill: f falls strictly along every line of −∇f, and rises along every line of +∇f', () => {
    for (const name of ['himmelblau', 'rosenbrock', 'sin_xy']) {
      const fn = builtin(name);
      for (const ascent of [false, true]) {
        for (const line of lines(name, { ascent }).found) {
          const values = pairs(line).map(([x0, x1]) => f(fn, x0, x1));
          for (let i = 1; i < values.length; i++) expect(ascent ? values[i] > values[i - 1] : values[i] < values[i - 1], `${name} line point ${i}`).toBe(true);
        }
      }
    }
  });

  it('stop at a minimum: one line ends on each of himmelblau\'s minima (within a twentieth of a pixel), none passes it', () => {
    const { found, options } = lines('himmelblau');
    const minima = [[3, 2], [-2.805118, 3.131312], [-3.77931, -3.283186], [3.584428, -1.848126]];
    for (const [m0, m1] of minima) {
      const ends = found.map((l) => {
        const n = l.points.count - 1;
        return Math.hypot((l.points.data[2 * n] - m0) * options.scale[0], (l.points.data[2 * n + 1] - m1) * options.scale[1]);
      });
      expect(Math.min(...ends), `minimum (${m0}, ${m1})`).toBeLessThan(0.05);
    }
    // On x0² + x1², the line that reaches the origin ends there.
    const ray = lines('sum_sq').found.map((l) => Math.hypot(l.points.data[2 * l.points.count - 2], l.points.data[2 * l.points.count - 1]));
    expect(Math.min(...ray)).toBeLessThan(1e-4);
  });

  it('end exactly on the box when they leave it', () => {
    const { found, options } = lines('xy');
    const onEdge = (x: number, [lo, hi]: Range) => x === lo || x === hi;
    const ends = found.flatMap((l) => [pairs(l)[0], pairs(l).at(-1)!]);
    const edges = ends.filter(([x0, x1]) => onEdge(x0, options.xrange) || onEdge(x1, options.yrange));
    // Every line of x0·x1 but the one into the saddle enters and leaves through the edges, or stops beside another.
    expect(edges.length).toBeGreaterThan(found.length);
    for (const [x0, x1] of ends) {
      expect(x0).toBeGreaterThanOrEqual(options.xrange[0]);
      expect(x0).toBeLessThanOrEqual(options.xrange[1]);
      expect(x1).toBeGreaterThanOrEqual(options.yrange[0]);
      expect(x1).toBeLessThanOrEqual(options.yrange[1]);
    }
  });

  it('are the same numbers every time', () => {
    const a = lines('himmelblau').found;
    const b = lines('himmelblau').found;
    expect(b.map((l) => Array.from(l.points.data))).toEqual(a.map((l) => Array.from(l.points.data)));
  });

  it('follow the chosen method: analytic and central differences give the same lines to 1e-5 (a two-thousandth of a pixel)', () => {
    const central = lines('himmelblau', { method: 'central' }).found;
    const analytic = lines('himmelblau', { method: 'analytic' }).found;
    expect(analytic.length).toBe(central.length);
    analytic.forEach((l, i) => l.points.data.forEach((v, k) => expect(Math.abs(v - central[i].points.data[k])).toBeLessThan(1e-5)));
  });

  it('follow the gradient of the chosen method: with analytic, the function\'s own grad, not f', () => {
    // f is x0² + x1² but its "exact" gradient is that of x0·x1: the lines must be hyperbolas, not rays.
    const fn: ScalarFunction = { dim: 2, f: builtin('sum_sq').f, grad: builtin('xy').grad };
    const options: StreamlineOptions = { xrange: [-2, 2], yrange: [-2, 2], scale: [120, 120], method: 'analytic' };
    const found = streamlines(fn, options);
    expect(found.length).toBeGreaterThan(10);
    for (const line of found) {
      const [[a0, a1]] = pairs(line);
      for (const [x0, x1] of pairs(line)) expect(Math.abs(x0 ** 2 - x1 ** 2 - (a0 ** 2 - a1 ** 2))).toBeLessThan(1e-3 * (x0 ** 2 + x1 ** 2) + 1e-12);
    }
  });

  it('draw one line through each seed, in order, and no other', () => {
    const starts: [number, number][] = [[1, 0.5], [-1, -1.5], [0.2, 1.8]];
    const { found } = lines('xy', { starts });
    expect(found).toHaveLength(3);
    found.forEach((line, i) => {
      const nearest = Math.min(...pairs(line).map(([x0, x1]) => Math.hypot(x0 - starts[i][0], x1 - starts[i][1])));
      expect(nearest).toBeLessThan(1e-12);
    });
  });

  it('keep to the longest length, in data units, both ways from the seed together', () => {
    const { found } = lines('sin_xy', { maxLength: 0.5 });
    for (const line of found) {
      const p = pairs(line);
      let length = 0;
      for (let i = 1; i < p.length; i++) length += Math.hypot(p[i][0] - p[i - 1][0], p[i][1] - p[i - 1][1]);
      expect(length).toBeLessThanOrEqual(0.5 + 1e-9);
    }
    expect(found.some((l) => l.points.count > 2)).toBe(true);
  });

  it('give |∇f| at every point', () => {
    const fn = builtin('himmelblau');
    const g = new Float64Array(2);
    for (const line of lines('himmelblau').found) {
      pairs(line).forEach(([x0, x1], i) => {
        fn.grad(Float64Array.of(x0, x1), g);
        expect(line.magnitude[i]).toBeCloseTo(Math.hypot(g[0], g[1]), 4);
      });
    }
  });

  it('are exported by the library, on [-2, 2]² at 480 px by default, as the default chart', async () => {
    const library = await import('../../src/index.js');
    const xy = library.findBuiltin('xy')!;
    const given = library.streamlines(xy, { xrange: [-2, 2], yrange: [-2, 2], scale: [120, 120], method: 'central' });
    expect(library.streamlines(xy).map((l) => Array.from(l.points.data))).toEqual(given.map((l) => Array.from(l.points.data)));
    expect(given.length).toBeGreaterThan(10);
  });

  it('draw nothing on a flat function', () => {
    expect(streamlines({ dim: 2, f: () => 1 }, { xrange: [-1, 1], yrange: [-1, 1], scale: [100, 100] })).toEqual([]);
  });
});
