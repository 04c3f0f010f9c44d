// Importing the library loads neither the command line's parser (commander) nor Vega, Vega-Lite,
// mathjs or canvas: each loads when something first needs it.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';

// Loaded before the library: every way to reach those packages (import, require, the build's
// bundles of Vega and mathjs) throws "blocked: <what>".
const BLOCK = `
const Module = require('node:module');
const fs = require('node:fs');
const blocked = /^(commander|canvas|mathjs|vega(-[a-z-]+)?)(\\/|$)|[\\\\/]dist[\\\\/]bundles[\\\\/]/;
Module.register('data:text/javascript,' + encodeURIComponent(
  'export async function resolve(s, c, next) { if (' + blocked + '.test(s)) throw new Error("blocked: " + s); return next(s, c); }'));
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (blocked.test(request)) throw new Error('blocked: ' + request);
  return resolveFilename.call(this, request, ...rest);
};
const readFileSync = fs.readFileSync;
fs.readFileSync = function (path, ...rest) {
  if (blocked.test(String(path))) throw new Error('blocked: ' + path);
  return readFileSync.call(this, path, ...rest);
};
Module.syncBuiltinESMExports();
`;

/** Runs `body` after `import * as lib from 'gradplot'` (the build) with those packages blocked. */
function withBlocked(body: string): { status: number | null; stdout: string; stderr: string } {
  const dir = tempDir();
  writeFileSync(join(dir, 'block.cjs'), BLOCK);
  writeFileSync(join(dir, 'use.mjs'), `const lib = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'index.js')).href)});\n${body}`);
  const r = spawnSync(process.execPath, ['--require', join(dir, 'block.cjs'), join(dir, 'use.mjs')], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('import of the library', () => {
  it('loads neither commander nor Vega, Vega-Lite, mathjs or canvas, and computes fields without them', () => {
    const r = withBlocked(`
      const { field, spec } = await lib.gradientField({ fn: 'xy', step: 1 });
      console.log(JSON.stringify({ g: Array.from(field.gradient.data.subarray(0, 2), (g) => +g.toFixed(6)), marks: spec.layer.length > 0 }));`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ g: [-2, -2], marks: true });
  });

  it.each([
    ['rendering loads Vega', `const { spec } = await lib.gradientField({ fn: 'xy' }); await lib.render(spec, 'svg');`],
    ['an expression loads mathjs', `await lib.gradientField({ expr: 'x0*x1' });`],
  ])('blocks what it should (%s), so the test above can fail', (_, body) => {
    const r = withBlocked(body);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/blocked: /);
  });
});
