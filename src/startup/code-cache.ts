import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { cacheFolder } from './cache-folder.js';

/*
 * The build's CommonJS bundles (the command line itself, Vega with Vega-Lite,
 * and mathjs) run with V8's code cache for them, so a run skips parsing and
 * compiling most of their code. A code cache fits one Node.js binary and its V8
 * options, so it is made on the user's machine: the first run without a usable
 * one saves it in the per-user cache folder (cache-folder.ts) when it ends.
 * A cache that is missing, stale or refused by V8 only costs time.
 */

/** A temporary file older than this was left by a process that ended as it saved. */
const LEFT_BEHIND_MS = 60_000;

/** Bundles that ran without a usable code cache, with the file their cache belongs in. */
const unsaved = new Map<string, { script: Script; file: string }>();

/**
 * Runs bundle `name`, the file at `url`, and gives its exports; undefined when
 * it was not built (tests run from source). The bundle gets `url` as its own
 * (scripts/build.mjs puts it for `import.meta.url`).
 */
export function runBundle<T>(name: string, url: URL): T | undefined {
  const path = fileURLToPath(url);
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const folder = cacheFolder();
  const file = folder && join(folder, `${name}-${cacheKey(path)}.cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = file ? readFileSync(file) : undefined;
  } catch {
    // none yet
  }
  const script = new Script(source, { filename: path, cachedData });
  if (file && (!cachedData || script.cachedDataRejected)) unsaved.set(name, { script, file });
  const module = { exports: {} as T };
  // Each bundle is `(function (require, module, exports, url) { … })`, as scripts/build.mjs writes it.
  script.runInThisContext()(createRequire(path), module, module.exports, url.href);
  return module.exports;
}

/**
 * Saves the code cache of each bundle that ran without one, with what V8 has
 * compiled of it by now (so call it once the run's work is done), in place of
 * the caches of earlier builds at the same place. Never throws: a folder
 * that cannot be written only means no cache.
 */
export function saveCodeCaches(): void {
  for (const { script, file } of unsaved.values()) {
    try {
      const folder = dirname(file);
      mkdirSync(folder, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, file);
      // Caches of earlier builds or Node.js versions at the same place, and temporary files that a process
      // ended by a signal as it saved left behind (old enough that no process is still writing them).
      const place = basename(file).split('-').slice(0, 2).join('-');
      for (const old of readdirSync(folder)) {
        const path = join(folder, old);
        if (old.startsWith(`${place}-`) && old.endsWith('.cache') && path !== file) rmSync(path, { force: true });
        else if (old.endsWith('.tmp') && Date.now() - statSync(path).mtimeMs > LEFT_BEHIND_MS) rmSync(path, { force: true });
      }
    } catch {
      // no cache this time
    }
  }
  unsaved.clear();
}

// `<place>-<build>`: the place is the bundle's path and the V8 options in effect (another install, or
// other options, keeps a cache of its own); the build is the bundle's size and time and the Node.js binary.
function cacheKey(path: string): string {
  const { size, mtimeMs } = statSync(path);
  const place = fnv1a(path, process.execArgv.join(' '), process.env.NODE_OPTIONS ?? '').slice(0, 8);
  return `${place}-${fnv1a(size, mtimeMs, process.execPath, process.version, process.arch).slice(0, 12)}`;
}

/**
 * 64-bit FNV-1a of the parts, in hex: it names a cache file, so it needs no
 * strength against forgery, and unlike node:crypto it costs nothing to load.
 */
function fnv1a(...parts: unknown[]): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(parts.join('\0'))) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}
