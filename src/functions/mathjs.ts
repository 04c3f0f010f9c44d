import type { MathJsInstance } from 'mathjs';

/** The part of mathjs that expressions use: the parser, `derivative` and the node classes. */
export type Mathjs = Pick<
  MathJsInstance,
  'parse' | 'derivative' | 'ConstantNode' | 'FunctionNode' | 'OperatorNode' | 'SymbolNode'
>;

// mathjs's single-file build (in its package exports, same code): it loads and
// parses its first expression in ~200 ms, against ~450 ms for `mathjs/number` and
// ~700 ms for `mathjs`, which are a thousand ES modules each. A variable, not a
// literal, because that file ships no type declarations; it is typed as `mathjs`.
const BUNDLE = 'mathjs/lib/browser/math.js';

let instance: Promise<Mathjs> | undefined;

/**
 * A private mathjs instance made of the parser and `derivative` only (so
 * `evaluate`, `import` and the like do not exist on it), loaded on first use.
 */
export function loadMathjs(): Promise<Mathjs> {
  instance ??= import(BUNDLE).then(({ default: math }: { default: typeof import('mathjs') }) =>
    math.create({ ...math.parseDependencies, ...math.derivativeDependencies }),
  );
  return instance;
}
