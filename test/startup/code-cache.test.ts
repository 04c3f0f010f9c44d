// V8's code caches of the command line's, Vega's and mathjs's bundles are made on the user's
// machine, in the per-user cache folder, by the first run that uses a bundle; a missing, broken or
// unwritable cache only costs time.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFolder } from '../../src/startup/cache-folder.js';
import { ROOT, gradplot, tempDir } from '../helpers.js';

// Each test runs the command a few times.
const SLOW = 180_000;

const cachesIn = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.cache')).sort();

/** Whether V8 accepts `cache` for the build's bundle `name`, in a Node.js started as the command is. */
function accepted(name: string, cache: string): boolean {
  const check = `
    const { readFileSync } = require('node:fs');
    const { Script } = require('node:vm');
    const file = ${JSON.stringify(join(ROOT, 'dist', name === 'main' ? 'cli' : 'bundles', `${name}.cjs`))};
    const script = new Script(readFileSync(file, 'utf8'), { filename: file, cachedData: readFileSync(${JSON.stringify(cache)}) });
    console.log(JSON.stringify(!script.cachedDataRejected));`;
  const r = spawnSync(process.execPath, ['-e', check], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as boolean;
}

function draw(args: string[], cache: string, out: string): Buffer {
  const r = gradplot([...args, '-o', out], { env: { GRADPLOT_CACHE_DIR: cache } });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  return readFileSync(out);
}

describe('code caches', () => {
  it('are made by the first run that loads a bundle, in the cache folder, and V8 accepts them', () => {
    const dir = tempDir();
    const cache = join(dir, 'cache', 'gradplot');
    draw(['--fn', 'xy', '--format', 'csv'], cache, join(dir, 'a.csv'));
    // Data exports load neither Vega nor mathjs: only the command line's own bundle.
    const [main] = cachesIn(cache);
    expect(cachesIn(cache)).toEqual([expect.stringMatching(/^main-[0-9a-f]{8}-[0-9a-f]{12}\.cache$/)]);
    expect(accepted('main', join(cache, main!))).toBe(true);
    draw(['--fn', 'xy'], cache, join(dir, 'a.svg'));
    const vega = cachesIn(cache)[1];
    expect(cachesIn(cache)).toEqual([main, expect.stringMatching(/^vega-[0-9a-f]{8}-[0-9a-f]{12}\.cache$/)]);
    expect(accepted('vega', join(cache, vega!))).toBe(true);
    const made = [main, vega].map((file) => statSync(join(cache, file!)).mtimeMs);
    draw(['--expr', 'x0*x1'], cache, join(dir, 'b.png'));
    expect(cachesIn(cache)).toEqual([main, expect.stringMatching(/^mathjs-/), vega]);
    expect(accepted('mathjs', join(cache, cachesIn(cache)[1]!))).toBe(true);
    // An accepted cache is used as it is, not made again.
    expect([main, vega].map((file) => statSync(join(cache, file!)).mtimeMs)).toEqual(made);
  }, SLOW);

  it('give the same bytes as no cache; a broken one is made again, and those of earlier builds and temporary files left behind removed', () => {
    const dir = tempDir();
    const cache = join(dir, 'cache');
    const chart = ['--fn', 'himmelblau', '--color', 'magnitude', '--background', 'contour', '--key'];
    const first = ['png', 'svg'].map((format) => draw(chart, cache, join(dir, `first.${format}`)));
    const vega = cachesIn(cache).find((file) => file.startsWith('vega-'));
    writeFileSync(join(cache, vega!), 'not a code cache');
    const place = vega!.slice(0, 'vega-01234567'.length);
    const [earlier, elsewhere] = [`${place}-0123456789ab.cache`, 'vega-01234567-0123456789ab.cache'];
    writeFileSync(join(cache, earlier), 'of an earlier build of this install');
    writeFileSync(join(cache, elsewhere), 'of another install');
    // Temporary files: one a process left when a signal ended it as it saved, one another process is writing now.
    const [left, writing] = [`${vega}.99999.tmp`, `${vega}.99998.tmp`];
    writeFileSync(join(cache, left), 'half a cache');
    utimesSync(join(cache, left), new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    writeFileSync(join(cache, writing), 'half a cache');
    const again = ['png', 'svg'].map((format) => draw(chart, cache, join(dir, `again.${format}`)));
    expect(again[0]!.equals(first[0]!)).toBe(true);
    expect(again[1]!.equals(first[1]!)).toBe(true);
    expect(cachesIn(cache).filter((file) => file.startsWith('vega-'))).toEqual([elsewhere, vega].sort());
    expect(readdirSync(cache).filter((file) => file.endsWith('.tmp'))).toEqual([writing]);
    expect(accepted('vega', join(cache, vega!))).toBe(true);
  }, SLOW);

  it('are skipped quietly where the cache folder cannot be written', () => {
    const dir = tempDir();
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    expect(draw(['--fn', 'xy'], join(file, 'gradplot'), join(dir, 'xy.svg')).toString()).toMatch(/^<svg/);
    expect(draw(['--fn', 'xy'], '', join(dir, 'xy.png')).subarray(1, 4).toString()).toBe('PNG');
  }, SLOW);
});

describe('cacheFolder', () => {
  // process.env changed in place: Node.js reads HOME from it for homedir().
  const withEnv = (env: Record<string, string | undefined>) => {
    const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
    const set = (values: Record<string, string | undefined>) => {
      for (const [key, value] of Object.entries(values)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    };
    set(env);
    try {
      return cacheFolder();
    } finally {
      set(saved);
    }
  };

  it('is GRADPLOT_CACHE_DIR when set, none when it is empty, else the platform cache folder', () => {
    expect(withEnv({ GRADPLOT_CACHE_DIR: '/x/y' })).toBe('/x/y');
    expect(withEnv({ GRADPLOT_CACHE_DIR: '' })).toBeUndefined();
    if (process.platform === 'linux') {
      expect(withEnv({ GRADPLOT_CACHE_DIR: undefined, XDG_CACHE_HOME: '/c' })).toBe('/c/gradplot');
      expect(withEnv({ GRADPLOT_CACHE_DIR: undefined, XDG_CACHE_HOME: undefined, HOME: '/home/u' })).toBe('/home/u/.cache/gradplot');
    }
  });
});
