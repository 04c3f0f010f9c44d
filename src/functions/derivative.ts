import type { ConstantNode, FunctionNode, MathNode, OperatorNodeFn, OperatorNodeOp, ParenthesisNode, SymbolNode } from 'mathjs';
import type { Operator } from './expression/vocabulary.js';
import type { Mathjs } from './mathjs.js';

/** mathjs's unsimplified output: exact, and fast enough to compile on every run. */
const EXACT = { simplify: false };

/**
 * ∂g/∂uᵢ for the functions g that mathjs's `derivative` lacks, or gets wrong
 * on the reals, written with `u0`, `u1`, … for the arguments and `g` for the
 * call itself. The other functions (sin cos asin acos atan sinh cosh exp log
 * log10 sqrt pow) keep mathjs's own rules.
 */
const RULES = new Map<string, (arity: number) => string[]>([
  // mathjs answers sec(u)^2 and sech(u)^2, functions that expressions do not have
  ['tan', () => ['1 / cos(u0) ^ 2']],
  ['tanh', () => ['1 / cosh(u0) ^ 2']],
  // mathjs's abs(u)/u is NaN at 0, where the one-sided slopes average to 0
  ['abs', () => ['sign(u0)']],
  // mathjs's 1/(3 u^(2/3)) is NaN for u < 0, as Math.pow(u, 2/3) is
  ['cbrt', () => ['1 / (3 * g ^ 2)']],
  ['log2', () => ['1 / (u0 * log(2))']],
  ['atan2', () => ['u1 / (u0 ^ 2 + u1 ^ 2)', '-u0 / (u0 ^ 2 + u1 ^ 2)']],
  ['hypot', (arity) => Array.from({ length: arity }, (_, i) => `u${i} / g`)],
  // Pairwise (see `pairwise`): 1 for the argument that wins, 1/2 each on a tie, as central differences give
  ['min', () => ['(1 - sign(u0 - u1)) / 2', '(1 + sign(u0 - u1)) / 2']],
  ['max', () => ['(1 + sign(u0 - u1)) / 2', '(1 - sign(u0 - u1)) / 2']],
  // Piecewise constant: the derivative is 0 wherever it exists (not at the jumps)
  ['sign', () => []],
  ['floor', () => []],
  ['ceil', () => []],
  ['round', () => []],
]);

/**
 * ∂f/∂x for a checked expression tree in `x0`, `x1`, `pi`, `e`, exact up to
 * floating-point rounding. mathjs's `derivative` does the work, and the chain
 * rule covers the functions in RULES:
 *
 *     f = h(x, g(u(x)))   ⇒   ∂f/∂x = ∂h/∂x + ∂h/∂g · Σᵢ ∂g/∂uᵢ · ∂uᵢ/∂x
 *
 * where each call g(u) is swapped for a stand-in symbol that mathjs treats as
 * a constant, and ∂uᵢ/∂x comes from the same procedure.
 */
export function differentiate(m: Mathjs, f: MathNode, x: string): MathNode {
  return tidy(m, chainRule(m, f, x));
}

/**
 * An upper bound on the nodes `differentiate` makes for ∂f/∂x (before tidying),
 * computed in one pass over `f`, so that a derivative too large to build is
 * known before any of it is built. Each rule counts the operands its
 * derivative repeats; a call of RULES adds a derivative of the whole tree.
 */
export function derivativeSize(f: MathNode): number {
  const [size, dsize, calls] = measure(f);
  return dsize + calls * size;
}

// [nodes of the tree, nodes of its derivative, calls of RULES in it]
function measure(node: MathNode): [number, number, number] {
  if (node.type === 'ParenthesisNode') return measure((node as ParenthesisNode).content);
  const args = node.type === 'OperatorNode' ? (node as Operator).args : node.type === 'FunctionNode' ? (node as FunctionNode).args : [];
  const parts = args.map(measure);
  const sum = parts.reduce((t, [s]) => t + s, 0);
  const dsum = parts.reduce((t, [, d]) => t + d, 0);
  const calls = parts.reduce((t, [, , c]) => t + c, 0);
  const k = args.length;
  if (node.type === 'FunctionNode') {
    // g'(u) · u' for each argument, g' repeating the arguments (three times at most, as hypot's u/g)
    return [1 + sum, dsum + k * (4 + 3 * sum), calls + (RULES.has((node as FunctionNode).fn.name) ? 1 : 0)];
  }
  if (node.type !== 'OperatorNode') return [1, 1, 0];
  switch ((node as Operator).fn) {
    case 'multiply':
      return [1 + sum, 1 + k + dsum + (k - 1) * sum, calls];
    case 'divide':
      return [1 + sum, 6 + dsum + 2 * sum, calls];
    case 'pow':
      return [1 + sum, 8 + dsum + 3 * sum, calls];
    default:
      return [1 + sum, 1 + dsum, calls];
  }
}

