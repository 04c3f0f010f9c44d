import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

const csvRows = (text: string) => text.trimEnd().split('\n').slice(1).map((l) => l.split(','));

describe('--expr through the real binary', () => {
  it('runs expressions (with x, y) and built-ins to png, svg and csv', async () => {
    const dir = tempDir();
    const commands = [
      ['--expr', 'x0^2/20 + x1^2', '-o', 'ch06.png'],
      ['--expr', 'sin(x)*cos(y)', '--range', '-3,3', '-o', 'sc.svg'],
      ['--fn', 'rosenbrock', '--xrange', '-2,2', '--yrange', '-1,3', '-o', 'r.png'],
      ['--fn', 'himmelblau', '--method', 'five-point', '-o', 'h.csv'],
    ];
    for (const args of commands) {
      const r = await cli(args, { cwd: dir });
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.status).toBe(0);
    }
    expect(readdirSync(dir).sort()).toEqual(['ch06.png', 'h.csv', 'r.png', 'sc.svg']);
  });

  it('gives exactly the built-in\'s data for the same formula (x, y are x0, x1)', async () => {
    for (const [fn, expr] of [['xy', 'x*y'], ['sin_xy', 'sin(x0*x1)'], ['sum_sq', 'x0^2 + x1^2']]) {
      const a = await cli(['--fn', fn, '-o', '-', '--format', 'csv']);
      const b = await cli(['--expr', expr, '-o', '-', '--format', 'csv']);
      expect(b.status).toBe(0);
      if (fn === 'sum_sq') {
        // x0^2 is Math.pow, x0*x0 in the built-in: same values to the last bit or one ulp.
        csvRows(a.stdout).forEach((row, i) => row.forEach((v, c) => expect(Math.abs(+v - +csvRows(b.stdout)[i][c])).toBeLessThanOrEqual(1e-11)));
      } else expect(b.stdout).toBe(a.stdout);
    }
  });

  it('--method analytic gives the symbolic gradient exactly', async () => {
    const r = await cli(['--expr', 'x0*x1 + x0^3', '--method', 'analytic', '-o', '-', '--format', 'csv']);
    expect(r.status).toBe(0);
    for (const [x0, x1, , g0, g1] of csvRows(r.stdout).map((row) => row.map(Number))) {
      expect(g0).toBe(x1 + 3 * x0 * x0);
      expect(g1).toBe(x0);
    }
  });

  it('--check prints the largest absolute and relative error and where, on stdout without -o', async () => {
    const r = await cli(['--expr', '(1-x0)^2 + 100*(x1-x0^2)^2', '--check']);
    expect(r.status).toBe(0);
    // Central differences of a quartic: error h²·f‴/6 = 1e-8 · 2400·x0 / 6 · … is largest at the corner.
    expect(r.stdout).toMatch(/^check \(central, h = 0.0001\): largest \|Δ∇f\| = 8\.0\d\de-6 at \(-2, -2\), largest relative = \d\.\d{3}e-\d+ at \([-\d.]+, [-\d.]+\)\n$/);
    const analytic = await cli(['--expr', '(1-x0)^2 + 100*(x1-x0^2)^2', '--check', '--method', 'analytic']);
    expect(analytic.stdout).toMatch(/largest \|Δ∇f\| = 0\.000e\+0 /);
  });

  it('--check with an output writes the file and reports on stderr', async () => {
    const dir = tempDir();
    const r = await cli(['--fn', 'himmelblau', '--method', 'five-point', '--check', '-o', 'h.csv'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^check \(five-point, h = 0.0001\): largest \|Δ∇f\| = \d\.\d{3}e-\d+/);
    expect(existsSync(join(dir, 'h.csv'))).toBe(true);
  });

  it('leaves out points that are not finite, with a one-line warning, and keeps them as empty cells or null', async () => {
    const dir = tempDir();
    const png = await cli(['--expr', 'log(x0)', '-o', 'log.png'], { cwd: dir });
    expect(png.status).toBe(0);
    // x0 ≤ 0 on 9 of 17 columns (log(0) is −∞): 153 of 289 points.
    expect(png.stderr).toBe('gradplot: warning: 153 of 289 points have no finite f or gradient and are left out of the chart\n');
    const csv = await cli(['--expr', 'log(x0)', '-o', '-', '--format', 'csv']);
    const rows = csvRows(csv.stdout);
    expect(rows[0]).toEqual(['-2', '-2', '', '', '']);
    expect(rows[16][2]).toBe(String(Math.log(2)));
    const json = JSON.parse((await cli(['--expr', 'log(x0)', '-o', '-', '--format', 'json'])).stdout);
    expect(json.points[0]).toEqual({ x0: -2, x1: -2, f: null, g0: null, g1: null });
  });
});

