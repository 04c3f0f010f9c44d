// What the build makes for speed must be usable by the Node.js that runs the tests:
// a code cache that V8 rejects, or a snapshot that does not fit, only costs time,
// so nothing else would notice.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

describe('the build', () => {
  it.each(['engine', 'mathjs'])('bundles %s with a code cache that V8 accepts', (name) => {
    const check = `
      const { readFileSync } = require('node:fs');
      const { Script } = require('node:vm');
      const file = ${JSON.stringify(join(ROOT, 'dist', 'bundles', name))};
      const script = new Script(readFileSync(file + '.cjs', 'utf8'), { filename: file + '.cjs', cachedData: readFileSync(file + '.cache') });
      console.log(JSON.stringify({ rejected: script.cachedDataRejected }));`;
    // V8 options (in NODE_OPTIONS) would rightly make V8 reject the cache: it is made without any.
    const r = spawnSync(process.execPath, ['-e', check], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ rejected: false });
  });

  it('makes a start-up snapshot that this Node.js starts from', () => {
    const blob = join(ROOT, 'dist', 'gradplot.blob');
    const r = spawnSync(process.execPath, ['--snapshot-blob', blob, '--', '--version'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
