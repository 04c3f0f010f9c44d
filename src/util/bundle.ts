import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/*
 * The build's CommonJS bundles, dist/bundles/<name>.cjs: Vega with Vega-Lite
 * (`engine`, about 800 kB) and mathjs (`mathjs`, about 650 kB). Each runs with
 * V8's code cache for it, <name>.cache, made at build time after sample runs,
 * so a run skips parsing and compiling most of it: about 55 ms of a chart, and
 * 60 ms of an expression. A cache that V8 rejects (another Node.js) is ignored.
 */

// dist/bundles/ is a sibling of both dist/util/ (the library) and dist/cli/ (the CLI's chunks).
const built = (file: string) => fileURLToPath(new URL(`../bundles/${file}`, import.meta.url));

const scripts = new Map<string, Script>();

/** Runs bundle `name` and gives its exports; undefined without a build (tests run from source). */
export function runBundle<T>(name: string): T | undefined {
  const [file, cache] = [built(`${name}.cjs`), built(`${name}.cache`)];
  if (!existsSync(file)) return undefined;
  const cachedData = existsSync(cache) ? readFileSync(cache) : undefined;
  const script = new Script(readFileSync(file, 'utf8'), { filename: file, cachedData });
  scripts.set(name, script);
  const module = { exports: {} as T };
  // Each bundle is `(function (require, module, exports) { … })`, as scripts/build.mjs writes it.
  script.runInThisContext()(createRequire(file), module, module.exports);
  return module.exports;
}

/** V8's code cache of each bundle run so far, with what it has compiled by now: the build saves them. */
export function bundleCodeCaches(): Map<string, Buffer> {
  return new Map([...scripts].map(([name, script]) => [name, script.createCachedData()]));
}
