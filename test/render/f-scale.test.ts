import { scheme } from 'vega-scale';
import { describe, expect, it } from 'vitest';
import { sampleField } from '../../src/core/field.js';
import { axis, meshgrid } from '../../src/core/grid.js';
import { InputError } from '../../src/errors.js';
import type { ScalarFunction } from '../../src/functions/types.js';
import { contourLevels } from '../../src/render/background.js';
import { COLORMAPS } from '../../src/chart-kinds.js';
import { fExtent, fScale } from '../../src/render/f-scale.js';
import { quiverSpec, type ChartOptions } from '../../src/render/quiver.js';
import { chart, compiled, layers } from './helpers.js';

const fn = (f: (a: number, b: number) => number): ScalarFunction => ({ dim: 2, f: (x) => f(x[0], x[1]) });

/** The chart of `f` on [min, max]², step 0.25. */
function chartOf(f: (a: number, b: number) => number, [min, max]: [number, number], options: Partial<ChartOptions> = {}) {
  const g = fn(f);
  const xs = axis(min, max, 0.25);
  return quiverSpec(sampleField(g, meshgrid(xs, xs)), { title: 't', xrange: [min, max], yrange: [min, max], step: 0.25, fn: g, ...options });
}
const colorOf = (spec: unknown) => layers(spec as never)[0].encoding.color as { scale: Record<string, unknown>; legend: Record<string, unknown> };

describe('the colour scale of f', () => {
  it('exp(x0·x1) on [-3, 3]² spans 8 decades: a log scale over f\'s real extent, legend at powers of ten', () => {
    const { spec } = chartOf((a, b) => Math.exp(a * b), [-3, 3], { background: 'heatmap' });
    const { scale, legend } = colorOf(spec);
    expect(scale).toMatchObject({ type: 'log', scheme: 'viridis', clamp: true });
    const domain = scale.domain as number[];
    // The data's extent over the grid's ranges, not the padded plot area's (e^±9 at the corners).
    expect(domain[0]).toBeCloseTo(Math.exp(-9), 3);
    expect(domain[0]).toBeGreaterThanOrEqual(Math.exp(-9));
    expect(domain[1]).toBeLessThanOrEqual(Math.exp(9));
    expect(domain[1]).toBeGreaterThan(0.9 * Math.exp(9));
    expect(legend.values).toEqual([0.001, 0.1, 10, 1000]);
    expect(compiled(spec).warnings).toEqual([]);
  });

  it('x0·x1 on [-2, 2]² is signed: diverging blueorange centred on 0, domain the data\'s ±4, not the padding\'s', () => {
    const { spec } = chart('xy', { background: 'heatmap' });
    const { scale } = colorOf(spec);
    expect(scale).toMatchObject({ type: 'linear', scheme: 'blueorange', domainMid: 0 });
    const [lo, hi] = scale.domain as number[];
    expect(lo).toBeGreaterThanOrEqual(-4);
    expect(hi).toBeLessThanOrEqual(4);
    expect(lo).toBeLessThan(-3.9);
    expect(hi).toBeGreaterThan(3.9);
    const { vega, warnings } = compiled(spec);
    expect(warnings).toEqual([]);
    expect(vega.legends![0]).toMatchObject({ fill: 'color' });
  });

  it('one-signed f without decades: sequential viridis; greys (light, or dark on the dark theme) when the arrows are coloured by |∇f|', () => {
    expect(colorOf(chart('sum_sq', { background: 'heatmap' }).spec).scale).toMatchObject({ type: 'linear', scheme: 'viridis' });
    expect(colorOf(chart('sum_sq', { background: 'heatmap', color: 'magnitude' }).spec).scale).toMatchObject({ scheme: { name: 'greys', extent: [0, 0.55] } });
    expect(colorOf(chart('sum_sq', { background: 'heatmap', color: 'magnitude', theme: 'dark' }).spec).scale).toMatchObject({ scheme: { name: 'greys', extent: [1, 0.45] } });
  });

  it('--colormap and --color-scale override the choice; log over f ≤ 0 is refused naming the option', () => {
    const { scale } = colorOf(chart('sum_sq', { background: 'heatmap', colormap: 'magma', colorScale: 'symlog' }).spec);
    expect(scale).toMatchObject({ type: 'symlog', scheme: 'magma', constant: 1 });
    expect(colorOf(chart('xy', { background: 'heatmap', colorScale: 'linear' }).spec).scale.domainMid).toBeUndefined();
    expect(() => chart('xy', { background: 'heatmap', colorScale: 'log' })).toThrow(InputError);
    expect(() => chart('xy', { background: 'heatmap', colorScale: 'log' })).toThrow(/--color-scale: log needs f > 0 everywhere on the chart, but f reaches -4; use symlog/);
  });

  it('picks from the extent alone: diverging when signed, log or symlog when max |f| ≥ 100 × median |f|', () => {
    expect(fScale({ min: -1, max: 2, typical: 1 }).kind).toBe('diverging');
    expect(fScale({ min: 0, max: 8, typical: 2 }).kind).toBe('linear');
    expect(fScale({ min: 1e-4, max: 8000, typical: 1 }).kind).toBe('log');
    expect(fScale({ min: 0, max: 8000, typical: 1 })).toMatchObject({ kind: 'symlog', constant: 1, ticks: [0, 1, 10, 100, 1000] });
    expect(fScale({ min: -5000, max: 8000, typical: 20 })).toMatchObject({ kind: 'symlog', diverging: true, constant: 10, ticks: [-1000, -100, -10, 0, 10, 100, 1000] });
    expect(fExtent(Float64Array.of(NaN, -3, 1, 2, Infinity))).toEqual({ min: -3, max: 2, typical: 2 });
  });

  it('--colormap names only schemes Vega has', () => {
    for (const name of COLORMAPS) expect(scheme(name), name).toBeTypeOf('function');
  });
});

