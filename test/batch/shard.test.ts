import { describe, expect, it } from 'vitest';
import { parseShard } from '../../src/batch/command.js';
import { inShard } from '../../src/batch/shard.js';
import { cli } from '../helpers.js';
import { batch, withManifest } from './helpers.js';

// Fixed: a change would move charts between the shards of every CI matrix (and their caches).
const SHARDS_OF_3 = [1, 1, 2, 3, 2, 2];

describe('--shard i/n', () => {
  it('reads i/n with 1 ≤ i ≤ n', async () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/4', '5/4', '1/0', '0/0', 'a/b', '1.5/3', '-1/2', '2', '']) {
      expect(() => parseShard(bad), bad).toThrow(`expected i/n with whole numbers 1 ≤ i ≤ n (e.g. 2/4), got ${JSON.stringify(bad)}`);
    }
  });

  it('puts every chart in exactly one of n shards, for n = 1 to 5', async () => {
    const names = Array.from({ length: 60 }, (_, i) => `gallery/chart-${i}.png`);
    for (let n = 1; n <= 5; n++) {
      const shards = Array.from({ length: n }, (_, i) => names.filter((name) => inShard(name, { index: i + 1, count: n })));
      expect(shards.flat().sort(), `n = ${n}`).toEqual([...names].sort());
      // No shard is left empty or takes nearly everything.
      for (const shard of shards) expect(shard.length, `n = ${n}`).toBeGreaterThan(60 / n / 3);
    }
  });

  it('decides by the out path alone, the same in every version, so editing the manifest moves no other chart', () => {
    const names = ['gallery/xy.png', 'gallery/sum_sq.png', 'a.png', 'b.svg', 'plots/c.pdf', 'd.vl.json'];
    const shardOf = (name: string) => [1, 2, 3].find((index) => inShard(name, { index, count: 3 }));
    expect(names.map(shardOf)).toEqual(SHARDS_OF_3);
  });

  it('splits a batch across runs that together render each chart once', async () => {
    const charts = Array.from({ length: 12 }, (_, i) => ({ out: `c${i}.vl.json`, fn: 'xy', step: 1 }));
    const dir = withManifest(charts);
    const rendered: string[] = [];
    for (const i of [1, 2, 3]) {
      const { status, stderr, summary } = await batch(dir, ['--shard', `${i}/3`, '--quiet']);
      expect(status, stderr).toBe(0);
      expect(summary.shard).toBe(`${i}/3`);
      rendered.push(...summary.charts.map((c) => (c.status === 'rendered' ? c.out : `${c.out}: ${c.status}`)));
    }
    expect(rendered.sort()).toEqual(charts.map((c) => c.out).sort());
  });

  it('refuses a bad share with exit 2', async () => {
    const dir = withManifest([{ out: 'a.vl.json', fn: 'xy' }]);
    const r = await cli(['batch', 'plots.yaml', '--shard', '4/3'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--shard.*'4\/3'.*expected i\/n with whole numbers 1 ≤ i ≤ n/);
  });
});
