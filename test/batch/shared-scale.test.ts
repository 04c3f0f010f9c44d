import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedArrowScale } from '../../src/batch/shared-scale.js';
import { FILL } from '../../src/render/arrows.js';
import { cli, tempDir } from '../helpers.js';
import { batch, withManifest } from './helpers.js';

// The longest arrow of a chart's spec, in data units.
function longestArrow(file: string): number {
  const spec = JSON.parse(readFileSync(file, 'utf8'));
  const arrows: { ax: number; ay: number; tx: number; ty: number }[] = spec.data.values;
  return Math.max(...arrows.map((a) => Math.hypot(a.tx - a.ax, a.ty - a.ay)));
}

describe('one arrow scale across a batch', () => {
  it('is the smallest of the charts\' own automatic scales, FILL·step / L(max |∇f|)', async () => {
    expect(sharedArrowScale([
      { step: 0.5, length: 'linear', maxMagnitude: 4 },
      { step: 0.5, length: 'linear', maxMagnitude: 2 },
    ])).toBe((FILL * 0.5) / 4);
    expect(sharedArrowScale([
      { step: 1, length: 'sqrt', maxMagnitude: 16 },
      { step: 0.25, length: 'linear', maxMagnitude: 0.5 },
      { step: 1, length: 'linear', maxMagnitude: 0 },
    ])).toBe((FILL * 1) / 4);
    expect(sharedArrowScale([{ step: 1, length: 'linear', maxMagnitude: 0 }])).toBeUndefined();
  });

  it('gives the same |∇f| the same length in every chart, the longest arrow filling its cell', async () => {
    // max |∇f| on -2..2: sum_sq 4√2 at the corners, xy 2√2: half as long.
    const dir = withManifest(
      [
        { out: 'sum_sq.vl.json', fn: 'sum_sq' },
        { out: 'xy.vl.json', fn: 'xy' },
        { out: 'own.vl.json', fn: 'xy', arrowScale: 0.1 },
      ],
      { arrowScale: 'shared', step: 0.5 },
    );
    expect((await batch(dir)).status).toBe(0);
    expect(longestArrow(join(dir, 'sum_sq.vl.json'))).toBeCloseTo(FILL * 0.5, 12);
    expect(longestArrow(join(dir, 'xy.vl.json'))).toBeCloseTo((FILL * 0.5) / 2, 12);
    expect(longestArrow(join(dir, 'own.vl.json'))).toBeCloseTo(0.1 * 2 * Math.SQRT2, 12);
  });

  it('fits a thinned chart\'s longest arrow to its own cell, the shorter side of stride × step on each axis', async () => {
    // 401 × 101 points (steps 0.01 and 0.04), at most 100 arrows: every 50th along x0, every 11th along x1,
    // cells 0.5 × 0.44; sum_sq's largest |∇f| is 4√2, xy's 2√2 on cells of 0.5.
    const dir = withManifest(
      [
        { out: 'thinned.vl.json', fn: 'sum_sq', step: 0.01, ystep: 0.04, maxArrows: 100 },
        { out: 'xy.vl.json', fn: 'xy', step: 0.5 },
      ],
      { arrowScale: 'shared', range: '-2,2' },
    );
    expect((await batch(dir)).status).toBe(0);
    expect(longestArrow(join(dir, 'thinned.vl.json'))).toBeCloseTo(FILL * 0.44, 12);
    expect(longestArrow(join(dir, 'xy.vl.json'))).toBeCloseTo((FILL * 0.44) / 2, 12);
  });

  it('fits a chart with axes scaled apart as the chart alone would: its cell\'s shorter side on screen', async () => {
    // x0's range is 100× x1's: each axis fills 480 px, and the arrows' cells (every 6th point along x0,
    // every point along x1) are 7.2 px wide and 120 px tall; alone, the chart's longest arrow fills the 7.2 px.
    const lopsided = ['--fn', 'xy', '--xrange', '-10,10', '--yrange', '-0.1,0.1', '--step', '0.05', '--max-arrows', '400'];
    const dir = withManifest([{ out: 'shared.vl.json', fn: 'xy', xrange: '-10,10', yrange: '-0.1,0.1', step: 0.05, maxArrows: 400 }], { arrowScale: 'shared' });
    expect((await batch(dir)).status).toBe(0);
    expect((await cli([...lopsided, '-o', 'alone.vl.json'], { cwd: dir })).status).toBe(0);
    const [alone, shared] = [longestArrow(join(dir, 'alone.vl.json')), longestArrow(join(dir, 'shared.vl.json'))];
    // The shared scale takes the cell at the ranges' pixel scales, the chart at its padded domain's: within 1 %.
    expect(shared / alone).toBeGreaterThan(0.99);
    expect(shared / alone).toBeLessThan(1.01);
  });

  it('is the same in every shard, so a CI matrix renders what one run would', async () => {
    const charts = ['sum_sq', 'xy', 'saddle', 'sin_xy', 'monkey_saddle', 'matyas'].map((fn) => ({ out: `${fn}.vl.json`, fn }));
    const dir = withManifest(charts, { arrowScale: 'shared' });
    const whole = tempDir();
    expect((await batch(dir, ['--out-dir', whole])).status).toBe(0);
    const sharded = tempDir();
    for (const shard of ['1/2', '2/2']) expect((await batch(dir, ['--out-dir', sharded, '--shard', shard])).status).toBe(0);
    for (const { out } of charts) expect(readFileSync(join(sharded, out), 'utf8'), out).toBe(readFileSync(join(whole, out), 'utf8'));
  });
});

describe('one colour scale across a batch (arrowScale: shared)', () => {
  // The colour domains of a chart's spec: |∇f| of the arrows and f of the background.
  function domains(file: string): { mag: number[]; f: number[] } {
    const spec = JSON.parse(readFileSync(file, 'utf8'));
    const heads = spec.layer.find((l: { description?: string }) => l.description === 'heads');
    const background = spec.layer[0];
    return { mag: heads.encoding.fill.scale.domain, f: background.encoding.color.scale.domain };
  }

  it('gives |∇f| and f one legend range in every chart: the widest of them all', async () => {
    const dir = withManifest(
      [
        { out: 'sum_sq.vl.json', fn: 'sum_sq' },
        { out: 'xy.vl.json', fn: 'xy' },
      ],
      { arrowScale: 'shared', step: 0.5, range: '-2,2', color: 'magnitude', background: 'heatmap' },
    );
    expect((await batch(dir)).status).toBe(0);
    const [a, b] = [domains(join(dir, 'sum_sq.vl.json')), domains(join(dir, 'xy.vl.json'))];
    // max |∇f|: sum_sq 4√2, xy 2√2; f: sum_sq 0…8, xy −4…4.
    expect(a.mag).toEqual(b.mag);
    expect(a.mag[1]).toBeCloseTo(4 * Math.SQRT2, 6);
    expect(a.f).toEqual(b.f);
    expect(a.f[0]).toBeCloseTo(-4, 9);
    expect(a.f[1]).toBeCloseTo(8, 9);
  });
});