describe('contour levels', () => {
  it('are round (d3 ticks) inside f\'s extent, not quantiles: himmelblau every 100, x0 every 0.5', () => {
    const levelsOf = (spec: unknown) => layers(spec as never)[0].encoding.color.legend!.values as number[];
    expect(levelsOf(chart('himmelblau', { background: 'contour' }, [-5, 5], 0.5).spec)).toEqual([100, 200, 300, 400, 500, 600, 700, 800]);
    expect(levelsOf(chartOf((a) => a, [-2, 2], { background: 'contour' }).spec)).toEqual([-1.5, -1, -0.5, 0, 0.5, 1, 1.5]);
    expect(contourLevels(fScale({ min: 1e-4, max: 8103, typical: 1 }))).toEqual([0.001, 0.01, 0.1, 1, 10, 100, 1000]);
    expect(contourLevels(fScale({ min: 0.5, max: 80, typical: 10 }, 'log'))).toEqual([1, 2, 5, 10, 20, 50]);
  });

  it('of a signed f: negative lines dashed, coloured blue → grey (0) → orange, a legend entry per level with its dash', () => {
    const { spec } = chart('sin_xy', { background: 'contour' });
    const [lines] = layers(spec);
    expect(lines.encoding.strokeDash).toEqual({ condition: { test: 'datum.level < 0', value: [5, 3] }, value: [1, 0] });
    expect(lines.encoding.color.scale).toMatchObject({ domain: [expect.any(Number), 0, expect.any(Number)], range: ['#1f5a9e', '#8c8c8c', '#b3570b'] });
    const rows = lines.data!.values as { level: number }[];
    expect(new Set(rows.map((r) => r.level))).toEqual(new Set([-0.8, -0.6, -0.4, -0.2, 0, 0.2, 0.4, 0.6, 0.8]));
    const { vega, warnings } = compiled(spec);
    expect(warnings).toEqual([]);
    expect(vega.legends).toHaveLength(1);
    expect(JSON.stringify(vega.legends![0])).toContain('datum.value < 0 ? [5, 3] : [1, 0]');
  });
});
