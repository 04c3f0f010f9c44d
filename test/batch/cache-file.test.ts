import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FILE, OutputCache } from '../../src/batch/cache.js';
import { LIMITS } from '../../src/util/limits.js';
import { tempDir } from '../helpers.js';

// A folder with one output recorded under `key`, and its cache as `setup` leaves it.
async function cacheIn(setup: (cache: string) => void) {
  const dir = tempDir();
  const warnings: string[] = [];
  setup(join(dir, CACHE_FILE));
  writeFileSync(join(dir, 'a.csv'), 'x0,x1\n');
  const cache = new OutputCache((w) => warnings.push(w.replace(dir, '<dir>')));
  return { dir, cache, warnings };
}

describe('the cache file of a folder', () => {
  it('is ignored with a warning when it is not a regular file (a FIFO would hang the batch)', async () => {
    const { dir, cache, warnings } = await cacheIn((path) => execFileSync('mkfifo', [path]));
    expect(await cache.isFresh(join(dir, 'a.csv'), 'k')).toBe(false);
    expect(warnings).toEqual([`ignoring <dir>/${CACHE_FILE}: it is not a regular file; its charts render again`]);
    await cache.record(join(dir, 'a.csv'), 'k');
    expect(await cache.save()).toEqual([dir]);
    expect(statSync(join(dir, CACHE_FILE)).isFIFO()).toBe(true);
  });

  it('is ignored with a warning when it is larger than the limit, and rebuilt small', async () => {
    const { dir, cache, warnings } = await cacheIn((path) => {
      writeFileSync(path, '{"files": {}}');
      truncateSync(path, LIMITS.cacheBytes.max + 1);
    });
    expect(await cache.isFresh(join(dir, 'a.csv'), 'k')).toBe(false);
    expect(warnings).toEqual([
      `ignoring <dir>/${CACHE_FILE}: it is ${LIMITS.cacheBytes.max + 1} bytes, more than the limit of ${LIMITS.cacheBytes.max}; its charts render again`,
    ]);
    await cache.record(join(dir, 'a.csv'), 'k');
    expect(await cache.save()).toEqual([]);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, CACHE_FILE), 'utf8')).files)).toEqual(['a.csv']);
  });

  it('is ignored with a warning when it is not the JSON it should be, and rebuilt', async () => {
    const { dir, cache, warnings } = await cacheIn((path) => writeFileSync(path, '{"files": '));
    expect(await cache.isFresh(join(dir, 'a.csv'), 'k')).toBe(false);
    expect(warnings).toEqual([`ignoring <dir>/${CACHE_FILE}: it is not a gradplot cache file; its charts render again`]);
    await cache.record(join(dir, 'a.csv'), 'k');
    expect(await cache.save()).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, CACHE_FILE), 'utf8')).files['a.csv'].request).toBe('k');
  });

  it('never reads an output that is not a regular file', async () => {
    const { dir, cache } = await cacheIn((path) => writeFileSync(path, JSON.stringify({ files: { fifo: { request: 'k', content: 'x' } } })));
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    expect(await cache.isFresh(join(dir, 'fifo'), 'k')).toBe(false);
    await cache.record(join(dir, 'fifo'), 'k');
    expect(await cache.save()).toEqual([]);
  });
});
