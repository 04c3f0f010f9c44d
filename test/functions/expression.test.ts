import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression, MAX_EXPRESSION_LENGTH, type CompiledExpression } from '../../src/functions/expression.js';
import { ExpressionError } from '../../src/functions/expression/error.js';

type Fn = (x0: number, x1: number) => number;
type Grad = (x0: number, x1: number) => [number, number];

const at = (x0: number, x1: number) => Float64Array.of(x0, x1);

/** Points away from the singularities of the functions below (no zero coordinate, no tie). */
const POINTS: [number, number][] = [
  [0.3, -0.7],
  [1.7, 0.4],
  [-1.2, -2.5],
  [2, 1.5],
  [-0.45, 0.9],
];

async function rejection(source: string): Promise<ExpressionError> {
  const error = await compileExpression(source).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExpressionError);
  return error as ExpressionError;
}

function gradientAt(compiled: CompiledExpression, x0: number, x1: number): [number, number] {
  const out = new Float64Array(2);
  compiled.grad!(at(x0, x1), out);
  return [out[0], out[1]];
}

/** Within 1e-12 relative to the expected value (absolute below 1). */
function expectClose(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
}

describe('compileExpression: evaluation', () => {
  // Each case against the same mathematics written in JavaScript: results must be identical.
  const cases: [string, Fn][] = [
    ['-x0^2', (x0) => -(x0 ** 2)],
    ['2^3^2', () => 512],
    ['x0^x1^2', (x0, x1) => x0 ** (x1 ** 2)],
    ['-x0^-2', (x0) => -(x0 ** -2)],
    ['x^2/20 + y^2', (x0, x1) => x0 ** 2 / 20 + x1 ** 2],
    ['sin(x)*cos(y)', (x0, x1) => Math.sin(x0) * Math.cos(x1)],
    ['x0/x1/2', (x0, x1) => x0 / x1 / 2],
    ['x0 - x1 - 1', (x0, x1) => x0 - x1 - 1],
    ['x0 - -x1', (x0, x1) => x0 - -x1],
    ['+x0 * (x1 - 2)', (x0, x1) => x0 * (x1 - 2)],
    ['2x0 + 3 x0 x1', (x0, x1) => 2 * x0 + 3 * x0 * x1],
    ['pi', () => Math.PI],
    ['e', () => Math.E],
    ['1e-3', () => 0.001],
    ['.5 * x1', (_, x1) => 0.5 * x1],
    ['2.5e+2 - 16', () => 250 - 16],
    ['atan2(x1, x0)', (x0, x1) => Math.atan2(x1, x0)],
    ['hypot(x0, x1, 2)', (x0, x1) => Math.hypot(x0, x1, 2)],
    ['min(x0, x1, 0) + max(x0, x1)', (x0, x1) => Math.min(x0, x1, 0) + Math.max(x0, x1)],
    ['pow(x0, 3)', (x0) => x0 ** 3],
    ['log(x0) + log10(x1) + log2(x0)', (x0, x1) => Math.log(x0) + Math.log10(x1) + Math.log2(x0)],
    ['sqrt(x0) + cbrt(x1)', (x0, x1) => Math.sqrt(x0) + Math.cbrt(x1)],
    [
      'tan(x0) + asin(x1/4) + acos(x0/4) + atan(x1)',
      (x0, x1) => Math.tan(x0) + Math.asin(x1 / 4) + Math.acos(x0 / 4) + Math.atan(x1),
    ],
    ['sinh(x0) + cosh(x1) + tanh(x0*x1)', (x0, x1) => Math.sinh(x0) + Math.cosh(x1) + Math.tanh(x0 * x1)],
    ['exp(-x0) * abs(x1) * sign(x1)', (x0, x1) => Math.exp(-x0) * Math.abs(x1) * Math.sign(x1)],
    ['floor(x0) + ceil(x1) + round(x0*x1)', (x0, x1) => Math.floor(x0) + Math.ceil(x1) + Math.round(x0 * x1)],
    ['(1-x0)^2 + 100*(x1-x0^2)^2', (x0, x1) => (1 - x0) ** 2 + 100 * (x1 - x0 ** 2) ** 2],
  ];
  const points: [number, number][] = [[0.3, -0.7], [3, 2], [-1.5, 0.25], [0, 0], [2.5, -4]];

  it.each(cases)('%s', async (source, js) => {
    const { f, dim } = await compileExpression(source);
    expect(dim).toBe(2);
    for (const [x0, x1] of points) expect(f(at(x0, x1))).toBe(js(x0, x1));
  });

  it('gives the values worked out by hand', async () => {
    expect((await compileExpression('-x0^2')).f(at(3, 0))).toBe(-9);
    expect((await compileExpression('2^3^2')).f(at(0, 0))).toBe(512);
    expect((await compileExpression('x^2/20 + y^2')).f(at(2, 1))).toBe(1.2);
    // JavaScript's Math.round: halves go up
    expect((await compileExpression('round(x0)')).f(at(-2.5, 0))).toBe(-2);
  });

  it('returns NaN and infinities as they come', async () => {
    expect((await compileExpression('log(x0)')).f(at(-1, 0))).toBeNaN();
    expect((await compileExpression('1/x0')).f(at(0, 0))).toBe(Infinity);
  });

  it('keeps the source and writes the formula as typed', async () => {
    const compiled = await compileExpression('x^2/20 + y^2');
    expect(compiled.source).toBe('x^2/20 + y^2');
    expect(compiled.formula).toBe('x^2/20 + y^2');
  });

  it('accepts surrounding space and a final line break', async () => {
    expect((await compileExpression('  x0 * x1\n')).f(at(2, 3))).toBe(6);
  });

  it('accepts exactly MAX_EXPRESSION_LENGTH characters', async () => {
    const source = '1+'.repeat(MAX_EXPRESSION_LENGTH / 2 - 1) + '10';
    expect(source).toHaveLength(MAX_EXPRESSION_LENGTH);
    expect((await compileExpression(source)).f(at(0, 0))).toBe(509);
  });
});

