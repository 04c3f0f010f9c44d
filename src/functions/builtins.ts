import type { BuiltinFunction, Range } from './types.js';

const PI = Math.PI;
const square: Range = [-2, 2];

/** The built-in functions, in the order `gradplot list` shows them. */
export const BUILTINS: readonly BuiltinFunction[] = [
  {
    name: 'sum_sq',
    aliases: ['function_2'],
    note: 'the book\'s function_2 (chapter 4)',
    formula: 'x0^2 + x1^2',
    range: [square, square],
    step: 0.25,
    start: [-3, 4],
    dim: 2,
    f: (x) => x[0] * x[0] + x[1] * x[1],
    grad: (x, g) => {
      g[0] = 2 * x[0];
      g[1] = 2 * x[1];
    },
  },
  {
    name: 'xy',
    aliases: ['function_xy'],
    formula: 'x0*x1',
    range: [square, square],
    step: 0.25,
    start: [1.5, 1.25],
    dim: 2,
    f: (x) => x[0] * x[1],
    grad: (x, g) => {
      g[0] = x[1];
      g[1] = x[0];
    },
  },
  {
    name: 'sin_xy',
    aliases: ['function_sin_xy'],
    formula: 'sin(x0*x1)',
    range: [square, square],
    step: 0.25,
    start: [1, 1.5],
    dim: 2,
    f: (x) => Math.sin(x[0] * x[1]),
    grad: (x, g) => {
      const c = Math.cos(x[0] * x[1]);
      g[0] = x[1] * c;
      g[1] = x[0] * c;
    },
  },
  {
    name: 'ch06',
    aliases: [],
    formula: 'x0^2/20 + x1^2',
    note: 'the book\'s chapter 6 (optimizers)',
    range: [
      [-10, 10],
      [-5, 5],
    ],
    step: 1,
    start: [-7, 2],
    dim: 2,
    f: (x) => (x[0] * x[0]) / 20 + x[1] * x[1],
    grad: (x, g) => {
      g[0] = x[0] / 10;
      g[1] = 2 * x[1];
    },
  },
  {
    name: 'rosenbrock',
    aliases: [],
    formula: '(1 - x0)^2 + 100*(x1 - x0^2)^2',
    range: [
      [-2, 2],
      [-1, 3],
    ],
    step: 0.25,
    start: [-1.2, 1],
    dim: 2,
    f: (x) => (1 - x[0]) ** 2 + 100 * (x[1] - x[0] * x[0]) ** 2,
    grad: (x, g) => {
      const r = x[1] - x[0] * x[0];
      g[0] = -2 * (1 - x[0]) - 400 * x[0] * r;
      g[1] = 200 * r;
    },
  },
  {
    name: 'himmelblau',
    aliases: [],
    formula: '(x0^2 + x1 - 11)^2 + (x0 + x1^2 - 7)^2',
    range: [
      [-5, 5],
      [-5, 5],
    ],
    step: 0.5,
    start: [0, 0],
    dim: 2,
    f: (x) => (x[0] * x[0] + x[1] - 11) ** 2 + (x[0] + x[1] * x[1] - 7) ** 2,
    grad: (x, g) => {
      const a = x[0] * x[0] + x[1] - 11;
      const b = x[0] + x[1] * x[1] - 7;
      g[0] = 4 * x[0] * a + 2 * b;
      g[1] = 2 * a + 4 * x[1] * b;
    },
  },
  {
    name: 'booth',
    aliases: [],
    formula: '(x0 + 2*x1 - 7)^2 + (2*x0 + x1 - 5)^2',
    range: [
      [-10, 10],
      [-10, 10],
    ],
    step: 1,
    start: [-5, 5],
    dim: 2,
    f: (x) => (x[0] + 2 * x[1] - 7) ** 2 + (2 * x[0] + x[1] - 5) ** 2,
    grad: (x, g) => {
      const a = x[0] + 2 * x[1] - 7;
      const b = 2 * x[0] + x[1] - 5;
      g[0] = 2 * a + 4 * b;
      g[1] = 4 * a + 2 * b;
    },
  },
  {
    name: 'beale',
    aliases: [],
    formula: '(1.5 - x0 + x0*x1)^2 + (2.25 - x0 + x0*x1^2)^2 + (2.625 - x0 + x0*x1^3)^2',
    range: [
      [-4.5, 4.5],
      [-4.5, 4.5],
    ],
    step: 0.5,
    start: [1, 1],
    dim: 2,
    f: (x) =>
      (1.5 - x[0] + x[0] * x[1]) ** 2 +
      (2.25 - x[0] + x[0] * x[1] ** 2) ** 2 +
      (2.625 - x[0] + x[0] * x[1] ** 3) ** 2,
    grad: (x, g) => {
      const [x0, x1] = [x[0], x[1]];
      const a = 1.5 - x0 + x0 * x1;
      const b = 2.25 - x0 + x0 * x1 ** 2;
      const c = 2.625 - x0 + x0 * x1 ** 3;
      g[0] = 2 * a * (x1 - 1) + 2 * b * (x1 ** 2 - 1) + 2 * c * (x1 ** 3 - 1);
      g[1] = 2 * a * x0 + 4 * b * x0 * x1 + 6 * c * x0 * x1 ** 2;
    },
  },
  {
    name: 'matyas',
    aliases: [],
    formula: '0.26*(x0^2 + x1^2) - 0.48*x0*x1',
    range: [
      [-10, 10],
      [-10, 10],
    ],
    step: 1,
    start: [-8, 6],
    dim: 2,
    f: (x) => 0.26 * (x[0] * x[0] + x[1] * x[1]) - 0.48 * x[0] * x[1],
    grad: (x, g) => {
      g[0] = 0.52 * x[0] - 0.48 * x[1];
      g[1] = 0.52 * x[1] - 0.48 * x[0];
    },
  },
  {
    name: 'three_hump_camel',
    aliases: ['camel'],
    formula: '2*x0^2 - 1.05*x0^4 + x0^6/6 + x0*x1 + x1^2',
    range: [square, square],
    step: 0.25,
    start: [1.8, -1.2],
    dim: 2,
    f: (x) => 2 * x[0] ** 2 - 1.05 * x[0] ** 4 + x[0] ** 6 / 6 + x[0] * x[1] + x[1] ** 2,
    grad: (x, g) => {
      g[0] = 4 * x[0] - 4.2 * x[0] ** 3 + x[0] ** 5 + x[1];
      g[1] = x[0] + 2 * x[1];
    },
  },
  {
    name: 'rastrigin',
    aliases: [],
    formula: '20 + x0^2 - 10*cos(2*pi*x0) + x1^2 - 10*cos(2*pi*x1)',
    range: [square, square],
    step: 0.125,
    start: [1.2, -0.8],
    dim: 2,
    f: (x) => 20 + x[0] ** 2 - 10 * Math.cos(2 * PI * x[0]) + x[1] ** 2 - 10 * Math.cos(2 * PI * x[1]),
    grad: (x, g) => {
      g[0] = 2 * x[0] + 20 * PI * Math.sin(2 * PI * x[0]);
      g[1] = 2 * x[1] + 20 * PI * Math.sin(2 * PI * x[1]);
    },
  },
  {
    name: 'saddle',
    aliases: [],
    formula: 'x0^2 - x1^2',
    range: [square, square],
    step: 0.25,
    start: [-1.5, 0.1],
    dim: 2,
    f: (x) => x[0] * x[0] - x[1] * x[1],
    grad: (x, g) => {
      g[0] = 2 * x[0];
      g[1] = -2 * x[1];
    },
  },
  {
    name: 'monkey_saddle',
    aliases: [],
    formula: 'x0^3 - 3*x0*x1^2',
    range: [square, square],
    step: 0.25,
    start: [1.5, 0.5],
    dim: 2,
    f: (x) => x[0] ** 3 - 3 * x[0] * x[1] * x[1],
    grad: (x, g) => {
      g[0] = 3 * x[0] * x[0] - 3 * x[1] * x[1];
      g[1] = -6 * x[0] * x[1];
    },
  },
];

/** The built-in called `name` (or one of its aliases), or undefined. */
export function findBuiltin(name: string): BuiltinFunction | undefined {
  return BUILTINS.find((b) => b.name === name || b.aliases.includes(name));
}

/** Every name `--fn` accepts. */
export function builtinNames(): string[] {
  return BUILTINS.flatMap((b) => [b.name, ...b.aliases]);
}
