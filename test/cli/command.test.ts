// The installed command, bin/gradplot: it starts Node.js from the build's start-up
// snapshot when the snapshot fits, and otherwise runs bin/gradplot.js. Both must
// give the same files, byte for byte.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, BIN_JS, ROOT, gradplot, tempDir } from '../helpers.js';

/** Where the stack of a failure (--debug) says the CLI's code was running from. */
function runsFrom(run: (args: string[]) => { status: number | null; stderr: string }): string {
  const r = run(['--fn', 'xy', '-o', join(tempDir(), 'missing', 'x.png'), '--debug']);
  expect(r.status).toBe(1);
  const at = r.stderr.match(/\((?:file:\/\/)?(\/[^:)]+):\d+:\d+\)/);
  expect(at, r.stderr).not.toBeNull();
  return at![1]!;
}

// Node.js options of the environment the tests run in would (rightly) keep the command off the snapshot.
const plainEnv = { ...process.env, NODE_OPTIONS: '' };

describe('bin/gradplot', () => {
  it('runs from the start-up snapshot', () => {
    expect(runsFrom((args) => gradplot(args, { env: plainEnv }))).toBe(join(ROOT, 'dist', 'snapshot', 'gradplot.cjs'));
  });

  it.each([
    ['a .csv export', (missing: string) => ['-o', `${missing}/x.csv`]],
    ['a .json export', (missing: string) => [`--out=${missing}/x.json`]],
    ['a .vl.json spec', (missing: string) => ['--format', 'vl.json', '-o', `${missing}/x.spec`]],
  ])('runs bin/gradplot.js for %s, which needs neither Vega nor canvas', (_, out) => {
    const r = gradplot(['--fn', 'xy', ...out(join(tempDir(), 'missing')), '--debug'], { env: plainEnv });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/\/dist\/cli\/[\w-]+\.js:\d+/);
    expect(r.stderr).not.toMatch(/dist\/snapshot/);
  });

  it('draws the same bytes as bin/gradplot.js in every format, text measured with the real fonts', () => {
    const dir = tempDir();
    const chart = ['--fn', 'himmelblau', '--color', 'magnitude', '--background', 'contour', '--critical', '--key', '--title', 'Himmelblau ∇f'];
    for (const format of ['png', 'svg', 'pdf', 'html', 'vl.json']) {
      const [fromSnapshot, fromScript] = [join(dir, `a.${format}`), join(dir, `b.${format}`)];
      expect(gradplot([...chart, '-o', fromSnapshot]).status).toBe(0);
      expect(spawnSync(process.execPath, [BIN_JS, ...chart, '-o', fromScript]).status).toBe(0);
      expect(readFileSync(fromSnapshot).equals(readFileSync(fromScript)), format).toBe(true);
    }
  });

  it('runs through symbolic links, relative ones too, also in a linked folder, as npm installs it', () => {
    const dir = tempDir();
    // dir/pkg -> the package; dir/real/.bin/gradplot -> ../../pkg/bin/gradplot; dir/linked -> dir/real/.bin
    symlinkSync(ROOT, join(dir, 'pkg'));
    mkdirSync(join(dir, 'real', '.bin'), { recursive: true });
    symlinkSync('../../pkg/bin/gradplot', join(dir, 'real', '.bin', 'gradplot'));
    symlinkSync(join(dir, 'real', '.bin'), join(dir, 'linked'));
    for (const link of [join(dir, 'real', '.bin', 'gradplot'), join(dir, 'linked', 'gradplot')]) {
      expect(runsFrom((args) => spawnSync(link, args, { encoding: 'utf8', env: plainEnv }))).toMatch(/\/dist\/snapshot\/gradplot\.cjs$/);
    }
  });

  it('runs as `sh gradplot` from its own folder', () => {
    const r = spawnSync('sh', ['gradplot', '--version'], { cwd: join(ROOT, 'bin'), encoding: 'utf8', env: { ...plainEnv, PATH: '/usr/bin:/bin' } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
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

  it('runs bin/gradplot.js when NODE_OPTIONS is set (V8 options would not fit the snapshot)', () => {
    const env = { NODE_OPTIONS: '--max-old-space-size=512' };
    expect(runsFrom((args) => gradplot(args, { env }))).toMatch(/\/dist\/cli\/[^/]+\.js$/);
    const dir = tempDir();
    expect(gradplot(['--fn', 'xy', '-o', join(dir, 'xy.png')], { env }).status).toBe(0);
  });

  it.each([
    ['was built by another Node.js', '/nonexistent/node\n'],
    ['has no record of the Node.js that built it', undefined],
  ])('runs bin/gradplot.js when the snapshot %s', (_, record) => {
    // A copy of the package whose snapshot does not fit.
    const copy = tempDir();
    for (const part of ['bin', 'dist', 'fonts']) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    const recorded = join(copy, 'dist', 'gradplot.blob.node');
    if (record === undefined) rmSync(recorded);
    else writeFileSync(recorded, record);
    const bin = join(copy, 'bin', 'gradplot');
    expect(runsFrom((args) => spawnSync(bin, args, { encoding: 'utf8' }))).toMatch(/\/dist\/cli\/[^/]+\.js$/);
    const out = join(copy, 'out');
    mkdirSync(out);
    const r = spawnSync(bin, ['--fn', 'xy', '-o', join(out, 'xy.png')], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });
});
