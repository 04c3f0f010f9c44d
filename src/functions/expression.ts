import type {
  AccessorNode,
  ConstantNode,
  FunctionNode,
  MathNode,
  OperatorNode,
  OperatorNodeFn,
  OperatorNodeOp,
  ParenthesisNode,
  SymbolNode,
} from 'mathjs';
import { LIMITS } from '../util/limits.js';
import { nearest } from '../util/nearest.js';
import { derivativeSize, differentiate } from './derivative.js';
import { loadMathjs, type Mathjs } from './mathjs.js';
import type { ExpressionCode, ScalarFunction } from '../function-types.js';

/*
 * `--expr`: a formula in x0 and x1 becomes plain JavaScript, and so does its gradient.
 *
 *     source ─parse (mathjs)─▶ tree ─check─▶ tree in x0, x1 ─generate─▶ f
 *                                            └─differentiate─▶ ∂f/∂x0, ∂f/∂x1 ─generate─▶ grad
 *
 * An expression is data: mathjs only parses and differentiates it, and the code
 * that runs is written by `generate` from the tables below.
 */

/** Longest expression accepted, in characters. */
export const MAX_EXPRESSION_LENGTH = LIMITS.expressionLength.max;

/** Characters of an expression shown above the caret. */
const POINTER_WIDTH = 100;

/** A rejected expression: a one-line message and the column it is about. */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  /** The expression as the user gave it. */
  readonly expression: string;
  /** 1-based column of the offending place in `expression`. */
  readonly column: number;

  constructor(expression: string, column: number, message: string) {
    super(message);
    this.expression = expression;
    this.column = column;
  }

  /**
   * Two lines for stderr: the expression, then a caret under `column`.
   * @example '  sinn(x0)\n  ^'
   */
  pointer(): string {
    // Tabs and line breaks would move the caret off its character
    const chars = Array.from(this.expression.replace(/[\t\r\n]/g, ' '));
    // A long expression is shown around its column, not whole (it may be megabytes).
    const from = Math.max(0, Math.min(this.column - 1 - POINTER_WIDTH / 2, chars.length - POINTER_WIDTH));
    const to = Math.min(chars.length, from + POINTER_WIDTH);
    const line = `${from > 0 ? '…' : ''}${chars.slice(from, to).join('')}${to < chars.length ? '…' : ''}`;
    return `  ${line}\n  ${' '.repeat(this.column - 1 - from + (from > 0 ? 1 : 0))}^`;
  }
}

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


/** Variables and constants, as JavaScript. */
const SYMBOLS = new Map([
  ['x0', 'x[0]'],
  ['x1', 'x[1]'],
  ['pi', 'Math.PI'],
  ['e', 'Math.E'],
]);

/** Other names of the variables. */
const ALIASES = new Map([
  ['x', 'x0'],
  ['y', 'x1'],
]);

const VARIABLES = 'x0, x1 (or x, y), pi, e';

interface Form {
  /** Fewest and most arguments (operands). */
  readonly arity: readonly [number, number];
  /** JavaScript for the call, given JavaScript for its arguments. */
  readonly js: (args: string[]) => string;
}

/** JavaScript's `Math[name]`, taking `min` to `max` arguments. */
const mathFunction = (name: string, min = 1, max = min): [string, Form] => [
  name,
  { arity: [min, max], js: (args) => `Math.${name}(${args.join(', ')})` },
];

/** Functions by name. Each is JavaScript's `Math` function of the same name (`log` is ln; `round` rounds halves up). */
const FUNCTIONS = new Map<string, Form>([
  ...'sin cos tan asin acos atan sinh cosh tanh exp log log10 log2 sqrt cbrt abs sign floor ceil round'
    .split(' ')
    .map((name) => mathFunction(name)),
  mathFunction('atan2', 2),
  mathFunction('pow', 2),
  mathFunction('min', 2, Infinity),
  mathFunction('max', 2, Infinity),
  mathFunction('hypot', 1, Infinity),
]);

