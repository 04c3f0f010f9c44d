import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradplot, tempDir } from './helpers.js';

// The state the page starts from, as the page holds it.
function startState(html: string): Record<string, unknown> {
  return JSON.parse(/<script type="application\/json" id="gradplot-start">(.*?)<\/script>/s.exec(html)![1]);
}

describe('gradplot explore', () => {
  it('writes explorer.html by default, starting from sum_sq in the theme given', () => {
    const dir = tempDir();
    const r = gradplot(['explore', '--theme', 'dark'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const html = readFileSync(join(dir, 'explorer.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<body class="dark">');
    expect(startState(html)).toEqual({ fn: 'sum_sq', theme: 'dark' });
  });

  it('writes the page to stdout for -o -', () => {
    const r = gradplot(['explore', '-o', '-']);
    expect(r.status).toBe(0);
    expect(startState(r.stdout)).toEqual({ fn: 'sum_sq' });
  });

  it('refuses a file that is no .html, and a bad theme: exit 2, one line, nothing written', () => {
    const dir = tempDir();
    const png = gradplot(['explore', '-o', 'page.png'], { cwd: dir });
    expect(png.status).toBe(2);
    expect(png.stderr).toBe('gradplot: --out: "page.png" is no .html file; the explorer is an HTML page (e.g. explorer.html), or - for stdout\n');
    const theme = gradplot(['explore', '--theme', 'blue'], { cwd: dir });
    expect(theme.status).toBe(2);
    expect(theme.stderr).toBe('gradplot: --theme: expected one of light, dark, got "blue"\n');
    expect(existsSync(join(dir, 'page.png')) || existsSync(join(dir, 'explorer.html'))).toBe(false);
  });
});

describe('--format explorer', () => {
  it('writes the page starting from the chart\'s options', () => {
    const dir = tempDir();
    const r = gradplot(['--expr', 'sin(x0*x1)', '--range', '-3,3', '--critical', '--descent', 'adam:0.3', '--start', '1,2', '--format', 'explorer', '-o', 'sin.html'], { cwd: dir });
    expect(r.status).toBe(0);
    const state = startState(readFileSync(join(dir, 'sin.html'), 'utf8'));
    expect(state).toEqual({ expr: 'sin(x0*x1)', xrange: '-3,3', yrange: '-3,3', critical: true, descent: 'adam:0.3', start: ['1,2'] });
  });

  it('refuses a bad expression as a chart does, keeping a good file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'p.html'), 'good');
    const r = gradplot(['--expr', 'sinn(x0)', '--format', 'explorer', '-o', 'p.html'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('gradplot: --expr: unknown function "sinn" at column 1 (did you mean "sin"?)');
    expect(readFileSync(join(dir, 'p.html'), 'utf8')).toBe('good');
  });

  it('is named by --format only: no file extension means it', () => {
    const r = gradplot(['--fn', 'xy', '-o', 'xy.explorer'], { cwd: tempDir() });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('gradplot: --out: unknown extension in "xy.explorer"; expected .png .svg .pdf .vl.json .html .csv .json or --format\n');
  });
});
