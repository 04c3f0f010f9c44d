import { describe, expect, it } from 'vitest';
import { sampleField } from '../../src/core/field.js';
import { axis, meshgrid } from '../../src/core/grid.js';
import { findBuiltin } from '../../src/functions/builtins.js';
import { quiverSpec, type ChartOptions } from '../../src/render/quiver.js';
import { cli, tempDir } from '../helpers.js';

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

describe('the note that says how many arrows are drawn', () => {
  it('names the points kept on each axis when the axes are thinned apart', async () => {
    const dir = tempDir();
    const r = await cli(['--fn', 'xy', '--xrange', '-10,10', '--yrange', '-0.1,0.1', '--step', '0.05', '--max-arrows', '400', '--width', '600', '--height', '400', '-o', 'a.vl.json'], { cwd: dir });
    expect([r.status, r.stderr]).toEqual([0, 'gradplot: note: drawing 335 of 2,005 grid points as arrows (67 of 401 points along x0, all 5 points along x1); --max-arrows 400 sets the limit\n']);
  });
});
