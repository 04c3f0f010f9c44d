import { describe, expect, it } from 'vitest';
import { sampleField } from '../../src/core/field.js';
import { axis, meshgrid } from '../../src/core/grid.js';
import { findBuiltin } from '../../src/functions/builtins.js';
import { drawHeads, FILL, layoutArrows, type ArrowLayout } from '../../src/render/arrows.js';
import { gain, lengthOf } from '../../src/render/length.js';

const step = 0.25;
const field = (name: string) => sampleField(findBuiltin(name)!, meshgrid(axis(-2, 2, step), axis(-2, 2, step)), { method: 'analytic' });
const layout = (name: string, options: Partial<ArrowLayout> = {}) => layoutArrows(field(name), { step, ascent: false, ...options });
const length = (a: { ax: number; ay: number; tx: number; ty: number }) => Math.hypot(a.tx - a.ax, a.ty - a.ay);

describe('arrow length', () => {
  it('maps |∇f| through L: m, √m, ln(1 + m), 1; the gain L(m)/m is exactly 1 for linear and 0 at m = 0', () => {
    expect([lengthOf('linear', 4), lengthOf('sqrt', 4), lengthOf('log', Math.E - 1), lengthOf('none', 4), lengthOf('none', 0)]).toEqual([4, 2, 1, 1, 0]);
    expect([gain('linear', 0), gain('sqrt', 0), gain('log', 0), gain('none', 0), gain('sqrt', 4)]).toEqual([1, 0, 0, 0, 0.5]);
  });

  for (const mode of ['linear', 'sqrt', 'log', 'none'] as const) {
    it(`${mode}: the longest arrow spans ${FILL} of a cell and every arrow is scale · L(|∇f|) along −∇f`, () => {
      const { arrows, scale, maxMag } = layout('sum_sq', { length: mode });
      expect(maxMag).toBeCloseTo(4 * Math.SQRT2, 12);
      expect(scale).toBeCloseTo((FILL * step) / lengthOf(mode, maxMag), 12);
      expect(Math.max(...arrows.map(length))).toBeCloseTo(FILL * step, 12);
      for (const a of arrows) {
        expect(length(a)).toBeCloseTo(scale * lengthOf(mode, a.mag), 12);
        if (a.mag > 0) expect((a.tx - a.ax) * a.g0 + (a.ty - a.ay) * a.g1).toBeLessThan(0);
      }
    });
  }

  it('keeps a fixed scale: the same |∇f| gives the same length whatever the field', () => {
    const xy = layout('xy', { scale: 0.2 });
    const bowl = layout('sum_sq', { scale: 0.2 });
    expect(xy.scale).toBe(0.2);
    const at = (arrows: typeof xy.arrows, x0: number, x1: number) => arrows.find((a) => a.x0 === x0 && a.x1 === x1)!;
    // |∇(x0·x1)| at (2, 0) = 2 = |∇(x0² + x1²)| at (1, 0): both 0.4 long.
    expect(length(at(xy.arrows, 2, 0))).toBeCloseTo(0.4, 12);
    expect(length(at(bowl.arrows, 1, 0))).toBeCloseTo(0.4, 12);
  });

  it('draws an all-zero field as dots, without error', () => {
    const zero = sampleField({ dim: 2, f: () => 0 }, meshgrid(axis(-1, 1, 0.5), axis(-1, 1, 0.5)));
    const { arrows, scale, maxMag } = layoutArrows(zero, { step: 0.5, ascent: false });
    expect([scale, maxMag]).toEqual([0, 0]);
    drawHeads(arrows, 100, 100);
    expect(arrows.every((a) => a.dot && a.tx === a.x0 && a.ty === a.x1)).toBe(true);
  });
});

describe('pivot', () => {
  it('puts the tail, the middle or the tip on the grid point', () => {
    const tail = layout('xy', { pivot: 'tail' }).arrows;
    const middle = layout('xy', { pivot: 'middle' }).arrows;
    const tip = layout('xy', { pivot: 'tip' }).arrows;
    tail.forEach((a, i) => {
      expect([a.ax, a.ay]).toEqual([a.x0, a.x1]);
      expect((middle[i].ax + middle[i].tx) / 2).toBeCloseTo(a.x0, 12);
      expect((middle[i].ay + middle[i].ty) / 2).toBeCloseTo(a.x1, 12);
      expect(tip[i].tx).toBeCloseTo(a.x0, 12);
      expect(tip[i].ty).toBeCloseTo(a.x1, 12);
      expect(tip[i].tx - tip[i].ax).toBeCloseTo(a.tx - a.ax, 12);
    });
  });
});

describe('arrows with unequal pixel scales', () => {
  it('lay out in pixels: data offset = pixel offset / scale, so the angle on screen is the angle of ∇f', () => {
    // sx = 200 px per unit, sy = 50: aspect = [min/sx, min/sy] = [0.25, 1].
    const [sx, sy] = [200, 50];
    const { arrows } = layout('xy', { aspect: [50 / sx, 50 / sy] });
    drawHeads(arrows, sx, sy);
    for (const a of arrows.filter((b) => !b.dot)) {
      const [px, py] = [(a.tx - a.ax) * sx, (a.ty - a.ay) * sy];
      // On screen the arrow is parallel to −∇f …
      expect(px * a.g1 - py * a.g0).toBeCloseTo(0, 9);
      // … and the head points along it, clockwise from up.
      const rad = (a.angle * Math.PI) / 180;
      expect(Math.sin(rad) * Math.hypot(a.g0, a.g1)).toBeCloseTo(-a.g0, 9);
      expect(Math.cos(rad) * Math.hypot(a.g0, a.g1)).toBeCloseTo(-a.g1, 9);
    }
    // The longest arrow spans 0.9 of the shorter side of a cell, in pixels: 0.9 × 0.25 × 50.
    expect(Math.max(...arrows.map((a) => Math.hypot((a.tx - a.ax) * sx, (a.ty - a.ay) * sy)))).toBeCloseTo(FILL * step * 50, 9);
  });
});
