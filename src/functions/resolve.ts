import { InputError } from '../errors.js';
import type { FunctionSource } from '../parallel/sample.js';
import { findBuiltin } from './builtins.js';
import type { ScalarFunction } from './types.js';
import { ExpressionError } from './expression/error.js';

/** Which function to draw: a built-in, an expression, or (from the library) a JavaScript function. */
export type FunctionRef =
  | { kind: 'builtin'; name: string }
  | { kind: 'expr'; source: string }
  | { kind: 'function'; fn: ScalarFunction; formula: string };

/** A function ready to sample, with the text that names it on a chart. */
export interface NamedFunction {
  fn: ScalarFunction;
  /** Built-in name, or undefined for an expression. */
  name?: string;
  /** The formula as people read it. */
  formula: string;
  /** Why there is no exact gradient, when there is none. */
  noExactGradient?: string;
  /** How a worker thread rebuilds `fn`; absent for JavaScript functions, which cannot be sent. */
  source?: FunctionSource;
}

/**
 * The function a request names. Expressions are compiled here, with the parser
 * loaded only now, so runs of built-ins never pay for it.
 */
export async function resolveFunction(ref: FunctionRef): Promise<NamedFunction> {
  if (ref.kind === 'builtin') {
    const builtin = findBuiltin(ref.name)!;
    return { fn: builtin, name: builtin.name, formula: builtin.formula, source: { kind: 'builtin', name: builtin.name } };
  }
  if (ref.kind === 'function') return { fn: ref.fn, formula: ref.formula };
  const { compileExpression } = await import('./expression.js');
  try {
    const compiled = await compileExpression(ref.source);
    return {
      fn: compiled,
      formula: compiled.formula,
      // Read only when an exact gradient is wanted: reading it makes the gradient.
      get noExactGradient() {
        return compiled.gradUnavailable;
      },
      source: { kind: 'code', code: compiled.code },
    };
  } catch (error) {
    if (error instanceof ExpressionError) throw new InputError('expr', error.message, error.pointer());
    throw error;
  }
}
