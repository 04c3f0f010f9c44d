import { PNG } from 'pngjs';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { sampleField } from '../../src/core/field.js';
import { axis, meshgrid } from '../../src/core/grid.js';
import { quiverSpec, type ChartOptions } from '../../src/render/quiver.js';
import { render } from '../../src/render/render.js';
import { PALETTES } from '../../src/render/theme.js';
import { chart } from './helpers.js';

type Layer = { description?: string; mark?: { type: string } };
const ARROWS = ['shafts', 'heads', 'dots'];

/**
 * The spec with the marks of the layers `hide` picks made transparent (a
 * filled symbol's fill only, so its outline stays as what lies beside it):
 * the layout and legends stay as they are.
 */
function without(spec: TopLevelSpec, hide: (layer: Layer) => boolean): TopLevelSpec {
  const s = spec as unknown as { layer: Layer[] };
  const hidden = (l: Layer) => ({ ...l, mark: { ...l.mark, ...(l.mark?.type === 'point' ? { fillOpacity: 0 } : { opacity: 0 }) } });
  return { ...s, layer: s.layer.map((l) => (hide(l) ? hidden(l) : l)) } as unknown as TopLevelSpec;
}

// WCAG relative luminance and contrast ratio of two sRGB pixels.
const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = (d: Buffer, i: number) => 0.2126 * channel(d[i]) + 0.7152 * channel(d[i + 1]) + 0.0722 * channel(d[i + 2]);
const ratio = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/**
 * The contrast of the marks `pick` chooses against the pixels beside them, on
 * the PNG, with the layers above them hidden: mark pixels are those that change when the marks are made transparent; for
 * each mark pixel inside a mark (its 8 neighbours are mark pixels too), the
 * median contrast with the pixels that are not marks within 2 px (1 px of the chart). Returns those
 * medians, sorted.
 */
export async function markContrast(spec: TopLevelSpec, pick: (layer: Layer) => boolean): Promise<number[]> {
  // What is drawn over the marks is not what they are drawn on: hidden in both pictures.
  const layers = (spec as unknown as { layer: Layer[] }).layer;
  const top = layers.findLastIndex(pick);
  const above = (l: Layer) => layers.indexOf(l) > top;
  const [full, bare] = await Promise.all([render(without(spec, above), 'png', { scale: 2 }), render(without(spec, (l) => above(l) || pick(l)), 'png', { scale: 2 })]);
  const [a, b] = [PNG.sync.read(full), PNG.sync.read(bare)];
  const { width, height } = a;
  const mark = new Uint8Array(width * height);
  for (let p = 0; p < width * height; p++) {
    const i = 4 * p;
    if (Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) + Math.abs(a.data[i + 2] - b.data[i + 2]) > 12) mark[p] = 1;
  }
  const out: number[] = [];
  for (let y = 2; y < height - 2; y++) {
    for (let x = 2; x < width - 2; x++) {
      let core = true;
      for (let dy = -1; dy <= 1 && core; dy++) for (let dx = -1; dx <= 1; dx++) if (!mark[(y + dy) * width + x + dx]) core = false;
      if (!core) continue;
      const own = luminance(a.data, 4 * (y * width + x));
      const beside: number[] = [];
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) {
        const q = (y + dy) * width + x + dx;
        if (!mark[q]) beside.push(ratio(own, luminance(a.data, 4 * q)));
      }
      if (beside.length) out.push(beside.sort((p, q) => p - q)[Math.floor(beside.length / 2)]);
    }
  }
  return out.sort((p, q) => p - q);
}

/** At least 99% of the marks' inner pixels reach 3:1 against what is beside them. */
async function expectReadable(spec: TopLevelSpec, pick: (layer: Layer) => boolean) {
  const contrast = await markContrast(spec, pick);
  expect(contrast.length).toBeGreaterThan(50);
  expect(contrast[Math.floor(0.01 * contrast.length)]).toBeGreaterThanOrEqual(3);
}
const arrows = (l: Layer) => ARROWS.includes(l.description ?? '');

describe('contrast of marks against what they are drawn on (PNG pixels, ≥ 3:1)', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: arrows coloured by |∇f|, short and long`, async () => {
      await expectReadable(chart('sum_sq', { color: 'magnitude', theme }, [-2, 2], 0.5).spec, arrows);
    });

    it(`${theme}: arrows coloured by |∇f| over a heatmap, and critical points over it`, async () => {
      const { spec } = chart('himmelblau', { color: 'magnitude', background: 'heatmap', theme, withCritical: true }, [-5, 5], 0.5);
      await expectReadable(spec, arrows);
      await expectReadable(spec, (l) => l.description === 'critical');
    });

    it(`${theme}: grey arrows over a heatmap of a signed f`, async () => {
      await expectReadable(chart('xy', { background: 'heatmap', theme }, [-2, 2], 0.5).spec, arrows);
    });

    it(`${theme}: contour lines of a signed and a one-signed f`, async () => {
      for (const name of ['sin_xy', 'himmelblau']) {
        const { spec } = chart(name, { background: 'contour', theme }, name === 'sin_xy' ? [-2, 2] : [-5, 5], 0.5);
        await expectReadable(spec, (l) => l.mark?.type === 'line');
      }
    });
  }

  it('an all-equal |∇f| draws every arrow in the theme\'s arrow colour, not the end of the scale', () => {
    const g = { dim: 2, f: (x: Float64Array) => x[0] };
    const xs = axis(-2, 2, 0.5);
    const options: ChartOptions = { title: 'x0', xrange: [-2, 2], yrange: [-2, 2], step: 0.5, color: 'magnitude' };
    const { spec } = quiverSpec(sampleField(g, meshgrid(xs, xs)), options);
    const shafts = (spec as unknown as { layer: (Layer & { mark: { color?: string }; encoding: Record<string, unknown> })[] }).layer.find((l) => l.description === 'shafts')!;
    expect(shafts.mark.color).toBe(PALETTES.light.arrow);
    expect(shafts.encoding.stroke).toBeUndefined();
  });
});
