import { describe, expect, it } from 'vitest';
import { sampleField } from '../../src/core/field.js';
import { axis, meshgrid } from '../../src/core/grid.js';
import { InputError } from '../../src/errors.js';
import { parseOptions } from '../../src/options.js';
import { findBuiltin } from '../../src/functions/builtins.js';
import { quiverSpec, type ChartOptions } from '../../src/render/quiver.js';
import { resolveRequest } from '../../src/request.js';

const request = (raw: Record<string, unknown>) => resolveRequest({ fn: 'xy', out: 'a.png', ...raw }, 'cli');

/** xy's chart on its own ranges and steps. */
function chartOn(xrange: [number, number], yrange: [number, number], xstep: number, ystep: number, options: Partial<ChartOptions> = {}) {
  const fn = findBuiltin('xy')!;
  const field = sampleField(fn, meshgrid(axis(xrange[0], xrange[1], xstep), axis(yrange[0], yrange[1], ystep)));
  return quiverSpec(field, { title: 'xy', xrange, yrange, step: xstep, xstep, ystep, fn, ...options });
}
const spec = (q: { spec: unknown }) => q.spec as { width: number; height: number; title: { subtitle: string } };

describe('per-axis steps and point counts', () => {
  it('--points NXxNY sets each axis\'s spacing from its range; --xstep/--ystep set one axis each, over --step', () => {
    expect(request({ range: '-2,2', points: '41x21' })).toMatchObject({ xstep: 0.1, ystep: 0.2, nx: 41, ny: 21 });
    expect(request({ range: '-2,2', points: [5, 3], step: '0.5' })).toMatchObject({ xstep: 1, ystep: 2, nx: 5, ny: 3 });
    expect(request({ range: '-2,2', step: '0.5', ystep: '0.25' })).toMatchObject({ xstep: 0.5, ystep: 0.25, nx: 9, ny: 17 });
  });

  it('refuse contradictions and bad counts, naming the option', () => {
    expect(() => request({ points: '41x21', xstep: '0.1' })).toThrow(new InputError('points', 'sets the spacing of both axes and cannot be used with --xstep; choose one'));
    expect(parseOptions({ points: '41' }).errors[0].detail).toBe('expected NXxNY with whole numbers of at least 2 (e.g. 41x21), got "41"');
    expect(parseOptions({ points: '1x5' }).errors[0].detail).toMatch(/^expected NXxNY/);
  });

  it('draw arrows that fit the cell\'s shorter side', () => {
    const { arrows } = chartOn([-2, 2], [-2, 2], 0.1, 0.5);
    const longest = Math.max(...arrows.map((a) => Math.hypot(a.tx - a.ax, a.ty - a.ay)));
    expect(longest).toBeCloseTo(0.9 * 0.1, 9);
  });
});

describe('--aspect', () => {
  it('free by itself when one range is over 10× the other, with a note and a subtitle; each axis fills its side', () => {
    const q = chartOn([-10, 10], [-0.1, 0.1], 0.5, 0.05);
    expect([spec(q).width, spec(q).height]).toEqual([480, 480]);
    expect(q.notes).toEqual(["x0's range is 100× x1's, so each axis gets its own scale; --aspect equal keeps one"]);
    expect(spec(q).title.subtitle).toContain('axes scaled apart, arrow angles true on screen');
    // Angles on screen stay true: every head points along −∇f as drawn in pixels (clockwise from up).
    const turn = (deg: number) => ((deg % 360) + 360) % 360;
    for (const a of q.arrows.filter((r) => !r.dot)) expect(turn(a.angle - (Math.atan2(-a.g0, -a.g1) * 180) / Math.PI + 1e-9)).toBeCloseTo(0, 6);
  });

  it('equal when asked, and then lopsided ranges make a thin strip with a warning that the arrows run together', () => {
    const q = chartOn([-10, 10], [-0.1, 0.1], 0.05, 0.05, { aspect: 'equal' });
    expect(spec(q).height).toBeLessThan(10);
    expect(q.notes).toEqual([]);
    expect(q.warnings[0]).toMatch(/^arrows are 1\.2 px apart and run together/);
  });

  it('warns when arrows are too close on one axis: a 401 × 5 grid under the limit; --max-arrows 400 spreads x0 alone', () => {
    const q = chartOn([-10, 10], [-0.1, 0.1], 0.05, 0.05, { width: 600, height: 400 });
    expect(q.warnings[0]).toMatch(/^arrows are 1\.5 px apart and run together/);
    expect(chartOn([-10, 10], [-0.1, 0.1], 0.05, 0.05, { width: 600, height: 400, maxArrows: 400 }).warnings).toEqual([]);
  });

  it('free with width and height both given (no note); equal with both is a contradiction', () => {
    const q = chartOn([-2, 2], [-2, 2], 0.25, 0.25, { width: 640, height: 280 });
    expect([spec(q).width, spec(q).height]).toEqual([640, 280]);
    expect(q.notes).toEqual([]);
    expect(() => request({ aspect: 'equal', width: '640', height: '280' })).toThrow(/^--aspect: equal cannot be used with both --width and --height/);
  });
});

describe('the plot\'s size', () => {
  it('is refused below 100 px a side, saying so', () => {
    expect(() => request({ width: '10' })).toThrow(/expected a number of pixels from 100 to 32,767, got "10"/);
    expect(() => request({ height: '99' })).toThrow(InputError);
    expect(request({ width: '100' }).width).toBe(100);
  });
});
