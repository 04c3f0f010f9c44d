import { createRequire } from 'node:module';
import { runBundle } from '../util/bundle.js';

// mathjs's single-file build (in its package exports, same code): it loads and
// parses its first expression in ~115 ms when required (a UMD file, so require()
// skips the ES module loader: ~240 ms through import()), against ~450 ms for
// `mathjs/number` and ~700 ms for `mathjs`, which are a thousand ES modules each.
// The build bundles it with V8's code cache (util/bundle.ts), which takes off ~60 ms more.
// It ships no type declarations; it is typed as `mathjs`.
const BUNDLE = 'mathjs/lib/browser/math.js';

/** What mathjs.ts makes its instance from. The explorer page's bundle uses mathjs-module.browser.ts instead. */
export type MathjsModule = Pick<typeof import('mathjs'), 'create' | 'parseDependencies' | 'derivativeDependencies'>;

/** mathjs in Node.js: the build's bundle of it, or else its single-file build from node_modules. */
export function mathjsModule(): MathjsModule {
  return runBundle<MathjsModule>('mathjs') ?? (createRequire(import.meta.url)(BUNDLE) as MathjsModule);
}
