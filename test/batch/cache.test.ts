import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FILE } from '../../src/batch/cache.js';
import { batch, statuses, withManifest } from './helpers.js';

describe('up-to-date charts are skipped', () => {
  it('until their output or request changes, or with --force', async () => {
    const charts = [
      { out: 'a.vl.json', fn: 'xy', step: 0.5 },
      { out: 'b.vl.json', fn: 'sum_sq', step: 0.5 },
      { out: 'sub/c.vl.json', fn: 'sin_xy', step: 0.5 },
    ];
    const dir = withManifest(charts);
    const all = (status: string) => ({ 'a.vl.json': status, 'b.vl.json': status, 'sub/c.vl.json': status });

    expect(statuses((await batch(dir)).summary)).toEqual(all('rendered'));
    const records = JSON.parse(readFileSync(join(dir, CACHE_FILE), 'utf8')).files;
    expect(Object.keys(records)).toEqual(['a.vl.json', 'b.vl.json']);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'sub', CACHE_FILE), 'utf8')).files)).toEqual(['c.vl.json']);

    const mtime = statSync(join(dir, 'a.vl.json')).mtimeMs;
    const again = await batch(dir);
    expect(again.status).toBe(0);
    expect(statuses(again.summary)).toEqual(all('skipped'));
    expect(again.stderr).toMatch(/^\[1\/3\] skipped .*\(up to date\)$/m);
    expect(statSync(join(dir, 'a.vl.json')).mtimeMs).toBe(mtime);

    // An output changed by someone else, one deleted, and one chart's request changed.
    writeFileSync(join(dir, 'a.vl.json'), '{}');
    rmSync(join(dir, 'sub', 'c.vl.json'));
    writeFileSync(join(dir, 'plots.yaml'), JSON.stringify({ charts: charts.map((c, i) => (i === 1 ? { ...c, ascent: true } : c)) }));
    expect(statuses((await batch(dir)).summary)).toEqual(all('rendered'));
    expect(statuses((await batch(dir)).summary)).toEqual(all('skipped'));

    expect(statuses((await batch(dir, ['--force'])).summary)).toEqual(all('rendered'));
  });
});