/** ∂f/∂x as mathjs and RULES write it, before tidying. */
function chainRule(m: Mathjs, f: MathNode, x: string): MathNode {
  const calls = new Map<string, FunctionNode>();
  const h = f.transform((node) => {
    if (node.type !== 'FunctionNode' || !RULES.has((node as FunctionNode).fn.name)) return node;
    // '#' cannot occur in a parsed name, so a stand-in never meets a real symbol
    const name = `g#${calls.size}`;
    calls.set(name, pairwise(m, node as FunctionNode));
    return new m.SymbolNode(name);
  });
  const restore = (node: MathNode) =>
    node.transform((n) => (n.type === 'SymbolNode' && calls.get((n as SymbolNode).name)) || n);
  const terms = [restore(m.derivative(h, new m.SymbolNode(x), EXACT))];
  for (const [name, g] of calls) {
    // Arguments free of x are skipped, so that an infinite ∂h/∂g never makes 0·∞ = NaN
    const moving = g.args.flatMap((u, i) => (dependsOn(u, x) ? [i] : []));
    const partials = RULES.get(g.fn.name)!(g.args.length);
    if (moving.length === 0 || partials.length === 0) continue;
    const dh = restore(m.derivative(h, new m.SymbolNode(name), EXACT));
    for (const i of moving) {
      const dg = instantiate(m, partials[i], g);
      terms.push(new m.OperatorNode('*', 'multiply', [dh, dg, chainRule(m, g.args[i], x)]));
    }
  }
  return terms.length === 1 ? terms[0] : new m.OperatorNode('+', 'add', terms);
}

/** min and max of many arguments as nested pairs, which RULES can differentiate. */
function pairwise(m: Mathjs, call: FunctionNode): FunctionNode {
  if (call.args.length <= 2 || (call.fn.name !== 'min' && call.fn.name !== 'max')) return call;
  return call.args.reduce((a, b) => new m.FunctionNode(call.fn, [a, b])) as FunctionNode;
}

/** A rule of RULES with the arguments of `call` and the call itself in place. */
function instantiate(m: Mathjs, rule: string, call: FunctionNode): MathNode {
  return m.parse(rule).transform((node) => {
    if (node.type !== 'SymbolNode') return node;
    const { name } = node as SymbolNode;
    if (name === 'g') return call;
    const argument = /^u(\d+)$/.exec(name);
    return argument ? call.args[Number(argument[1])] : node;
  });
}

function dependsOn(node: MathNode, x: string): boolean {
  return node.filter((n) => n.type === 'SymbolNode' && (n as SymbolNode).name === x).length > 0;
}

/**
 * Tidies mathjs's unsimplified output without changing any result: drops
 * parentheses, `+ 0`, `* 1`, `/ 1`, `^ 1`, and folds operations on constants
 * (the same floating-point operation, done once). The one liberty: a product
 * with a factor 0 is 0 even where another factor is infinite or NaN, as such
 * a factor 0 is mathjs's derivative of a constant.
 */
function tidy(m: Mathjs, node: MathNode): MathNode {
  switch (node.type) {
    case 'ParenthesisNode':
      return tidy(m, (node as ParenthesisNode).content);
    case 'FunctionNode': {
      const call = node as FunctionNode;
      return new m.FunctionNode(call.fn, call.args.map((arg) => tidy(m, arg)));
    }
    case 'OperatorNode': {
      const { op, fn, args } = node as Operator;
      return tidyOperator(m, op, fn, args.map((arg) => tidy(m, arg)));
    }
    default:
      return node;
  }
}

function tidyOperator(m: Mathjs, op: OperatorNodeOp, fn: OperatorNodeFn, args: MathNode[]): MathNode {
  const values = args.map(numberOf);
  const folded = fold(fn, values);
  // Not -0: its sign would be lost in the generated code
  if (folded !== undefined && Number.isFinite(folded) && !Object.is(folded, -0)) {
    return new m.ConstantNode(folded);
  }
  const keep = (skip: number) => args.filter((_, i) => values[i] !== skip);
  switch (fn) {
    case 'add': {
      const terms = keep(0);
      if (terms.length <= 1) return terms[0] ?? new m.ConstantNode(0);
      return new m.OperatorNode('+', 'add', terms);
    }
    case 'multiply': {
      if (values.includes(0)) return new m.ConstantNode(0);
      const factors = keep(1);
      if (factors.length <= 1) return factors[0] ?? new m.ConstantNode(1);
      return new m.OperatorNode('*', 'multiply', factors);
    }
    case 'subtract':
      if (values[1] === 0) return args[0];
      if (values[0] === 0) return new m.OperatorNode('-', 'unaryMinus', [args[1]]);
      break;
    case 'divide':
    case 'pow':
      if (values[1] === 1) return args[0];
      break;
    case 'unaryPlus':
      return args[0];
  }
  return new m.OperatorNode<OperatorNodeOp, OperatorNodeFn, MathNode[]>(op, fn, args);
}

function numberOf(node: MathNode): number | undefined {
  const value = node.type === 'ConstantNode' ? ((node as ConstantNode).value as unknown) : undefined;
  return typeof value === 'number' ? value : undefined;
}

/** The value of an operation on constants, computed as the generated code would. */
function fold(fn: OperatorNodeFn, values: (number | undefined)[]): number | undefined {
  if (values.some((v) => v === undefined)) return undefined;
  const [a, b] = values as number[];
  switch (fn) {
    case 'add':
      return (values as number[]).reduce((s, v) => s + v);
    case 'multiply':
      return (values as number[]).reduce((p, v) => p * v);
    case 'subtract':
      return a - b;
    case 'divide':
      return a / b;
    case 'pow':
      return Math.pow(a, b);
    case 'unaryMinus':
      return -a;
    default:
      return undefined;
  }
}
