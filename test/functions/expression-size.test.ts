import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../src/functions/expression.js';
import { LIMITS } from '../../src/util/limits.js';

const at = (x0: number, x1: number) => Float64Array.of(x0, x1);
const chain = (op: string, n: number) => Array.from({ length: n }, () => 'x').join(op);
const TOO_LARGE = new RegExp(`^its exact gradient would have about [\\d,]+ nodes, more than the limit of ${LIMITS.derivativeNodes.max.toLocaleString('en-US')}; use --method central$`);

// A derivative this large is never built whole: f compiles at once, and the gradient is refused with the limit.
describe('expressions whose exact gradient grows faster than they do', () => {
  it.each([
    ['500 factors x*x*…', chain('*', 500), 1.1 ** 500],
    // x^x^x is x^(x^x): the tower from the top down.
    ['a tower x^x^… of 333', chain('^', 333), Array.from({ length: 333 }, () => 1.1).reduceRight((top, x) => x ** top)],
  ])('%s compiles at once, with f and without an exact gradient', { timeout: 10_000 }, async (_, source, value) => {
    expect(source.length).toBeLessThanOrEqual(LIMITS.expressionLength.max);
    const compiled = await compileExpression(source);
    expect(compiled.f(at(1.1, 0)) / value).toBeCloseTo(1, 12);
    expect(compiled.grad).toBeUndefined();
    expect(compiled.gradUnavailable).toMatch(TOO_LARGE);
  });

  it('keeps the exact gradient of expressions within the limit', async () => {
    const compiled = await compileExpression(chain('*', 20));
    const out = new Float64Array(2);
    compiled.grad!(at(1, 0), out);
    expect([...out]).toEqual([20, 0]);
  });
});
