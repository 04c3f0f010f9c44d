import type { MathNode, OperatorNode, OperatorNodeFn, OperatorNodeOp } from 'mathjs';

// The words an expression may use (variables, constants, functions, operators) and the JavaScript each becomes.

/** Variables and constants, as JavaScript. */
export const SYMBOLS = new Map([
  ['x0', 'x[0]'],
  ['x1', 'x[1]'],
  ['pi', 'Math.PI'],
  ['e', 'Math.E'],
]);

/** Other names of the variables. */
export const ALIASES = new Map([
  ['x', 'x0'],
  ['y', 'x1'],
]);

export const VARIABLES = 'x0, x1 (or x, y), pi, e';

export interface Form {
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
export const FUNCTIONS = new Map<string, Form>([
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
export const OPERATORS = new Map<string, Form>([
  ['add', { arity: [2, Infinity], js: (a) => `(${a.join(' + ')})` }],
  ['subtract', { arity: [2, 2], js: ([a, b]) => `(${a} - ${b})` }],
  ['multiply', { arity: [2, Infinity], js: (a) => `(${a.join(' * ')})` }],
  ['divide', { arity: [2, 2], js: ([a, b]) => `(${a} / ${b})` }],
  ['pow', { arity: [2, 2], js: ([a, b]) => `Math.pow(${a}, ${b})` }],
  ['unaryMinus', { arity: [1, 1], js: ([a]) => `(-${a})` }],
  ['unaryPlus', { arity: [1, 1], js: ([a]) => `(+${a})` }],
]);

export type Operator = OperatorNode<OperatorNodeOp, OperatorNodeFn>;

/** Whether `args` is a number of arguments `form` takes. */
export function fits(form: Form, args: readonly MathNode[]): boolean {
  return args.length >= form.arity[0] && args.length <= form.arity[1];
}
