import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, gradplot, tempDir } from '../helpers.js';

describe('failures that end in one line', () => {
  it('stdout on a full device: one line, exit 1', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(BIN, ['--fn', 'xy', '--format', 'csv', '-o', '-'], { stdio: ['ignore', full, 'pipe'] });
      expect(r.stderr.toString()).toBe('gradplot: cannot write to stdout: ENOSPC: no space left on device, write\n');
      expect(r.status).toBe(1);
    } finally {
      closeSync(full);
    }
  });

  it('a manifest of nested aliases (billion laughs): exit 2, naming the file', () => {
    const dir = tempDir();
    const rows = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (const [prev, name] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f']]) rows.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    writeFileSync(join(dir, 'lol.yaml'), [...rows, 'charts: [*f]'].join('\n') + '\n');
    const r = gradplot(['batch', 'lol.yaml'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('gradplot: lol.yaml: 1 problem; nothing was rendered\nlol.yaml: manifest: Excessive alias count indicates a resource exhaustion attack\n');
    expect(readdirSync(dir)).toEqual(['lol.yaml']);
  });

  it('manifest keys named like Object properties are unknown keys', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'keys.yaml'), 'charts:\n  - {out: a.svg, fn: xy, constructor: 1}\n  - {out: b.svg, fn: xy, toString: 1}\n  - {out: c.svg, fn: xy, __proto__: {x: 1}}\n');
    const r = gradplot(['batch', 'keys.yaml'], { cwd: dir });
    expect(r.status).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.slice(1).map((l) => l.replace(/; expected one of .*/, ''))).toEqual([
      'keys.yaml:2:26: charts[0].constructor: unknown key',
      'keys.yaml:3:26: charts[1].toString: unknown key',
      'keys.yaml:4:26: charts[2].__proto__: unknown key',
    ]);
  });

  it('an expression over the length limit is not echoed whole', () => {
    const r = gradplot(['--expr', 'x0+'.repeat(30_000) + 'x1', '-o', 'out.png'], { cwd: tempDir() });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^gradplot: --expr: expression is 90002 characters long; the limit is 1000\n/);
    expect(r.stderr.length).toBeLessThan(400);
    const [, text, caret] = r.stderr.trimEnd().split('\n');
    // The caret stands under column 1001 of the expression as shown.
    expect(text.startsWith('  …') && text.endsWith('…')).toBe(true);
    expect(caret.length).toBeLessThanOrEqual(text.length);
  });

  it('data that is not finite anywhere is written with a warning', () => {
    const dir = tempDir();
    const r = gradplot(['--expr', '1e308*10 + x0', '--step', '1', '-o', 'f.csv'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('gradplot: warning: f or ∇f is not finite at 25 of 25 grid points; their cells are empty\n');
    expect(readFileSync(join(dir, 'f.csv'), 'utf8').split('\n')[1]).toBe('-2,-2,,,');
  });
});
