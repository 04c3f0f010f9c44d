// The command line's structure: subcommands own their options, unknown commands get a
// suggestion, and no mistyped line prints help and exits 0.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

/** A folder with plots.yaml of two small charts. */
function manifestDir(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'plots.yaml'), 'charts:\n  - {out: a.vl.json, fn: xy, step: 1}\n  - {out: b.vl.json, fn: sum_sq, step: 1}\n');
  return dir;
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

// In-process runs draw on the main thread alone.
const batch = (dir: string, ...args: string[]) => cli(['batch', 'plots.yaml', '--jobs', '1', '--quiet', ...args], { cwd: dir });

describe('subcommands own their options', () => {
  it('a main-command option after list is an error, not ignored', async () => {
    const r = await cli(['list', '--fn', 'xy']);
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe("gradplot: unknown option '--fn' (see gradplot --help)\n");
  });

  it.each([[['batch', '--help']], [['help', 'batch']]])('%j shows the chart options the batch line takes', async (args) => {
    const r = await cli(args);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Chart options, for every chart (above the manifest's own values):");
    expect(r.stdout).toMatch(/\n {2}--theme <name> +/);
    expect(r.stdout).toMatch(/\n {2}--arrow-scale <number\|shared> +/);
    expect(r.stdout).not.toMatch(/\n {2}--format /);
  });

  it('schema -o writes the file', async () => {
    const dir = tempDir();
    const r = await cli(['schema', '-o', 'x.json'], { cwd: dir });
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(JSON.parse(readFileSync(join(dir, 'x.json'), 'utf8')).$schema).toMatch(/json-schema.org/);
  });

  it('batch --arrow-scale shared gives every chart one scale: the one of the steepest chart', async () => {
    const dir = manifestDir();
    expect((await batch(dir)).status).toBe(0);
    const [a, b] = [read(dir, 'a.vl.json'), read(dir, 'b.vl.json')];
    const r = await batch(dir, '--arrow-scale', 'shared');
    expect([r.status, r.stderr]).toEqual([0, '']);
    // |∇f| of sum_sq reaches twice that of xy: its automatic scale is the shared one, and xy's arrows halve.
    expect(read(dir, 'b.vl.json')).toBe(b);
    expect(read(dir, 'a.vl.json')).not.toBe(a);
  });

  it('batch --arrow-scale <number> changes the charts; an up-to-date chart is drawn again', async () => {
    const dir = manifestDir();
    expect((await batch(dir)).status).toBe(0);
    const before = read(dir, 'a.vl.json');
    expect((await batch(dir, '--arrow-scale', '0.05')).status).toBe(0);
    expect(read(dir, 'a.vl.json')).not.toBe(before);
  });

  it('batch --theme dark and --step, without --force, redraw every chart above the manifest\'s own values', async () => {
    const dir = manifestDir();
    expect((await batch(dir)).status).toBe(0);
    expect(read(dir, 'a.vl.json')).not.toContain('#b4b4b4');
    const dark = await batch(dir, '--theme', 'dark', '--json');
    expect(dark.status).toBe(0);
    expect(JSON.parse(dark.stdout).rendered).toBe(2);
    expect(read(dir, 'a.vl.json')).toContain('#b4b4b4');
    // The chart's own step is 1 (5 × 5 arrows); the batch line's 0.5 wins (9 × 9).
    expect(JSON.parse(read(dir, 'a.vl.json')).data.values).toHaveLength(25);
    const fine = await batch(dir, '--step', '0.5', '--json');
    expect(JSON.parse(fine.stdout).rendered).toBe(2);
    expect(JSON.parse(read(dir, 'a.vl.json')).data.values).toHaveLength(81);
  });

  it('batch refuses a bad chart option on its line with the words of the other doors', async () => {
    const r = await batch(manifestDir(), '--theme', 'Dark');
    expect([r.status, r.stderr]).toEqual([2, 'gradplot: --theme: expected one of light, dark, got "Dark"\n']);
    const scale = await batch(manifestDir(), '--arrow-scale', 'big');
    expect(scale.stderr).toBe('gradplot: --arrow-scale: expected a number greater than 0, got "big", or shared\n');
  });

  it('batch takes no --out or --format: each chart has its own', async () => {
    const r = await batch(manifestDir(), '--format', 'png');
    expect([r.status, r.stderr]).toEqual([2, "gradplot: unknown option '--format' (Did you mean --force?) (see gradplot --help)\n"]);
  });
});

describe('commands and help', () => {
  it('an unknown command gets a suggestion', async () => {
    const r = await cli(['lst']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^gradplot: unknown command 'lst' \(did you mean 'list'\?\)/);
  });

  it('help with an unknown command gets the same suggestion', async () => {
    const r = await cli(['help', 'lst']);
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^gradplot: unknown command 'lst' \(did you mean 'list'\?\)/);
  });

  it('help <command> shows that command\'s help', async () => {
    const r = await cli(['help', 'batch']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: gradplot batch \[options\] <manifest>/);
    expect(r.stdout).toContain('--arrow-scale <number|shared>');
  });

  it('no arguments: the usage on stderr, exit 2', async () => {
    const r = await cli([]);
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^Usage: gradplot /);
  });

  it('-h followed by a value is an error that points at --h, and writes nothing', async () => {
    const dir = tempDir();
    const r = await cli(['--fn', 'xy', '-h', '1e-3', '-o', 'f.png'], { cwd: dir });
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', 'gradplot: -h is --help, not the difference step; write --h 1e-3\n']);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('notes and warnings', () => {
  it('a chart option with a data export gets a note', async () => {
    const dir = tempDir();
    const r = await cli(['--fn', 'xy', '--theme', 'dark', '--scale', '3', '-o', 'f.csv'], { cwd: dir });
    expect([r.status, r.stderr]).toEqual([
      0,
      'gradplot: note: --theme changes only charts (png, svg, pdf, vl.json, html), not csv output\n' +
        'gradplot: note: --scale changes only png output, not csv\n',
    ]);
  });

  it('in a batch, a chart\'s own option that changes nothing in its output, and a batch-line option that changes no chart', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plots.yaml'), 'charts:\n  - {out: a.csv, fn: xy, step: 1, theme: dark}\n  - {out: b.csv, fn: xy, step: 1}\n');
    const r = await batch(dir, '--scale', '3');
    expect([r.status, r.stderr]).toEqual([
      0,
      'gradplot: note: charts[0].theme changes only charts (png, svg, pdf, vl.json, html), not csv output\n' +
        "gradplot: note: --scale changes none of this manifest's charts: it changes only png output, not csv\n",
    ]);
  });

  it('a difference step lost to rounding warns, naming the point', async () => {
    const r = await cli(['--fn', 'xy', '--h', '1e-20', '-o', '-', '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      'gradplot: warning: --h 1e-20 is too small for this grid: at x0 = -2, (x + h) − x is 0, not 1e-20; the gradient is mostly rounding ' +
        '(--check compares it with the exact one): use a larger --h, such as 1e-4\n',
    );
    const fine = await cli(['--fn', 'xy', '--h', '1e-6', '-o', '-', '--format', 'csv']);
    expect(fine.stderr).toBe('');
  });

  it('a missing folder is named as the user wrote it', async () => {
    const dir = tempDir();
    const r = await cli(['--fn', 'xy', '-o', 'nodir/sub/x.png'], { cwd: dir });
    expect([r.status, r.stderr]).toEqual([1, 'gradplot: cannot write nodir/sub/x.png: ENOENT: the folder nodir/sub does not exist (gradplot creates no folders)\n']);
    expect(readdirSync(dir)).toEqual([]);
  });
});
