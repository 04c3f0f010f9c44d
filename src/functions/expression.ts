import type { MathNode, SymbolNode } from 'mathjs';
import type { ExpressionCode, ScalarFunction } from '../function-types.js';
import { LIMITS } from '../util/limits.js';
import { derivativeSize, differentiate } from './derivative.js';
import { ExpressionError } from './expression/error.js';
import { compile, generate } from './expression/generate.js';
import { parse } from './expression/parse.js';
import { tokenize } from './expression/tokens.js';
import { ALIASES } from './expression/vocabulary.js';
import { checkWhitelist } from './expression/whitelist.js';
import { loadMathjs, type Mathjs } from './mathjs.js';
import { grouped } from '../util/format-number.js';

/*
 * `--expr`: a formula in x0 and x1 becomes plain JavaScript, and so does its gradient.
 *
 *     source ─tokenize─▶ tokens (columns for messages)
 *     source ─parse (mathjs)─▶ tree ─checkWhitelist─▶ tree in x0, x1 ─generate─▶ f
 *                                                     └─differentiate─▶ ∂f/∂x0, ∂f/∂x1 ─generate─▶ grad
 *
 * An expression is data: mathjs only parses and differentiates it, and the code
 * that runs is written by `generate` from the tables in expression/vocabulary.ts.
 */

/** Longest expression accepted, in characters. */
export const MAX_EXPRESSION_LENGTH = LIMITS.expressionLength.max;

/** An expression compiled to JavaScript, with its exact gradient when there is one. */
export interface CompiledExpression extends ScalarFunction {
  readonly dim: 2;
  /** The expression as the user gave it. */
  readonly source: string;
  /** The expression as typed, its spacing normalised: what the chart's title shows. */
  readonly formula: string;
  /** Exact gradient from symbolic differentiation, made on first use; undefined if it could not be made. */
  readonly grad?: (x: Float64Array, out: Float64Array) => void;
  /** Why `grad` is undefined (one line), else undefined. */
  readonly gradUnavailable?: string;
  /** The gradient as text, `[∂f/∂x0, ∂f/∂x1]`, when `grad` exists. */
  readonly gradFormula?: readonly [string, string];
  /** The generated function bodies, so another thread can rebuild `f` and `grad` (see fromCode). */
  readonly code: ExpressionCode;
}

/**
 * Parses, checks and compiles an expression in `x0`, `x1` (or `x`, `y`).
 * mathjs is loaded on the first call, so runs that never use `--expr` do not
 * pay for it.
 * @throws {ExpressionError} for every expression that is not accepted.
 * @example
 * const { f } = await compileExpression('x0^2/20 + x1^2');
 * f(Float64Array.of(2, 1)); // 1.2
 */
export async function compileExpression(source: string): Promise<CompiledExpression> {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    const message = `expression is ${source.length} characters long; the limit is ${MAX_EXPRESSION_LENGTH}`;
    throw new ExpressionError(source, MAX_EXPRESSION_LENGTH + 1, message);
  }
  const tokens = tokenize(source);
  if (tokens.length === 0) throw new ExpressionError(source, 1, 'expression is empty');
  // mathjs reads 0x1.8x0 as 1.5 and drops the rest: such numbers are refused, not half read.
  const radix = tokens.find((t) => t.kind === 'number' && /^0[box]/i.test(t.text));
  if (radix) {
    const message = `hexadecimal, binary and octal numbers are not allowed at column ${radix.column}; write decimal numbers such as 1.5 or 2e-3`;
    throw new ExpressionError(source, radix.column, message);
  }
  const m = await loadMathjs();
  const tree = resolveAliases(m, checkWhitelist(parse(m, source), source, tokens));
  const code = `return ${generate(tree)};`;
  // Built on first use: most charts use differences and never need it, and it may be much larger than f.
  let exact: Gradient | undefined;
  const derive = () => (exact ??= exactGradient(m, tree));
  return {
    dim: 2,
    source,
    // As typed, so the title reads as the user wrote it.
    formula: source.trim().replace(/\s+/g, ' '),
    f: compile<(x: Float64Array) => number>(['x'], code),
    get grad() {
      return derive().grad;
    },
    get gradUnavailable() {
      return derive().gradUnavailable;
    },
    get gradFormula() {
      return derive().gradFormula;
    },
    code: {
      f: code,
      get grad() {
        return derive().code;
      },
    },
  };
}

/** Rebuilds an expression's functions from its generated code, e.g. in a worker thread, without mathjs. */
export function fromCode(code: ExpressionCode): Pick<CompiledExpression, 'f' | 'grad'> {
  return {
    f: compile<(x: Float64Array) => number>(['x'], code.f),
    grad: code.grad === undefined ? undefined : compile<(x: Float64Array, out: Float64Array) => void>(['x', 'out'], code.grad),
  };
}

type Gradient = Pick<CompiledExpression, 'grad' | 'gradUnavailable' | 'gradFormula'> & { code?: string };

function exactGradient(m: Mathjs, tree: MathNode): Gradient {
  const size = derivativeSize(tree);
  const max = LIMITS.derivativeNodes.max;
  if (size > max) {
    return { gradUnavailable: `its exact gradient would have about ${grouped(size)} nodes, more than the limit of ${grouped(max)}; use --method central` };
  }
  try {
    const [d0, d1] = [differentiate(m, tree, 'x0'), differentiate(m, tree, 'x1')];
    const code = `out[0] = ${generate(d0)};\nout[1] = ${generate(d1)};`;
    const grad = compile<(x: Float64Array, out: Float64Array) => void>(['x', 'out'], code);
    return { grad, gradFormula: [d0.toString(), d1.toString()], code };
  } catch (error) {
    // Stack overflow on a derivative too large to handle; anything else is a bug
    if (!(error instanceof RangeError)) throw error;
    return { gradUnavailable: 'the expression is too deeply nested to differentiate; use --method central' };
  }
}

/** `x`, `y` as `x0`, `x1`, so that differentiation and the formula see one name per variable. */
function resolveAliases(m: Mathjs, tree: MathNode): MathNode {
  return tree.transform((node) => {
    const alias = node.type === 'SymbolNode' && ALIASES.get((node as SymbolNode).name);
    return alias ? new m.SymbolNode(alias) : node;
  });
}

