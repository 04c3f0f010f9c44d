import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { compile } from 'vega-lite';
import { describe, expect, it, vi } from 'vitest';
import { chart } from './helpers.js';

async function freshCompileByShape() {
  vi.resetModules();
  return (await import('../../src/render/shape-compile.js')).compileByShape;
}

const vegaOf = (spec: TopLevelSpec) => compile(spec).spec;

// Charts of one shape: the same options, other functions on other ranges (other data, titles, domains).
const oneShape = [chart('xy').spec, chart('himmelblau', {}, [-4, 4], 0.5).spec, chart('sin_xy', {}, [-3, 3], 0.375).spec, chart('sum_sq', {}, [-1, 1], 0.125).spec];

describe('compiling a Vega-Lite spec once per shape', () => {
  it('gives what Vega-Lite compiles for each chart, compiling the shape once for all charts after the first', async () => {
    const compileByShape = await freshCompileByShape();
    const counted = vi.fn(vegaOf);
    const results = oneShape.map((spec) => compileByShape(spec, counted));
    results.forEach((result, i) => expect(result, `chart ${i}`).toEqual(vegaOf(oneShape[i]!)));
    // The first chart in full; the second in full and as its shape; the others from the shape.
    expect(counted).toHaveBeenCalledTimes(3);
    const last = results[3] as { data: { values?: unknown[] }[]; title: { text: string } };
    expect(last.title.text).toBe('sum_sq');
    expect(last.data[0]!.values).toBe((oneShape[3] as { data: { values: unknown[] } }).data.values);
  });

  it("gives Vega's runtime for each chart, each title put back in the code Vega generates for it", async () => {
    const compileByShape = await freshCompileByShape();
    const runtimeOf = (spec: TopLevelSpec) => vega.parse(vegaOf(spec));
    const counted = vi.fn(runtimeOf);
    const svg = async (runtime: object) => {
      const view = new vega.View(runtime as vega.Runtime, { renderer: 'none' });
      const text = await view.toSVG();
      view.finalize();
      vega.resetSVGDefIds();
      return text;
    };
    for (const spec of oneShape) {
      const runtime = compileByShape(spec, counted);
      expect(JSON.stringify(runtime)).toBe(JSON.stringify(runtimeOf(spec)));
      const text = await svg(runtime);
      expect(text).toBe(await svg(runtimeOf(spec)));
      expect(text).toContain(`>${(spec.title as { text: string }).text}</text>`);
    }
    expect(counted).toHaveBeenCalledTimes(3);
  });

  it('gives the same for one chart drawn again and again', async () => {
    const compileByShape = await freshCompileByShape();
    const spec = oneShape[0]!;
    for (let i = 0; i < 4; i++) expect(compileByShape(spec, vegaOf)).toEqual(vegaOf(spec));
  });

  it('compiles in full every time a shape whose placeholders the compiler reads', async () => {
    const compileByShape = await freshCompileByShape();
    // A compiler that measures the title, as none of ours does: its result changes with the text.
    const measuring = vi.fn((spec: TopLevelSpec) => ({ length: String((spec.title as { text: string }).text).length }));
    const results = oneShape.map((spec) => compileByShape(spec, measuring));
    expect(results).toEqual(oneShape.map((spec) => ({ length: String((spec.title as { text: string }).text).length })));
    expect(measuring).toHaveBeenCalledTimes(oneShape.length + 1);
  });

  it('keeps apart charts whose shapes differ', async () => {
    const compileByShape = await freshCompileByShape();
    const specs = [chart('xy').spec, chart('xy', { color: 'magnitude' }).spec, chart('xy').spec, chart('xy', { color: 'magnitude' }).spec, chart('xy').spec];
    for (const spec of specs) expect(compileByShape(spec, vegaOf)).toEqual(vegaOf(spec));
  });

  it('compiles charts with descent paths once per shape too, each with its own paths and legend', async () => {
    vi.resetModules();
    // One module graph: the paths' Vega twins are kept by the module that shape-compile.ts reads them from.
    const { compileByShape } = await import('../../src/render/shape-compile.js');
    const { compileChart } = await import('../../src/render/vega-twin.js');
    const { computePlot } = await import('../../src/plot.js');
    const { parseOptions } = await import('../../src/options.js');
    const { resolveRequest } = await import('../../src/request.js');
    const specs: TopLevelSpec[] = [];
    for (const [start, descent] of [['-7,2', 'sgd:0.95,adam:0.3'], ['4,3', 'sgd:0.5,adam:0.1'], ['-5,-1', 'sgd:0.9,adam:0.2'], ['3,-2', 'sgd:0.1,adam:0.5']]) {
      const raw = { fn: 'ch06', method: 'analytic', background: 'contour', descent, start: [start] };
      specs.push((await computePlot(resolveRequest({ ...parseOptions(raw).options, out: 'chart.png' }))).quiver!.spec);
    }
    const toVega = (spec: TopLevelSpec) => compileChart(compile, spec);
    const counted = vi.fn(toVega);
    specs.forEach((spec, i) => expect(compileByShape(spec, counted), `chart ${i}`).toEqual(toVega(spec)));
    expect(counted).toHaveBeenCalledTimes(3);
    const last = JSON.stringify(compileByShape(specs[3]!, counted));
    expect(last).toContain('"SGD lr 0.1"');
    expect(last).not.toContain('"SGD lr 0.5"');
  });
});
