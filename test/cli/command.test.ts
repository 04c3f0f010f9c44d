// The installed command, bin/gradplot.js, as npm links it and as scripts run it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, gradplot, tempDir } from '../helpers.js';

/** Where the stack of a failure (--debug) says the CLI's code was running from. */
function runsFrom(run: (args: string[]) => { status: number | null; stderr: string }): string {
  const r = run(['--fn', 'xy', '-o', join(tempDir(), 'missing', 'x.png'), '--debug']);
  expect(r.status).toBe(1);
  const at = r.stderr.match(/\((?:file:\/\/)?(\/[^:)]+):\d+:\d+\)/);
  expect(at, r.stderr).not.toBeNull();
  return at![1]!;
}

describe('bin/gradplot.js', () => {
  it('runs through symbolic links, relative ones too, also in a linked folder, as npm installs it', () => {
    const dir = tempDir();
    // dir/pkg -> the package; dir/real/.bin/gradplot -> ../../pkg/bin/gradplot.js; dir/linked -> dir/real/.bin
    symlinkSync(ROOT, join(dir, 'pkg'));
    mkdirSync(join(dir, 'real', '.bin'), { recursive: true });
    symlinkSync('../../pkg/bin/gradplot.js', join(dir, 'real', '.bin', 'gradplot'));
    symlinkSync(join(dir, 'real', '.bin'), join(dir, 'linked'));
    for (const link of [join(dir, 'real', '.bin', 'gradplot'), join(dir, 'linked', 'gradplot')]) {
      expect(runsFrom((args) => spawnSync(link, args, { encoding: 'utf8' }))).toMatch(/\/dist\/cli\/[^/]+\.c?js$/);
    }
  });

  it.each([['--help'], ['list'], ['schema']])('ends quietly when the reader goes away early: %s | head -1', (command) => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${BIN}" ${command} | head -1 >/dev/null`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('prints the phases of one chart with GRADPLOT_TIMINGS=1, and none of the charts of a batch', () => {
    const dir = tempDir();
    const chart = gradplot(['--fn', 'xy', '-o', join(dir, 'xy.png')], { env: { GRADPLOT_TIMINGS: '1' } });
    const phases = (stderr: string) => [...stderr.matchAll(/([a-z +]+) [\d.]+ ms/g)].map((m) => m[1]!.trim());
    expect(phases(chart.stderr)).toEqual(['start+imports', 'compute', 'import vega', 'compile', 'draw', 'render', 'write', 'total']);
    writeFileSync(join(dir, 'plots.yaml'), 'charts:\n  - { fn: xy, out: a.png }\n  - { fn: saddle, out: b.png }\n  - { fn: booth, out: c.svg }\n');
    const batch = gradplot(['batch', join(dir, 'plots.yaml'), '--jobs', '1', '--quiet'], { env: { GRADPLOT_TIMINGS: '1' } });
    expect(batch.status, batch.stderr).toBe(0);
    expect(phases(batch.stderr)).toEqual(['start+imports', 'total']);
  });

  it('exits 1 with a message when the run stops waiting for something that never comes', () => {
    const dir = tempDir();
    // Loaded first: renaming a file never finishes, so nothing is left to do while the run waits.
    writeFileSync(join(dir, 'stall.cjs'), "require('node:fs/promises').rename = () => new Promise(() => {}); require('node:module').syncBuiltinESMExports();");
    const r = spawnSync(process.execPath, ['--require', join(dir, 'stall.cjs'), BIN, '--fn', 'xy', '-o', join(dir, 'xy.csv')], { encoding: 'utf8' });
    expect(r.stderr).toBe('gradplot: the run stopped before it finished\n');
    expect(r.status).toBe(1);
  });

  it('runs with V8 options in NODE_OPTIONS', () => {
    const dir = tempDir();
    const r = gradplot(['--fn', 'xy', '-o', join(dir, 'xy.png')], { env: { NODE_OPTIONS: '--max-old-space-size=512' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });
});
