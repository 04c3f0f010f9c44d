import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/** Vega and Vega-Lite's compiler. */
export type Engine = typeof import('./engine.js');

// dist/engine/ is a sibling of both dist/render/ (the library) and dist/cli/ (the CLI's chunks).
const built = (name: string) => fileURLToPath(new URL(`../engine/${name}`, import.meta.url));

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
  engine ??= existsSync(built('engine.cjs')) ? Promise.resolve(runBundle()) : import('./engine.js');
  return engine;
}

/** Makes `loadEngine` give an engine already loaded: the start-up snapshot's (src/snapshot.ts). */
export function useLoadedEngine(loaded: Engine): void {
  engine = Promise.resolve(loaded);
}

function runBundle(): Engine {
  const [bundle, cache] = [built('engine.cjs'), built('engine.cache')];
  const cachedData = existsSync(cache) ? readFileSync(cache) : undefined;
  bundled = new Script(readFileSync(bundle, 'utf8'), { filename: bundle, cachedData });
  const module = { exports: {} as Engine };
  // The bundle is `(function (require, module) { … })`, as scripts/build.mjs writes it.
  bundled.runInThisContext()(createRequire(bundle), module);
  return module.exports;
}

/** V8's code cache of the bundle as run so far: the build saves it after rendering sample charts. */
export function engineCodeCache(): Buffer | undefined {
  return bundled?.createCachedData();
}
