import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../helpers.js';

// Reports every native addon the process loads, on stderr.
const WATCH_ADDONS = `data:text/javascript,${encodeURIComponent(
  'const open = process.dlopen; process.dlopen = function (m, file, ...rest) { process.stderr.write("addon " + file + "\\n"); return open.call(this, m, file, ...rest); };',
)}`;

function addonsOf(format: string) {
  const dir = tempDir();
  const r = spawnSync(process.execPath, ['--import', WATCH_ADDONS, BIN, '--fn', 'xy', '-o', `chart.${format}`], { cwd: dir, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return { addons: r.stderr.split('\n').filter((line) => line.startsWith('addon ')), file: readFileSync(join(dir, `chart.${format}`)) };
}

describe('the canvas addon', () => {
  it('is not loaded to draw an SVG', () => {
    const { addons, file } = addonsOf('svg');
    expect(file.toString()).toMatch(/^<svg[^>]*>/);
    expect(addons).toEqual([]);
  });

  it('is loaded to draw a PNG', () => {
    const { addons } = addonsOf('png');
    expect(addons.some((a) => a.endsWith('canvas.node'))).toBe(true);
  });
});
