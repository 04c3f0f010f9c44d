import * as vega from 'vega';
import { describe, expect, it, vi } from 'vitest';
import { chart } from './helpers.js';
import { compile } from 'vega-lite';

async function fresh() {
  vi.resetModules();
  return (await import('../../src/render/reused-expressions.js')).reusedExpressions;
}

// Vega's own code generator, with each maker counted.
function countedVega() {
  const own = vega.runtimeContext({ events: () => undefined } as never, {} as never, undefined as never) as unknown as { expr: Record<string, unknown> & { codegen: Record<string, unknown> } };
  const spy = <T extends object>(o: T, name: keyof T) => vi.spyOn(o, name as never);
  const counts = { parameter: spy(own.expr, 'parameter'), encode: spy(own.expr, 'encode'), get: spy(own.expr.codegen, 'get') };
  return { fake: { runtimeContext: () => own }, counts };
}

describe("reusing Vega's functions made from code", () => {
  it('makes a function once per code, and binds it to each view’s own functions', async () => {
    const reusedExpressions = await fresh();
    const { fake, counts } = countedVega();
    const expr = reusedExpressions(fake);
    const [a, b] = [{ functions: { tag: 'a' } }, { functions: { tag: 'b' } }];
    const fa = expr.parameter(a, { code: 'this.tag + datum.x' });
    const fb = expr.parameter(b, { code: 'this.tag + datum.x' });
    expect(fa({ x: 1 }, {})).toBe('a1');
    expect(fb({ x: 2 }, {})).toBe('b2');
    expect(expr.parameter(a, { code: 'datum.x * 2' })({ x: 3 }, {})).toBe(6);
    expect(counts.parameter).toHaveBeenCalledTimes(2);
  });

  it('makes an encoder once per marktype and channels', async () => {
    const reusedExpressions = await fresh();
    const { fake, counts } = countedVega();
    const expr = reusedExpressions(fake);
    const encode = { marktype: 'symbol', channels: { x: { code: 'datum.a' }, size: { code: '4' } } };
    const items = [{ datum: { a: 7 } }, { datum: { a: 8 } }] as Record<string, unknown>[];
    for (const item of items) expect(expr.encode({ functions: {} }, structuredClone(encode))(item, {})).toBe(1);
    expect(items.map(({ x, size }) => [x, size])).toEqual([[7, 4], [8, 4]]);
    expr.encode({ functions: {} }, { marktype: 'rect', channels: encode.channels });
    expect(counts.encode).toHaveBeenCalledTimes(2);
    expect(expr.codegen.get(['a', 'b'])).toBe(expr.codegen.get(['a', 'b']));
    expect(expr.codegen.get(['a', 'b'])({ a: { b: 5 } })).toBe(5);
    expect(counts.get).toHaveBeenCalledTimes(1);
  });

  it('draws the same SVG as Vega’s own, chart after chart', async () => {
    const reusedExpressions = await fresh();
    const svg = async (spec: object, expr?: object) => {
      const view = new vega.View(vega.parse(compile(spec as never).spec), { renderer: 'none', ...(expr ? { expr } : {}) } as vega.ViewOptions);
      const text = await view.toSVG();
      view.finalize();
      vega.resetSVGDefIds();
      return text;
    };
    for (const spec of [chart('xy').spec, chart('himmelblau', { color: 'magnitude', background: 'heatmap' }).spec, chart('xy').spec]) {
      expect(await svg(spec, reusedExpressions(vega))).toBe(await svg(spec));
    }
  });
});
