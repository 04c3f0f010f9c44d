import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli, tempDir } from '../helpers.js';

// Each case: argv, and what the one-line message must say (the option, the value, what is accepted).
const BAD_INPUT: [string, string[], RegExp][] = [
  ['unknown --fn, with a suggestion', ['--fn', 'xz'], /--fn: unknown function "xz"; did you mean "xy"\? expected one of sum_sq/],
  ['reversed range', ['--fn', 'xy', '--range', '2,-2'], /^gradplot: --range: expected min,max with min < max \(e\.g\. -2,2\), got "2,-2"$/m],
  ['range with one number', ['--fn', 'xy', '--range', '1'], /^gradplot: --range: expected min,max with min < max \(e\.g\. -2,2\), got "1"$/m],
  ['range that is not numbers', ['--fn', 'xy', '--range', 'a,b'], /^gradplot: --range: expected min,max with min < max \(e\.g\. -2,2\), got "a,b"$/m],
  ['zero step', ['--fn', 'xy', '--step', '0'], /^gradplot: --step: expected a number greater than 0, got "0"$/m],
  ['negative step', ['--fn', 'xy', '--step', '-1'], /^gradplot: --step: expected a number greater than 0, got "-1"$/m],
  ['zero h', ['--fn', 'xy', '--h', '0'], /^gradplot: --h: expected a number greater than 0, got "0"$/m],
  ['unknown method', ['--fn', 'xy', '--method', 'euler'], /^gradplot: --method: expected one of central, forward, five-point, analytic, got "euler"$/m],
  ['grid over the point limit', ['--fn', 'xy', '--step', '0.0001'], /--step: 0.0001 makes a grid of 40001 × 40001 = 1,600,080,001 points; the limit is 10,000,000/],
  ['step wider than the range', ['--fn', 'xy', '--step', '5'], /--step: 5 leaves fewer than 2 grid points on an axis; expected at most 4/],
  ['unknown option', ['--fn', 'xy', '--colour', 'red'], /unknown option '--colour'.*gradplot --help/],
  ['no function', [], /no function given: use --fn NAME .* or --expr/],
  ['both --fn and --expr', ['--fn', 'xy', '--expr', 'x0'], /--expr: cannot be used with --fn/],
];

describe('bad input: exit 2, one line on stderr, nothing written', () => {
  for (const [name, args, message] of BAD_INPUT) {
    it(name, async () => {
      const dir = tempDir();
      const r = await cli([...args, '-o', 'out.png'], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^gradplot: /);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
      expect(readdirSync(dir)).toEqual([]);
    });
  }

  it('an unknown output extension', async () => {
    const dir = tempDir();
    const r = await cli(['--fn', 'xy', '-o', 'chart.gif'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('gradplot: --out: unknown extension in "chart.gif"; expected .png .svg .pdf .vl.json .html .csv .json or --format\n');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('-o - without --format', async () => {
    const r = await cli(['--fn', 'xy', '-o', '-']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('gradplot: --format: needed with --out - (stdout); expected one of png, svg, pdf, vl.json, html, csv, json, explorer\n');
    expect(r.stdout).toBe('');
  });

  it('no output at all', async () => {
    const r = await cli(['--fn', 'xy']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^gradplot: --out: missing/);
  });

  it('a binary format to a terminal', async () => {
    // A pseudo-terminal on stdout, as when a user forgets the redirection.
    const r = spawnSync('script', ['-qec', `${BIN} --fn xy -o - --format png`, '/dev/null'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('gradplot: --format: png is binary and stdout is a terminal');
    expect(r.stdout).not.toContain('PNG');
  });

  it('leaves an existing file intact', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.png'), 'previous chart');
    const r = await cli(['--fn', 'xy', '--step', '0', '-o', 'good.png'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(readFileSync(join(dir, 'good.png'), 'utf8')).toBe('previous chart');
  });
});

describe('failures while working: exit 1', () => {
  it('a folder that does not exist', async () => {
    const dir = tempDir();
    const r = await cli(['--fn', 'xy', '-o', 'missing/xy.png'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^gradplot: cannot write missing\/xy.png: ENOENT/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a path whose folder is a file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'x');
    const r = await cli(['--fn', 'xy', '-o', 'file/xy.svg'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^gradplot: cannot write file\/xy.svg: ENOTDIR/);
  });

  it('--debug adds the stack trace', async () => {
    const r = await cli(['--fn', 'xy', '-o', '/nonexistent-dir/xy.png', '--debug']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});