/** Operators by mathjs's name. Each result is parenthesised, so operands keep the tree's grouping. */
const OPERATORS = new Map<string, Form>([
  ['add', { arity: [2, Infinity], js: (a) => `(${a.join(' + ')})` }],
  ['subtract', { arity: [2, 2], js: ([a, b]) => `(${a} - ${b})` }],
  ['multiply', { arity: [2, Infinity], js: (a) => `(${a.join(' * ')})` }],
  ['divide', { arity: [2, 2], js: ([a, b]) => `(${a} / ${b})` }],
  ['pow', { arity: [2, 2], js: ([a, b]) => `Math.pow(${a}, ${b})` }],
  ['unaryMinus', { arity: [1, 1], js: ([a]) => `(-${a})` }],
  ['unaryPlus', { arity: [1, 1], js: ([a]) => `(+${a})` }],
]);

type Operator = OperatorNode<OperatorNodeOp, OperatorNodeFn>;

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
  const tree = resolveAliases(m, check(parse(m, source), source, tokens));
  const code = `return ${generate(tree)};`;
  // Built on first use: most charts use differences and never need it, and it may be much larger than f.
  let exact: Gradient | undefined;
  const derive = () => (exact ??= gradient(m, tree));
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

function gradient(m: Mathjs, tree: MathNode): Gradient {
  const size = derivativeSize(tree);
  const max = LIMITS.derivativeNodes.max;
  if (size > max) {
    const n = (v: number) => v.toLocaleString('en-US');
    return { gradUnavailable: `its exact gradient would have about ${n(size)} nodes, more than the limit of ${n(max)}; use --method central` };
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

function compile<F>(parameters: string[], body: string): F {
  // Safe: `body` comes from generate(), which writes only its own tables and finite numbers
  return new Function(...parameters, body) as F;
}

/** The mathjs tree of `source`, or an ExpressionError at mathjs's column. */
function parse(m: Mathjs, source: string): MathNode {
  // Surrounding space and a final line break are no second expression
  const start = source.length - source.trimStart().length;
  try {
    return m.parse(source.trim());
  } catch (error) {
    // mathjs parses by recursive descent: some 300 nested parentheses overflow the stack
    if (error instanceof RangeError) throw new ExpressionError(source, 1, 'expression is nested too deeply');
    const { message, char } = error as { message?: unknown; char?: unknown };
    const at = typeof char === 'number' ? start + char - 1 : undefined;
    const column = at === undefined ? 1 : columnAt(source, at);
    const text = String(message).replace(/ \(char \d+\)$/, '');
    // mathjs points at the start of a number whose exponent has no digits: point after the exponent.
    const exponent = /^Digit expected/.test(text) && /(?:\d+\.?\d*|\.\d+)e[+-]?/iy;
    if (exponent && at !== undefined) {
      exponent.lastIndex = at;
      const match = exponent.exec(source);
      const after = match && columnAt(source, match.index + match[0].length);
      if (after) throw new ExpressionError(source, after, `digit expected after the exponent at column ${after}`);
    }
    const unexpected = /^Syntax error in part "(.)/su.exec(text);
    const what = unexpected
      ? `unexpected character ${JSON.stringify(unexpected[1])}`
      : text.charAt(0).toLowerCase() + text.slice(1).replace(/[\r\n\t]/g, (c) => JSON.stringify(c).slice(1, -1));
    // Python's power operator, as the book's readers type it.
    const hint = source.includes('**') ? '; use ^ for powers (x0^2), not **' : '';
    throw new ExpressionError(source, column, `${what} at column ${column}${hint}`);
  }
}

/**
 * Walks the tree as written (names in source order) and throws an
 * ExpressionError at the first node outside the whitelist: numbers, the
 * variables and constants, + - * / ^, parentheses, and calls of FUNCTIONS.
 */
function check(root: MathNode, source: string, tokens: readonly Token[]): MathNode {
  const uses = new Map<string, number>();
  /** Column of the next use of `name`; names are checked in the order they are written. */
  const nameAt = (name: string): number => {
    const n = (uses.get(name) ?? 0) + 1;
    uses.set(name, n);
    return tokens.filter((t) => t.kind === 'name' && t.text === name)[n - 1]?.column ?? 1;
  };
  const firstAt = (test: (t: Token) => boolean): number => tokens.find(test)?.column ?? 1;
  const textAt = (...texts: string[]) => firstAt((t) => t.kind !== 'string' && texts.includes(t.text));
  const fail = (what: string, column: number, hint = '') =>
    new ExpressionError(source, column, `${what} at column ${column}${hint}`);
  const operator = (op: string, column: number) => fail(`operator "${op}" is not allowed`, column, '; use + - * / ^');

  const visit = (node: MathNode): void => {
    switch (node.type) {
      case 'ConstantNode': {
        const value = (node as ConstantNode).value as unknown;
        if (typeof value === 'string') throw fail('strings are not allowed', firstAt((t) => t.kind === 'string'));
        if (typeof value !== 'number') throw fail(`${String(value)} is not a number`, textAt(String(value)));
        if (!Number.isFinite(value)) {
          const infinite = (t: Token) => t.kind === 'number' && !Number.isFinite(Number(t.text));
          const column = firstAt((t) => infinite(t) || t.text === 'Infinity' || t.text === 'NaN');
          throw fail(`${tokens.find((t) => t.column === column)?.text ?? value} is not a finite number`, column);
        }
        return;
      }
      case 'SymbolNode': {
        const { name } = node as SymbolNode;
        const column = nameAt(name);
        if (SYMBOLS.has(name) || ALIASES.has(name)) return;
        const hint = FUNCTIONS.has(name) ? `; ${name} is a function: write ${name}(...)` : `; use ${VARIABLES}`;
        throw fail(`unknown variable "${name}"`, column, hint);
      }
      case 'ParenthesisNode':
        return visit((node as ParenthesisNode).content);
      case 'OperatorNode': {
        const { op, fn, args } = node as Operator;
        if (!OPERATORS.has(fn)) throw operator(op, textAt(op));
        // mathjs reads `50%` as 50/100, and `a + 50%` as a + a·50/100
        if ((node as { isPercentage?: boolean }).isPercentage) throw operator('%', textAt('%'));
        return args.forEach(visit);
      }
      case 'FunctionNode': {
        const { fn, args } = node as FunctionNode<MathNode>;
        if (fn.type !== 'SymbolNode') {
          visit(fn); // mathjs calls names and properties (a.f(...)); visit refuses the latter
          throw fail('only functions can be called', 1);
        }
        const { name } = fn as SymbolNode;
        const column = nameAt(name);
        if (SYMBOLS.has(name) || ALIASES.has(name)) {
          throw fail(`${name} is not a function`, column, `; write ${name}*(...) to multiply`);
        }
        const form = FUNCTIONS.get(name);
        if (!form) {
          const near = nearestFunction(name);
          const hint = near ? ` (did you mean "${near}"?)` : `; use ${[...FUNCTIONS.keys()].join(', ')}`;
          throw fail(`unknown function "${name}"`, column, hint);
        }
        const [min, max] = form.arity;
        if (args.length < min || args.length > max) {
          throw fail(`${name} expects ${expected(min, max)}, got ${args.length}`, column);
        }
        return args.forEach(visit);
      }
      case 'AssignmentNode':
        throw fail('assignment is not allowed', textAt('='));
      case 'FunctionAssignmentNode':
        throw fail('defining functions is not allowed', textAt('='));
      case 'AccessorNode':
        if ((node as AccessorNode).index.dotNotation) throw fail('property access is not allowed', textAt('.', '?.'));
        throw fail('indexing is not allowed', textAt('['));
      case 'ArrayNode':
        throw fail('matrices are not allowed', textAt('['));
      case 'ObjectNode':
        throw fail('objects are not allowed', textAt('{'));
      case 'BlockNode':
        throw fail('only one expression is allowed', textAt(';', '\n'), '; remove ";" and line breaks');
      case 'ConditionalNode':
        throw operator('?', textAt('?'));
      case 'RangeNode':
        throw operator(':', textAt(':'));
      case 'RelationalNode': {
        const column = textAt('<', '>', '<=', '>=', '==', '!=');
        throw operator(tokens.find((t) => t.column === column)?.text ?? '<', column);
      }
      default:
        throw fail(`${node.type} is not allowed`, 1);
    }
  };
  visit(root);
  return root;
}

/** "1 argument", "at least 2 arguments". */
function expected(min: number, max: number): string {
  const count = (n: number) => `${n} argument${n === 1 ? '' : 's'}`;
  return max === min ? count(min) : `at least ${count(min)}`;
}

/** The function name one typo away from `name` (two for names longer than 3), if any. */
function nearestFunction(name: string): string | undefined {
  return nearest(name, [...FUNCTIONS.keys()], name.length <= 3 ? 1 : 2);
}

/** `x`, `y` as `x0`, `x1`, so that differentiation and the formula see one name per variable. */
function resolveAliases(m: Mathjs, tree: MathNode): MathNode {
  return tree.transform((node) => {
    const alias = node.type === 'SymbolNode' && ALIASES.get((node as SymbolNode).name);
    return alias ? new m.SymbolNode(alias) : node;
  });
}

/**
 * JavaScript for a checked tree (or a derivative of one). Every piece comes
 * from SYMBOLS, FUNCTIONS, OPERATORS or String() of a finite number, never from
 * the user's text, and every operation is parenthesised, so precedence is the
 * tree's: `-x0^2` is −(x0²), `2^3^2` is 2⁹.
 */
function generate(node: MathNode): string {
  switch (node.type) {
    case 'ConstantNode': {
      const value = (node as ConstantNode).value as unknown;
      if (typeof value === 'number' && Number.isFinite(value)) return `(${String(value)})`;
      break;
    }
    case 'SymbolNode': {
      const js = SYMBOLS.get((node as SymbolNode).name);
      if (js) return js;
      break;
    }
    case 'ParenthesisNode':
      return generate((node as ParenthesisNode).content);
    case 'OperatorNode': {
      const { fn, args } = node as Operator;
      const form = OPERATORS.get(fn);
      if (form && fits(form, args)) return form.js(args.map(generate));
      break;
    }
    case 'FunctionNode': {
      const { fn, args } = node as FunctionNode<MathNode>;
      const form = fn.type === 'SymbolNode' ? FUNCTIONS.get((fn as SymbolNode).name) : undefined;
      if (form && fits(form, args)) return form.js(args.map(generate));
      break;
    }
  }
  throw new Error(`cannot compile ${node.type} ${node.toString()}`);
}

function fits(form: Form, args: readonly MathNode[]): boolean {
  return args.length >= form.arity[0] && args.length <= form.arity[1];
}

interface Token {
  readonly text: string;
  /** 1-based. */
  readonly column: number;
  readonly kind: 'name' | 'number' | 'string' | 'other';
}

// mathjs's tokens, closely enough to place an error: space and comments are
// skipped, names take mathjs's letters (with its mathematical alphanumerics, 𝑥), and strings and numbers (0x1F, 1e5) are whole, so that no name is
// found inside them. Operators of two or three characters come before one.
const TOKEN = new RegExp(
  [
    String.raw`(?<skip>[ \t\r\u00a0]+|#[^\n]*)`,
    String.raw`(?<string>"(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?)`,
    String.raw`(?<number>0[box][\da-z]*(?:\.[\da-z]*)?|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)`,
    String.raw`(?<name>(?:[a-z_$\u00c0-\u02af\u0370-\u03ff\u2100-\u214f]|\ud835[\udc00-\udfff])(?:[\w$\u00c0-\u02af\u0370-\u03ff\u2100-\u214f]|\ud835[\udc00-\udfff])*)`,
    String.raw`>>>|\?\.|\.[*/^]|\^\||\?\?|[=!<>]=|<<|>>|[^]`,
  ].join('|'),
  'iy',
);

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const pattern = new RegExp(TOKEN);
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    const { skip, string, number, name } = match.groups!;
    if (skip) continue;
    const column = columnAt(source, match.index);
    // After a value, ' is the transpose operator, not the start of a string
    if (string?.startsWith("'") && endsValue(tokens.at(-1))) {
      tokens.push({ text: "'", column, kind: 'other' });
      pattern.lastIndex = match.index + 1;
      continue;
    }
    const kind = string ? 'string' : number ? 'number' : name ? 'name' : 'other';
    tokens.push({ text: match[0], column, kind });
  }
  return tokens;
}

/** The 1-based column of the UTF-16 `index` in `source`, counting characters (𝑥 is one, not two). */
function columnAt(source: string, index: number): number {
  let column = 1;
  for (let i = 0; i < index && i < source.length; i++) {
    const unit = source.charCodeAt(i);
    if (unit < 0xdc00 || unit > 0xdfff || i === 0 || source.charCodeAt(i - 1) < 0xd800 || source.charCodeAt(i - 1) > 0xdbff) column++;
  }
  return column;
}

function endsValue(token: Token | undefined): boolean {
  return token !== undefined && (token.kind !== 'other' || [')', ']', '}', "'"].includes(token.text));
}