// argv, the message, and the column the caret points at.
const BAD: [string, string, RegExp, number][] = [
  ['syntax error', 'sin(x0', /--expr: .*at column 7/, 7],
  ['unknown variable', 'x0 + z', /unknown variable "z" at column 6; use x0, x1 \(or x, y\), pi, e/, 6],
  ['unknown function', 'sinn(x0)', /unknown function "sinn" at column 1 \(did you mean "sin"\?\)/, 1],
  ['wrong argument count', 'x0 + atan2(x1)', /atan2 expects 2 arguments, got 1 at column 6/, 6],
  ['assignment', 'x0 = 1', /assignment is not allowed/, 4],
  ['function definition', 'f(x) = x^2', /defining functions is not allowed/, 6],
  ['string', '"abc"', /strings are not allowed/, 1],
  ['matrix', '[1, 2]', /matrices are not allowed/, 1],
  ['property access', 'x0.y', /property access is not allowed/, 3],
  ['mathjs evaluate', 'evaluate("1+1")', /unknown function "evaluate"/, 1],
  ['mathjs parse', 'parse("1")', /unknown function "parse"/, 1],
  ['mathjs import', 'import({})', /unknown function "import"|not allowed/, 1],
  ['mathjs createUnit', 'createUnit("foo")', /unknown function "createUnit"/, 1],
  ['require', 'require("fs")', /unknown function "require"/, 1],
];

describe('bad expressions: exit 2, the message, and a caret under the place', () => {
  for (const [name, expr, message, column] of BAD) {
    it(name, async () => {
      const dir = tempDir();
      const r = await cli(['--expr', expr, '-o', 'out.png'], { cwd: dir });
      expect(r.status).toBe(2);
      const [line, shown, caret, ...rest] = r.stderr.split('\n');
      expect(line).toMatch(/^gradplot: --expr: /);
      expect(line).toMatch(message);
      expect(shown).toBe(`  ${expr}`);
      if (name !== 'mathjs import') expect(caret.indexOf('^') - 2 + 1).toBe(column);
      expect(rest).toEqual(['']);
      expect(readdirSync(dir)).toEqual([]);
    });
  }

  it('runs nothing from an expression', async () => {
    const dir = tempDir();
    for (const expr of [
      'constructor.constructor("return process")()',
      'require("fs").writeFileSync("pwned", "x")',
      'x0.constructor.constructor("require(\'fs\').writeFileSync(\'pwned\',\'x\')")()',
      'import("fs")',
    ]) {
      const r = await cli(['--expr', expr, '-o', 'out.csv'], { cwd: dir });
      expect(r.status, expr).toBe(2);
      expect(r.stderr).toMatch(/^gradplot: --expr: /);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('caps the length of an expression', async () => {
    const r = await cli(['--expr', 'x0+'.repeat(400) + 'x1', '-o', '-', '--format', 'csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^gradplot: --expr: expression is 1202 characters long; the limit is 1000/);
  });

  it('an empty expression', async () => {
    const r = await cli(['--expr', ' ', '-o', 'x.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^gradplot: --expr: expression is empty/);
  });
});