describe('compileExpression: analytic gradient', () => {
  const PI = Math.PI;
  const cases: [string, Grad][] = [
    ['x0^2 + x1^2', (x0, x1) => [2 * x0, 2 * x1]],
    ['x0*x1', (x0, x1) => [x1, x0]],
    ['sin(x0*x1)', (x0, x1) => [x1 * Math.cos(x0 * x1), x0 * Math.cos(x0 * x1)]],
    ['x0^2/20 + x1^2', (x0, x1) => [x0 / 10, 2 * x1]],
    ['(1-x0)^2 + 100*(x1-x0^2)^2', (x0, x1) => [-2 * (1 - x0) - 400 * x0 * (x1 - x0 ** 2), 200 * (x1 - x0 ** 2)]],
    [
      '(x0^2+x1-11)^2+(x0+x1^2-7)^2',
      (x0, x1) => {
        const [a, b] = [x0 ** 2 + x1 - 11, x0 + x1 ** 2 - 7];
        return [4 * x0 * a + 2 * b, 2 * a + 4 * x1 * b];
      },
    ],
    [
      '(x0+2*x1-7)^2+(2*x0+x1-5)^2',
      (x0, x1) => {
        const [a, b] = [x0 + 2 * x1 - 7, 2 * x0 + x1 - 5];
        return [2 * a + 4 * b, 4 * a + 2 * b];
      },
    ],
    [
      '(1.5-x0+x0*x1)^2+(2.25-x0+x0*x1^2)^2+(2.625-x0+x0*x1^3)^2',
      (x0, x1) => {
        const [a, b, c] = [1.5 - x0 + x0 * x1, 2.25 - x0 + x0 * x1 ** 2, 2.625 - x0 + x0 * x1 ** 3];
        return [
          2 * a * (x1 - 1) + 2 * b * (x1 ** 2 - 1) + 2 * c * (x1 ** 3 - 1),
          2 * a * x0 + 4 * b * x0 * x1 + 6 * c * x0 * x1 ** 2,
        ];
      },
    ],
    ['0.26*(x0^2+x1^2)-0.48*x0*x1', (x0, x1) => [0.52 * x0 - 0.48 * x1, 0.52 * x1 - 0.48 * x0]],
    ['2*x0^2-1.05*x0^4+x0^6/6+x0*x1+x1^2', (x0, x1) => [4 * x0 - 4.2 * x0 ** 3 + x0 ** 5 + x1, x0 + 2 * x1]],
    [
      '20+x0^2-10*cos(2*pi*x0)+x1^2-10*cos(2*pi*x1)',
      (x0, x1) => [2 * x0 + 20 * PI * Math.sin(2 * PI * x0), 2 * x1 + 20 * PI * Math.sin(2 * PI * x1)],
    ],
    ['x0^2-x1^2', (x0, x1) => [2 * x0, -2 * x1]],
    ['x0^3-3*x0*x1^2', (x0, x1) => [3 * x0 ** 2 - 3 * x1 ** 2, -6 * x0 * x1]],
    // Every function, with an inner function of x0 and x1 for the chain rule
    ['cos(x0 + 2*x1)', (x0, x1) => [-Math.sin(x0 + 2 * x1), -2 * Math.sin(x0 + 2 * x1)]],
    ['tan(x0*x1/4)', (x0, x1) => [x1 / 4 / Math.cos((x0 * x1) / 4) ** 2, x0 / 4 / Math.cos((x0 * x1) / 4) ** 2]],
    [
      'asin(x0*x1/8)',
      (x0, x1) => {
        const d = Math.sqrt(1 - ((x0 * x1) / 8) ** 2);
        return [x1 / 8 / d, x0 / 8 / d];
      },
    ],
    [
      'acos(x0*x1/8)',
      (x0, x1) => {
        const d = Math.sqrt(1 - ((x0 * x1) / 8) ** 2);
        return [-x1 / 8 / d, -x0 / 8 / d];
      },
    ],
    ['atan(x0 - x1)', (x0, x1) => [1 / (1 + (x0 - x1) ** 2), -1 / (1 + (x0 - x1) ** 2)]],
    ['atan2(x1, x0)', (x0, x1) => [-x1 / (x0 ** 2 + x1 ** 2), x0 / (x0 ** 2 + x1 ** 2)]],
    [
      'atan2(x0*x1, x0 + 3)',
      (x0, x1) => {
        const [u, v] = [x0 * x1, x0 + 3];
        const r = u ** 2 + v ** 2;
        return [(v * x1 - u) / r, (v * x0) / r];
      },
    ],
    ['sinh(x0*x1/2)', (x0, x1) => [(x1 / 2) * Math.cosh((x0 * x1) / 2), (x0 / 2) * Math.cosh((x0 * x1) / 2)]],
    ['cosh(x0 + x1)', (x0, x1) => [Math.sinh(x0 + x1), Math.sinh(x0 + x1)]],
    ['tanh(x0*x1)', (x0, x1) => [x1 / Math.cosh(x0 * x1) ** 2, x0 / Math.cosh(x0 * x1) ** 2]],
    [
      'exp(-(x0^2 + x1^2))',
      (x0, x1) => [-2 * x0 * Math.exp(-(x0 ** 2 + x1 ** 2)), -2 * x1 * Math.exp(-(x0 ** 2 + x1 ** 2))],
    ],
    ['e^x0 * x1', (x0, x1) => [Math.exp(x0) * x1, Math.exp(x0)]],
    ['2^(x0*x1)', (x0, x1) => [Math.LN2 * x1 * 2 ** (x0 * x1), Math.LN2 * x0 * 2 ** (x0 * x1)]],
    ['log(1 + x0^2 + x1^2)', (x0, x1) => [(2 * x0) / (1 + x0 ** 2 + x1 ** 2), (2 * x1) / (1 + x0 ** 2 + x1 ** 2)]],
    [
      'log10(1 + x0^2 + x1^2)',
      (x0, x1) => {
        const s = (1 + x0 ** 2 + x1 ** 2) * Math.LN10;
        return [(2 * x0) / s, (2 * x1) / s];
      },
    ],
    [
      'log2(1 + x0^2 + x1^2)',
      (x0, x1) => {
        const s = (1 + x0 ** 2 + x1 ** 2) * Math.LN2;
        return [(2 * x0) / s, (2 * x1) / s];
      },
    ],
    ['sqrt(1 + x0^2 + x1^2)', (x0, x1) => [x0 / Math.hypot(1, x0, x1), x1 / Math.hypot(1, x0, x1)]],
    // Real cube root: x0*x1 < 0 at some points, where u^(2/3) would be NaN
    ['cbrt(x0*x1)', (x0, x1) => [x1 / (3 * Math.cbrt(x0 * x1) ** 2), x0 / (3 * Math.cbrt(x0 * x1) ** 2)]],
    ['abs(x0*x1)', (x0, x1) => [Math.sign(x0 * x1) * x1, Math.sign(x0 * x1) * x0]],
    ['pow(x0, 3) * x1', (x0, x1) => [3 * x0 ** 2 * x1, x0 ** 3]],
    ['hypot(x0, x1)', (x0, x1) => [x0 / Math.hypot(x0, x1), x1 / Math.hypot(x0, x1)]],
    ['hypot(x0, 2*x1, 3)', (x0, x1) => [x0 / Math.hypot(x0, 2 * x1, 3), (4 * x1) / Math.hypot(x0, 2 * x1, 3)]],
    ['hypot(x0 - x1)', (x0, x1) => [Math.sign(x0 - x1), -Math.sign(x0 - x1)]],
    ['min(x0, x1)', (x0, x1) => (x0 < x1 ? [1, 0] : [0, 1])],
    ['max(x0, x1, 1)', (x0, x1) => (x0 > x1 && x0 > 1 ? [1, 0] : x1 > 1 ? [0, 1] : [0, 0])],
    ['max(x0*x1, -x0)', (x0, x1) => (x0 * x1 > -x0 ? [x1, x0] : [-1, 0])],
    // Piecewise constant: derivative 0 between the jumps
    ['sign(x0) * x1', (x0) => [0, Math.sign(x0)]],
    ['floor(x0) + ceil(x1) * x0', (_, x1) => [Math.ceil(x1), 0]],
    ['round(x0) * x1^2', (x0, x1) => [0, 2 * Math.round(x0) * x1]],
    [
      'abs(sin(abs(x0))) * x1',
      (x0, x1) => {
        const s = Math.sin(Math.abs(x0));
        return [Math.sign(s) * Math.cos(Math.abs(x0)) * Math.sign(x0) * x1, Math.abs(s)];
      },
    ],
  ];

  it.each(cases)('%s', async (source, exact) => {
    const compiled = await compileExpression(source);
    expect(compiled.gradUnavailable).toBeUndefined();
    for (const [x0, x1] of POINTS) {
      const [g0, g1] = gradientAt(compiled, x0, x1);
      const [e0, e1] = exact(x0, x1);
      expectClose(g0, e0);
      expectClose(g1, e1);
    }
  });

  it('writes the gradient formulas without the 1s and 0s of the raw derivative', async () => {
    expect((await compileExpression('x0^2 + x1^2')).gradFormula).toEqual(['2 * x0', '2 * x1']);
    expect((await compileExpression('x*y')).gradFormula).toEqual(['x1', 'x0']);
    expect((await compileExpression('atan2(y, x)')).gradFormula).toEqual([
      '-x1 / (x1 ^ 2 + x0 ^ 2)',
      'x0 / (x1 ^ 2 + x0 ^ 2)',
    ]);
  });

  it('takes the average of the one-sided slopes at kinks, as central differences do', async () => {
    expect(gradientAt(await compileExpression('abs(x0) + abs(x1)'), 0, 0)).toEqual([0, 0]);
    expect(gradientAt(await compileExpression('max(x0, x1)'), 1, 1)).toEqual([0.5, 0.5]);
    expect(gradientAt(await compileExpression('min(x0, x1)'), -1, -1)).toEqual([0.5, 0.5]);
  });

  it('does not let a singularity in x1 spoil ∂/∂x0', async () => {
    // sqrt(abs(x1)) has no slope at x1 = 0 (±∞ from either side) but does not move with x0
    expect(gradientAt(await compileExpression('sqrt(abs(x1)) + x0'), 2, 0)).toEqual([1, NaN]);
  });
});

