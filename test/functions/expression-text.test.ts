import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../src/functions/expression.js';
import { ExpressionError } from '../../src/functions/expression/error.js';

describe('an expression as people read it', () => {
  it('is the formula as typed, only its spacing normalised', async () => {
    expect((await compileExpression('x0^2/20 + x1^2')).formula).toBe('x0^2/20 + x1^2');
    expect((await compileExpression('  exp(x0*x1)\n')).formula).toBe('exp(x0*x1)');
    expect((await compileExpression('x0 *\t x1  +   1')).formula).toBe('x0 * x1 + 1');
  });

  it('** (as in Python) gets a hint that ^ is the power', async () => {
    const error = await compileExpression('x0**2').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExpressionError);
    expect((error as Error).message).toBe('value expected at column 4; use ^ for powers (x0^2), not **');
  });
});
