import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batch, statuses, withManifest } from './helpers.js';

// Good charts around one whose function is NaN everywhere and one whose folder is a file.
const CHARTS = [
  { out: 'a.vl.json', fn: 'xy' },
  { out: 'nan.svg', expr: 'log(-1 - x0^2)' },
  { out: 'blocked/b.vl.json', fn: 'xy' },
  { out: 'c.vl.json', fn: 'sum_sq' },
];

describe('a failing chart among good ones', () => {
  it('does not stop the others; exit 1 with the failures listed by index and out', async () => {
    const dir = withManifest(CHARTS);
    writeFileSync(join(dir, 'blocked'), 'a file where a folder should be');
    const r = await batch(dir, ['--jobs', '2']);
    expect(r.status).toBe(1);
    expect(statuses(r.summary)).toEqual({ 'a.vl.json': 'rendered', 'nan.svg': 'failed', 'blocked/b.vl.json': 'failed', 'c.vl.json': 'rendered' });
    expect([existsSync(join(dir, 'a.vl.json')), existsSync(join(dir, 'nan.svg')), existsSync(join(dir, 'c.vl.json'))]).toEqual([true, false, true]);
    expect(r.summary).toMatchObject({ total: 4, rendered: 2, skipped: 0, failed: 2, cancelled: 0, interrupted: false });
    expect(r.summary.charts[1]).toMatchObject({ index: 1, out: 'nan.svg', status: 'failed', error: expect.stringMatching(/not finite at any of the 289 grid points/) });
    expect(r.summary.charts[2].error).toMatch(/cannot create the folder of .*blocked/);
    expect(r.stderr).toMatch(/^\[\d\/4\] failed nan.svg: nothing to draw/m);
    expect(r.stderr).toMatch(/^4 charts in [\d.]+ s: 2 rendered, 0 skipped, 2 failed$/m);
    expect(r.stderr).toMatch(/gradplot: 2 of 4 charts failed:\n {2}charts\[1\] nan.svg: nothing to draw.*\n {2}charts\[2\] blocked\/b.vl.json: cannot create/);
  });

  it('with --fail-fast, starts no chart after the first failure', async () => {
    const dir = withManifest(CHARTS);
    writeFileSync(join(dir, 'blocked'), '');
    const r = await batch(dir, ['--jobs', '1', '--fail-fast']);
    expect(r.status).toBe(1);
    expect(statuses(r.summary)).toEqual({ 'a.vl.json': 'rendered', 'nan.svg': 'failed', 'blocked/b.vl.json': 'cancelled', 'c.vl.json': 'cancelled' });
    expect(r.stderr).toMatch(/2 cancelled/);
  });

  it('with --quiet, prints only the failures', async () => {
    const dir = withManifest(CHARTS.slice(0, 2));
    const r = await batch(dir, ['--quiet']);
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toEqual(['gradplot: 1 of 2 charts failed:', expect.stringMatching(/^ {2}charts\[1\] nan.svg: nothing to draw/)]);
  });
});
