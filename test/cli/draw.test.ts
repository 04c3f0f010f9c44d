import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { BIN, cli, gradplot, readReference, tempDir } from '../helpers.js';

describe('gradplot draws charts', () => {
  it('writes xy.png: a 2x PNG with grey arrows on white', async () => {
    const dir = tempDir();
    const r = await cli(['--fn', 'xy', '--range', '-2,2', '--step', '0.25', '-o', 'xy.png'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const png = PNG.sync.read(readFileSync(join(dir, 'xy.png')));
    expect(png.width).toBeGreaterThan(900);
    expect(png.height).toBeGreaterThan(900);
    let grey = 0;
    let white = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [red, green, blue] = [png.data[i], png.data[i + 1], png.data[i + 2]];
      if (red === 0x66 && green === 0x66 && blue === 0x66) grey++;
      if (red === 255 && green === 255 && blue === 255) white++;
    }
    const total = png.width * png.height;
    expect(white / total).toBeGreaterThan(0.6); // a white background, not blank or black
    expect(grey / total).toBeGreaterThan(0.01); // arrows in the book's #666666
    expect(readdirSync(dir)).toEqual(['xy.png']); // no temporary file left behind
  });

  it('--scale sets the pixel ratio of the PNG', async () => {
    const dir = tempDir();
    expect((await cli(['--fn', 'xy', '-o', 'a.png'], { cwd: dir })).status).toBe(0);
    expect((await cli(['--fn', 'xy', '--scale', '1', '-o', 'b.png'], { cwd: dir })).status).toBe(0);
    const a = PNG.sync.read(readFileSync(join(dir, 'a.png')));
    const b = PNG.sync.read(readFileSync(join(dir, 'b.png')));
    expect(a.width).toBe(2 * b.width);
    expect(a.height).toBe(2 * b.height);
  });

  it('writes an SVG with one shaft and one head per arrow, axes x0 and x1', async () => {
    const dir = tempDir();
    const r = await cli(['--fn', 'sin_xy', '-o', 'sin.svg'], { cwd: dir });
    expect(r.status).toBe(0);
    const svg = readFileSync(join(dir, 'sin.svg'), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    // The spec says which arrows are long enough for a shaft and head; the rest are dots.
    expect((await cli(['--fn', 'sin_xy', '-o', 'sin.vl.json'], { cwd: dir })).status).toBe(0);
    const arrows: { dot: boolean }[] = JSON.parse(readFileSync(join(dir, 'sin.vl.json'), 'utf8')).data.values;
    expect(arrows).toHaveLength(289);
    const drawn = arrows.filter((a) => !a.dot).length;
    expect(drawn).toBeGreaterThan(250);
    const shaftGroup = svg.match(/<g class="mark-rule role-mark layer_0_marks"[^]*?<\/g>/)![0];
    expect(shaftGroup.match(/<line /g)).toHaveLength(drawn);
    // Heads are the triangle path with its apex at the tip (rotate() is left out for 0°).
    expect(svg.match(/<path transform="translate\([^)]*\)( rotate\([^)]*\))?" d="M0,0L/g)).toHaveLength(drawn);
    expect(svg).toContain('>x0</text>');
    expect(svg).toContain('>x1</text>');
    expect(svg).toContain('f(x0, x1) = sin(x0*x1)');
    expect(svg).toContain('fill="#666666"');
  });

  it('exports CSV: columns x0,x1,f,g0,g1, grid order, ∇f not negated, exact round trip', async () => {
    const dir = tempDir();
    const r = await cli(['--fn', 'sum_sq', '--xrange', '-3,3', '--yrange', '-1,1', '--step', '0.5', '-o', 'field.csv'], { cwd: dir });
    expect(r.status).toBe(0);
    const lines = readFileSync(join(dir, 'field.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('x0,x1,f,g0,g1');
    const rows = lines.slice(1).map((l) => l.split(',').map(Number));
    expect(rows).toHaveLength(13 * 5);
    expect(rows[0].slice(0, 3)).toEqual([-3, -1, 10]);
    expect(rows[1].slice(0, 2)).toEqual([-2.5, -1]);
    expect(rows[13].slice(0, 2)).toEqual([-3, -0.5]);
    for (const [x0, x1, f, g0, g1] of rows) {
      expect(f).toBe(x0 * x0 + x1 * x1);
      expect(g0).toBeCloseTo(2 * x0, 9);
      expect(g1).toBeCloseTo(2 * x1, 9);
    }
  });

  it('CSV of the default grid reproduces the book\'s reference for all three functions', async () => {
    for (const name of ['sum_sq', 'xy', 'sin_xy']) {
      const r = await cli(['--fn', name, '-o', '-', '--format', 'csv']);
      expect(r.status).toBe(0);
      const rows = r.stdout.trimEnd().split('\n').slice(1).map((l) => l.split(',').map(Number));
      const reference = readReference(name);
      expect(rows).toHaveLength(reference.length);
      rows.forEach((row, i) => row.forEach((v, c) => expect(Math.abs(v - reference[i][c])).toBeLessThanOrEqual(1e-11)));
    }
  });

  it('exports JSON with the request and the same rows', async () => {
    const dir = tempDir();
    const r = await cli(['--fn', 'xy', '--step', '1', '-o', 'xy.json'], { cwd: dir });
    expect(r.status).toBe(0);
    const doc = JSON.parse(readFileSync(join(dir, 'xy.json'), 'utf8'));
    expect(doc.request).toMatchObject({ fn: { kind: 'builtin', name: 'xy' }, xrange: [-2, 2], yrange: [-2, 2], step: 1, h: 1e-4, method: 'central' });
    expect(doc.function).toEqual({ name: 'xy', formula: 'x0*x1' });
    expect(doc.points).toHaveLength(25);
    expect(doc.points[0]).toEqual({ x0: -2, x1: -2, f: 4, g0: expect.closeTo(-2, 9), g1: expect.closeTo(-2, 9) });
  });

  it('writes a text format to stdout with -o - --format', async () => {
    const r = await cli(['--fn', 'xy', '-o', '-', '--format', 'svg']);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('<svg')).toBe(true);
  });

  it('writes a binary format to a pipe', async () => {
    const r = await cli(['--fn', 'xy', '-o', '-', '--format', 'png']);
    expect(r.status).toBe(0);
    expect(r.stdoutBytes.subarray(1, 4).toString()).toBe('PNG');
  });

  it('stops quietly when the reader of stdout goes away early', async () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${BIN}" --fn xy --step 0.01 -o - --format json | head -c 100 >/dev/null`], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('lists the built-ins with their formulas', async () => {
    const r = await cli(['list']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^sum_sq, function_2\s+x0\^2 \+ x1\^2/m);
    expect(r.stdout).toMatch(/^xy, function_xy\s+x0\*x1/m);
    expect(r.stdout).toMatch(/^sin_xy, function_sin_xy\s+sin\(x0\*x1\)/m);
  });

  it('--help shows the options and examples; --version the version', async () => {
    const help = await cli(['--help']);
    expect(help.status).toBe(0);
    for (const flag of ['--fn', '--expr', '--range', '--xrange', '--yrange', '--step', '--h', '--method', '--ascent', '--out', '--format']) {
      expect(help.stdout).toContain(flag);
    }
    expect(help.stdout).toContain('gradplot --fn xy --range -2,2 --step 0.25 -o xy.png');
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect((await cli(['--version'])).stdout.trim()).toBe(pkg.version);
  });

  it('the command answers --version and -V before its command line loads, as the command line does', async () => {
    const full = await cli(['--version']);
    for (const flag of ['--version', '-V']) {
      const r = gradplot([flag], { env: { ...process.env, NODE_DEBUG: 'module' } });
      expect([r.status, r.stdout, r.stderr.includes('main.cjs')]).toEqual([0, full.stdout, false]);
    }
  });
});
