import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/batch/summary.js';
import { BIN, SLOW_EXPR } from '../helpers.js';
import { withManifest } from './helpers.js';

describe('an interrupted batch', () => {
  it('stops at SIGINT with exit 130, leaving only whole files and no temporary ones', async () => {
    const charts = Array.from({ length: 30 }, (_, i) => ({ out: `out/c${i}.png`, fn: 'sin_xy', step: 0.1 }));
    const dir = withManifest(charts);
    const child = spawn(BIN, ['batch', 'plots.yaml', '--jobs', '2', '--json'], { cwd: dir });
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
      // After the first chart is written, while others are in progress.
      if (!child.killed && /^\[1\/30\] rendered/m.test(stderr)) child.kill('SIGINT');
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));

    expect(status).toBe(130);
    expect(stderr).toMatch(/gradplot: SIGINT: finishing the charts in progress and starting no more/);
    expect(stderr).toMatch(/gradplot: interrupted by SIGINT; no chart was left half-written\n$/);
    const summary = JSON.parse(stdout) as Summary;
    expect(summary.interrupted).toBe(true);
    expect(summary.cancelled).toBeGreaterThan(0);
    expect(summary.rendered + summary.cancelled).toBe(30);

    const files = readdirSync(join(dir, 'out'));
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const pngs = files.filter((f) => f.endsWith('.png')).sort();
    expect(pngs).toEqual(summary.charts.filter((c) => c.status === 'rendered').map((c) => c.out.slice('out/'.length)).sort());
    for (const png of pngs) expect(() => PNG.sync.read(readFileSync(join(dir, 'out', png))), png).not.toThrow();
    // What was written is recorded, so the next run picks up where this one stopped.
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'out', '.gradplot-cache.json'), 'utf8')).files).sort()).toEqual(pngs);
  });

  // Each chart samples for minutes; the test's timeout is the bound on how long stopping may take.
  it('stops the charts in progress at a second SIGINT: exit 130, no output, no temporary file', { timeout: 30_000 }, async () => {
    const slow = [0, 1].map((i) => ({ out: `out/slow${i}.csv`, expr: SLOW_EXPR, range: [-2, 2], step: 0.002 }));
    const dir = withManifest([{ out: 'out/fast.csv', fn: 'xy', step: 1 }, ...slow]);
    const child = spawn(BIN, ['batch', 'plots.yaml', '--jobs', '2'], { cwd: dir });
    let [stderr, sent] = ['', 0];
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
      // The first SIGINT once the fast chart is written (the slow ones are then in progress), the second once the first is taken.
      const next = [/\[1\/3\] rendered out\/fast\.csv/, /finishing the charts in progress/][sent];
      if (next?.test(stderr)) {
        child.kill('SIGINT');
        sent++;
      }
    });
    const status = new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(await status).toBe(130);
    expect(stderr).toMatch(/gradplot: SIGINT: finishing the charts in progress and starting no more \(again to stop them at once\)/);
    expect(stderr).toMatch(/gradplot: interrupted by SIGINT; the charts in progress were stopped and their temporary files removed\n$/);
    expect(readdirSync(join(dir, 'out')).filter((f) => f !== '.gradplot-cache.json')).toEqual(['fast.csv']);
  });
});