describe('compileExpression: rejected input', () => {
  const DECIMAL = '; write decimal numbers such as 1.5 or 2e-3';
  const FUNCTION_LIST =
    '; use sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, exp, log, log10, log2, sqrt, cbrt, abs, sign, floor, ' +
    'ceil, round, atan2, pow, min, max, hypot';
  const cases: [string, string, number][] = [
    ['', 'expression is empty', 1],
    ['  \t ', 'expression is empty', 1],
    ['# only a comment', 'expression is empty', 1],
    ['constructor.constructor("return process")()', 'value expected at column 43', 43],
    ['constructor.constructor("return process")(1)', 'property access is not allowed at column 12', 12],
    ['require("fs")', `unknown function "require" at column 1${FUNCTION_LIST}`, 1],
    ['evaluate("1")', `unknown function "evaluate" at column 1${FUNCTION_LIST}`, 1],
    ['import({})', `unknown function "import" at column 1${FUNCTION_LIST}`, 1],
    ['createUnit("foo")', `unknown function "createUnit" at column 1${FUNCTION_LIST}`, 1],
    ['x0 = 1', 'assignment is not allowed at column 4', 4],
    ['f(x) = x', 'defining functions is not allowed at column 6', 6],
    ['[1,2]', 'matrices are not allowed at column 1', 1],
    ['{a:1}', 'objects are not allowed at column 1', 1],
    ['"abc"', 'strings are not allowed at column 1', 1],
    ["x0 + 'abc'", 'strings are not allowed at column 6', 6],
    ['x0.y', 'property access is not allowed at column 3', 3],
    ['1.5 + x0?.y', 'property access is not allowed at column 9', 9],
    ['x0[1]', 'indexing is not allowed at column 3', 3],
    ['1;2', 'only one expression is allowed at column 2; remove ";" and line breaks', 2],
    ['x0\nx1', 'only one expression is allowed at column 3; remove ";" and line breaks', 3],
    ['x0 ? 1 : 2', 'operator "?" is not allowed at column 4; use + - * / ^', 4],
    ['1:3', 'operator ":" is not allowed at column 2; use + - * / ^', 2],
    ['x0 == 1', 'operator "==" is not allowed at column 4; use + - * / ^', 4],
    ['x0 < x1 < 2', 'operator "<" is not allowed at column 4; use + - * / ^', 4],
    ['5!', 'operator "!" is not allowed at column 2; use + - * / ^', 2],
    ['x0 mod 2', 'operator "mod" is not allowed at column 4; use + - * / ^', 4],
    ['x0 % 2', 'operator "%" is not allowed at column 4; use + - * / ^', 4],
    ['x0 + 50%', 'operator "%" is not allowed at column 8; use + - * / ^', 8],
    ['x0%/x1', 'operator "%" is not allowed at column 3; use + - * / ^', 3],
    ['x0 and x1', 'operator "and" is not allowed at column 4; use + - * / ^', 4],
    ["x0'", 'operator "\'" is not allowed at column 3; use + - * / ^', 3],
    ['x0 .* 2', 'operator ".*" is not allowed at column 4; use + - * / ^', 4],
    ['sin(1,2)', 'sin expects 1 argument, got 2 at column 1', 1],
    ['sin(x0) + sin(1,2)', 'sin expects 1 argument, got 2 at column 11', 11],
    ['atan2(x0)', 'atan2 expects 2 arguments, got 1 at column 1', 1],
    ['pow(x0, 2, 3)', 'pow expects 2 arguments, got 3 at column 1', 1],
    ['min(x0)', 'min expects at least 2 arguments, got 1 at column 1', 1],
    ['max()', 'max expects at least 2 arguments, got 0 at column 1', 1],
    ['hypot()', 'hypot expects at least 1 argument, got 0 at column 1', 1],
    ['log(x0, 2)', 'log expects 1 argument, got 2 at column 1', 1],
    ['round(x0, 2)', 'round expects 1 argument, got 2 at column 1', 1],
    ['sinn(x0)', 'unknown function "sinn" at column 1 (did you mean "sin"?)', 1],
    ['x0 * Cos(x1)', 'unknown function "Cos" at column 6 (did you mean "cos"?)', 6],
    ['z+1', 'unknown variable "z" at column 1; use x0, x1 (or x, y), pi, e', 1],
    ['x0 + z', 'unknown variable "z" at column 6; use x0, x1 (or x, y), pi, e', 6],
    ['"z" + z', 'strings are not allowed at column 1', 1],
    ['sin + 1', 'unknown variable "sin" at column 1; sin is a function: write sin(...)', 1],
    ['x0(1 - x0)', 'x0 is not a function at column 1; write x0*(...) to multiply', 1],
    ['sin(', 'unexpected end of expression at column 5', 5],
    [')', 'value expected at column 1', 1],
    ['x0 @ 1', 'unexpected character "@" at column 4', 4],
    ['x0 +\r\n x1', 'unexpected character "\\r" at column 5', 5],
    ['  sin(x0', 'parenthesis ) expected at column 9', 9],
    ['Infinity', 'Infinity is not a finite number at column 1', 1],
    ['x0 + 1e999', '1e999 is not a finite number at column 6', 6],
    ['0x1.8x0', `hexadecimal, binary and octal numbers are not allowed at column 1${DECIMAL}`, 1],
    ['0x1.8zzz + x0', `hexadecimal, binary and octal numbers are not allowed at column 1${DECIMAL}`, 1],
    ['x0 + 0x1.8p3', `hexadecimal, binary and octal numbers are not allowed at column 6${DECIMAL}`, 6],
    ['0b101', `hexadecimal, binary and octal numbers are not allowed at column 1${DECIMAL}`, 1],
    ['x1*0o17', `hexadecimal, binary and octal numbers are not allowed at column 4${DECIMAL}`, 4],
    ['0X1F', `hexadecimal, binary and octal numbers are not allowed at column 1${DECIMAL}`, 1],
    ['2e+', 'digit expected after the exponent at column 4', 4],
    ['x0 * 2e-', 'digit expected after the exponent at column 9', 9],
    ['1e+ + x0', 'digit expected after the exponent at column 4', 4],
    ['x0 + 𝑥', 'unknown variable "𝑥" at column 6; use x0, x1 (or x, y), pi, e', 6],
    ['𝑥𝑦 * z', 'unknown variable "𝑥𝑦" at column 1; use x0, x1 (or x, y), pi, e', 1],
    ['x0 + 𝑥 + z', 'unknown variable "𝑥" at column 6; use x0, x1 (or x, y), pi, e', 6],
    ['true', 'true is not a number at column 1', 1],
    ['('.repeat(499) + 'x0' + ')'.repeat(499), 'expression is nested too deeply', 1],
    ['x'.repeat(1234), 'expression is 1234 characters long; the limit is 1000', 1001],
  ];

  it.each(cases)('%j', async (source, message, column) => {
    const error = await rejection(source);
    expect(error.message).toBe(message);
    expect(error.column).toBe(column);
    expect(error.expression).toBe(source);
    expect(error.message).not.toMatch(/\n/);
  });

  it('runs nothing while rejecting', async () => {
    const canary = globalThis as { gradplotPwned?: boolean };
    for (const source of [
      'constructor.constructor("globalThis.gradplotPwned = true")(1)',
      'evaluate("import({gradplotPwned: true}, {override: true})")',
      'x0.constructor.constructor("globalThis.gradplotPwned = true")(1)',
      '__proto__(x0) + toString(x0) + hasOwnProperty(x0)',
    ]) {
      await rejection(source);
    }
    expect(canary.gradplotPwned).toBeUndefined();
  });

  it('points at the column', async () => {
    expect((await rejection('sinn(x0)')).pointer()).toBe('  sinn(x0)\n  ^');
    expect((await rejection('x0 + z')).pointer()).toBe('  x0 + z\n       ^');
    expect((await rejection('x0\t+ z')).pointer()).toBe('  x0 + z\n       ^');
    expect((await rejection('sin(')).pointer()).toBe('  sin(\n      ^');
  });
});

