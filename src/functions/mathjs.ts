import type { MathJsInstance } from 'mathjs';
import { mathjsModule } from './mathjs-module.js';

/** The part of mathjs that expressions use: the parser, `derivative` and the node classes. */
export type Mathjs = Pick<
  MathJsInstance,
  'parse' | 'derivative' | 'ConstantNode' | 'FunctionNode' | 'OperatorNode' | 'SymbolNode'
>;

let instance: Promise<Mathjs> | undefined;

/**
 * A private mathjs instance made of the parser and `derivative` only (so
 * `evaluate`, `import` and the like do not exist on it), loaded on first use.
 */
export function loadMathjs(): Promise<Mathjs> {
  instance ??= mathjsModule().then((math) => math.create({ ...math.parseDependencies, ...math.derivativeDependencies }));
  return instance;
}
