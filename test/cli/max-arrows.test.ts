import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

describe('--max-arrows: a fine grid draws a readable chart', () => {
  it('thins the arrows with a one-line note on stderr', async () => {
    const dir = tempDir();
    const r = await cli(['--fn', 'xy', '--step', '0.02', '-o', 'fine.vl.json'], { cwd: dir });
    expect(r.status).toBe(0);
    // 201 × 201 points; every 5th gives 41 × 41 (every 4th would be 51 × 51 = 2,601 > 2,500).
    expect(r.stderr).toBe(
      'gradplot: note: drawing 1,681 of 40,401 grid points as arrows (every 5th point on each axis); --max-arrows 2500 sets the limit\n',
    );
    expect(JSON.parse(readFileSync(join(dir, 'fine.vl.json'), 'utf8')).data.values).toHaveLength(1681);
  });

  it('follows --max-arrows, and says nothing when every point is drawn', async () => {
    const dir = tempDir();
    const few = await cli(['--fn', 'xy', '--max-arrows', '20', '-o', 'few.vl.json'], { cwd: dir });
    expect(few.status).toBe(0);
    // 17 × 17 points; every 4th gives 5 × 5 = 25 > 20, every 5th 4 × 4 = 16, spread as 0, 5, 11, 16.
    expect(few.stderr).toBe('gradplot: note: drawing 16 of 289 grid points as arrows (4 of 17 points on each axis); --max-arrows 20 sets the limit\n');
    expect(JSON.parse(readFileSync(join(dir, 'few.vl.json'), 'utf8')).data.values).toHaveLength(16);
    const all = await cli(['--fn', 'xy', '--max-arrows', '289', '-o', 'all.vl.json'], { cwd: dir });
    expect([all.status, all.stderr]).toEqual([0, '']);
  });

  it('names the points kept on each axis when the axes are thinned apart', async () => {
    const dir = tempDir();
    const r = await cli(['--fn', 'xy', '--xrange', '-10,10', '--yrange', '-0.1,0.1', '--step', '0.05', '--max-arrows', '400', '--width', '600', '--height', '400', '-o', 'a.vl.json'], { cwd: dir });
    expect([r.status, r.stderr]).toEqual([0, 'gradplot: note: drawing 335 of 2,005 grid points as arrows (67 of 401 points along x0, all 5 points along x1); --max-arrows 400 sets the limit\n']);
  });

  it('keeps every grid point in data exports', async () => {
    const dir = tempDir();
    const r = await cli(['--fn', 'xy', '--step', '0.02', '--max-arrows', '10', '-o', 'fine.csv'], { cwd: dir });
    // The option is not silently ignored: a note says it does not change a data export.
    expect([r.status, r.stderr]).toEqual([0, 'gradplot: note: --max-arrows changes only charts (png, svg, pdf, vl.json, html), not csv output\n']);
    expect(readFileSync(join(dir, 'fine.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(1 + 201 * 201);
  });

  it('keeps the SVG of a 160,801-point grid under 1 MB, with a fine heatmap under 5 MB', async () => {
    const dir = tempDir();
    expect((await cli(['--fn', 'sin_xy', '--step', '0.01', '-o', 'plain.svg'], { cwd: dir })).status).toBe(0);
    expect((await cli(['--fn', 'sin_xy', '--step', '0.01', '--background', 'heatmap', '-o', 'heat.svg'], { cwd: dir })).status).toBe(0);
    expect(statSync(join(dir, 'plain.svg')).size).toBeLessThan(1_000_000);
    expect(statSync(join(dir, 'heat.svg')).size).toBeLessThan(5_000_000);
    // One head per drawn arrow: at most the 41 × 41 of every 10th point.
    const heads = readFileSync(join(dir, 'plain.svg'), 'utf8').match(/d="M0,0L/g) ?? [];
    expect(heads.length).toBeGreaterThan(1000);
    expect(heads.length).toBeLessThanOrEqual(41 * 41);
  });
});

describe('--max-arrows: bad values exit 2 with one line and write nothing', () => {
  for (const value of ['0', '-5', '1.5']) {
    it(value, async () => {
      const dir = tempDir();
      const r = await cli(['--fn', 'xy', '--max-arrows', value, '-o', 'out.png'], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`gradplot: --max-arrows: expected an integer greater than 0, got "${value}"\n`);
      expect(r.stdout).toBe('');
      expect(readdirSync(dir)).toEqual([]);
    });
  }
});
