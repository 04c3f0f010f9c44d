import { createRequire } from 'node:module';
import { runBundle } from './code-cache.js';

export { saveCodeCaches } from './code-cache.js';

/** The large libraries gradplot loads on first use, by name. */
export interface Libraries {
  /** Vega, and Vega-Lite's compiler. */
  vega: typeof import('./vega.js');
  /**
   * mathjs's single-file build: the same code as the package's thousand ES
   * modules, in one file that require() reads and compiles at once, without
   * resolving a thousand imports. Typed as `mathjs`.
   */
  mathjs: typeof import('mathjs');
}

// Without the build's bundles (tests run from source), the libraries' own files.
const unbundled: { [K in keyof Libraries]: () => Promise<Libraries[K]> } = {
  vega: () => import('./vega.js'),
  mathjs: async () => createRequire(import.meta.url)('mathjs/lib/browser/math.js') as Libraries['mathjs'],
};

const loaded = new Map<keyof Libraries, Promise<unknown>>();

/**
 * Loads library `name` once, on first use: from the build's bundle (dist/bundles/,
 * a sibling of dist/startup/ and dist/cli/) with V8's
 * code cache (code-cache.ts) when there is one, else from its package.
 */
export function load<K extends keyof Libraries>(name: K): Promise<Libraries[K]> {
  let library = loaded.get(name);
  if (!library) {
    library = Promise.resolve().then(() => runBundle<Libraries[K]>(name, new URL(`../bundles/${name}.cjs`, import.meta.url)) ?? unbundled[name]());
    loaded.set(name, library);
  }
  return library as Promise<Libraries[K]>;
}
