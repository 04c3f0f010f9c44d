// The package as npm ships it: packed from a clean checkout, installed offline into an empty
// folder, and run from there (scripts/pack-check.mjs, which .ci/run also runs through npm test).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

describe('npm pack', () => {
  it('makes a package under 5 MB that installs and runs: the command (PNG, SVG) and the library', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'pack-check.mjs')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^pack-check: gradplot-[\d.]+\.tgz: \d+ files, [0-4]\.\d\d MB unpacked$/m);
    expect(r.stdout).toMatch(/^pack-check: ok$/m);
  }, 600_000);
});