describe('compileExpression: any input', () => {
  const HOSTILE = ['=', '.', '[', ']', '"', "'", ';', '!', '%', ':', '?', '{', '}', '\n', '#'];
  const TOKENS = [
    ...HOSTILE,
    ...['constructor', 'evaluate', 'x0', 'x1', 'x', 'y', 'pi', 'e', 'sin', 'atan2', 'min', 'hypot', 'log2', 'cbrt'],
    ...['(', ')', '+', '-', '*', '/', '^', ',', ' ', '1.5', '2', '0', '1e-3'],
  ];
  const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((t) => t.join(''));

  // Well-formed expressions over every function (by arity), so that compiling and differentiating get exercised
  const CALLS: [string, number][] = [
    ...'sin cos tan asin acos atan sinh cosh tanh exp log log10 log2 sqrt cbrt abs sign floor ceil round'
      .split(' ')
      .map((name): [string, number] => [name, 1]),
    ...['atan2', 'pow'].map((name): [string, number] => [name, 2]),
    ...['min', 'max', 'hypot'].map((name): [string, number] => [name, 3]),
  ];
  const { expression } = fc.letrec<{ expression: string }>((tie) => ({
    expression: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom('x0', 'x1', 'x', 'y', 'pi', 'e', '2', '1.5', '1e-3', '.5', '0'),
      tie('expression').map((a) => `-${a}`),
      tie('expression').map((a) => `(${a})`),
      fc
        .tuple(tie('expression'), fc.constantFrom(' + ', ' - ', '*', '/', '^', ' '), tie('expression'))
        .map(([a, op, b]) => a + op + b),
      fc
        .tuple(fc.constantFrom(...CALLS), fc.array(tie('expression'), { minLength: 3, maxLength: 3 }))
        .map(([[name, arity], args]) => `${name}(${args.slice(0, arity).join(', ')})`),
    ),
  }));
  // Half of them with a hostile token inserted somewhere
  const mutated = fc
    .tuple(expression, fc.option(fc.tuple(fc.nat(), fc.constantFrom(...HOSTILE)), { freq: 2 }))
    .map(([e, edit]) => {
      if (!edit) return e;
      const i = edit[0] % (e.length + 1);
      return e.slice(0, i) + edit[1] + e.slice(i);
    });

  /** Resolves to a working function, or rejects with an ExpressionError: nothing else. */
  async function compilesOrRejects(source: string): Promise<void> {
    let compiled: CompiledExpression;
    try {
      compiled = await compileExpression(source);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      expect(error.message).not.toMatch(/\n/);
      expect(error.column).toBeGreaterThanOrEqual(1);
      return;
    }
    expect(typeof compiled.f(at(0.3, -0.7))).toBe('number');
    if (compiled.grad) {
      expect(() => compiled.grad!(at(0.3, -0.7), new Float64Array(2))).not.toThrow();
    } else {
      expect(compiled.gradUnavailable).toMatch(/^[^\n]+$/);
    }
  }

  it('compiles or rejects random strings', { timeout: 30_000 }, async () => {
    const ascii = fc.string({ maxLength: 30 });
    const binary = fc.string({ unit: 'binary', maxLength: 20 });
    await fc.assert(fc.asyncProperty(ascii, compilesOrRejects), { numRuns: 1000 });
    await fc.assert(fc.asyncProperty(binary, compilesOrRejects), { numRuns: 500 });
  });

  it('compiles or rejects strings of expression tokens', { timeout: 30_000 }, async () => {
    await fc.assert(fc.asyncProperty(tokenSoup, compilesOrRejects), { numRuns: 1500 });
  });

  it('compiles or rejects expressions, some with a hostile token inserted', { timeout: 30_000 }, async () => {
    await fc.assert(fc.asyncProperty(mutated, compilesOrRejects), { numRuns: 1500 });
  });
});
