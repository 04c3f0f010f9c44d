import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedArrowScale } from '../../src/batch/shared-scale.js';
import { FILL } from '../../src/render/arrows.js';
import { tempDir } from '../helpers.js';
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
