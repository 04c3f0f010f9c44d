import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/** Vega and Vega-Lite's compiler. */
export type Engine = typeof import('./engine.js');

// dist/engine/ is a sibling of both dist/render/ (the library) and dist/cli/ (the CLI's chunks).
const BUNDLE = fileURLToPath(new URL('../engine/engine.cjs', import.meta.url));
const CACHE = fileURLToPath(new URL('../engine/engine.cache', import.meta.url));

let engine: Promise<Engine> | undefined;
let bundled: Script | undefined;

/**
 * Loads Vega and Vega-Lite once. The build puts them in one CommonJS bundle,
 * with V8's code cache for it made at build time, so a run skips parsing and
 * compiling most of ~800 kB of JavaScript (about 55 ms of a 300 ms chart). A
 * cache that V8 rejects (another Node.js) is ignored; without the bundle (tests
 * run from source) the ES modules are imported as usual.
 */
export function loadEngine(): Promise<Engine> {
  engine ??= existsSync(BUNDLE) ? Promise.resolve(runBundle()) : import('./engine.js');
  return engine;
}

function runBundle(): Engine {
  const cachedData = existsSync(CACHE) ? readFileSync(CACHE) : undefined;
  bundled = new Script(readFileSync(BUNDLE, 'utf8'), { filename: BUNDLE, cachedData });
  const module = { exports: {} as Engine };
  // The bundle is `(function (require, module) { … })`, as scripts/build.mjs writes it.
  bundled.runInThisContext()(createRequire(BUNDLE), module);
  return module.exports;
}

/** V8's code cache of the bundle as run so far: the build saves it after rendering sample charts. */
export function engineCodeCache(): Buffer | undefined {
  return bundled?.createCachedData();
}
