import { createRequire } from 'node:module';
import type { MathJsInstance } from 'mathjs';
import { runBundle } from '../util/bundle.js';

/** The part of mathjs that expressions use: the parser, `derivative` and the node classes. */
export type Mathjs = Pick<
  MathJsInstance,
  'parse' | 'derivative' | 'ConstantNode' | 'FunctionNode' | 'OperatorNode' | 'SymbolNode'
>;

// mathjs's single-file build (in its package exports, same code): it loads and
// parses its first expression in ~115 ms when required (a UMD file, so require()
// skips the ES module loader: ~240 ms through import()), against ~450 ms for
// `mathjs/number` and ~700 ms for `mathjs`, which are a thousand ES modules each.
// The build bundles it with V8's code cache (util/bundle.ts), which takes off ~60 ms more.
// It ships no type declarations; it is typed as `mathjs`.
const BUNDLE = 'mathjs/lib/browser/math.js';

let instance: Promise<Mathjs> | undefined;

/**
 * A private mathjs instance made of the parser and `derivative` only (so
 * `evaluate`, `import` and the like do not exist on it), loaded on first use.
 */
export function loadMathjs(): Promise<Mathjs> {
  instance ??= Promise.resolve().then(() => {
    const math = runBundle<typeof import('mathjs')>('mathjs') ?? (createRequire(import.meta.url)(BUNDLE) as typeof import('mathjs'));
    return math.create({ ...math.parseDependencies, ...math.derivativeDependencies });
  });
  return instance;
}
