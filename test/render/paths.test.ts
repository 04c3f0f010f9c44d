import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { Ajv } from 'ajv';
import { PNG } from 'pngjs';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { gradientField, type GradientFieldOptions } from '../../src/index.js';
import { render } from '../../src/render/render.js';
import { gradplot, tempDir } from '../helpers.js';
import { compiled, layers, type Layer } from './helpers.js';

const require = createRequire(import.meta.url);
const ch06: GradientFieldOptions = { fn: 'ch06', method: 'analytic', descent: [{ optimizer: 'sgd', lr: 0.95, params: {} }] };
const book = async (extra: Partial<GradientFieldOptions> = {}) =>
  gradientField({
    fn: 'ch06',
    method: 'analytic',
    descent: [
      { optimizer: 'sgd', lr: 0.95, params: {} },
      { optimizer: 'momentum', lr: 0.1, params: { momentum: 0.9 } },
      { optimizer: 'adagrad', lr: 1.5, params: {} },
      { optimizer: 'adam', lr: 0.3, params: { beta1: 0.9, beta2: 0.999 } },
    ],
    start: [[-7, 2]],
    background: 'contour',
    ...extra,
  });
const LABELS = ['SGD lr 0.95', 'Momentum lr 0.1', 'AdaGrad lr 1.5', 'Adam lr 0.3'];
const COLORS = ['#d62728', '#1f77b4', '#2ca02c', '#9467bd'];

type PathLayer = Layer & { data: { values: { path: number; optimizer: string; step: number; x0: number; x1: number; role: string | null }[] } };
const isPaths = (l: Layer): l is PathLayer => Array.isArray(l.layer) && l.layer[0]?.mark.type === 'line' && l.layer[0].encoding.color?.field === 'optimizer';
const xDomain = (spec: TopLevelSpec) => layers(spec)[1].encoding.x.scale!.domain as [number, number];
const yDomain = (spec: TopLevelSpec) => layers(spec)[1].encoding.y.scale!.domain as [number, number];

describe('descent paths on the chart', () => {
  it('are a layer of lines with a point per step, coloured by optimizer with a legend of name and lr, start and end marked', async () => {
    const { spec } = await book();
    const [paths, ...others] = layers(spec).filter(isPaths);
    expect(others).toEqual([]);
    const rows = paths.data.values;
    expect(rows).toHaveLength(4 * 31);
    expect(rows.slice(0, 2)).toMatchObject([
      { path: 1, optimizer: 'SGD lr 0.95', step: 0, x0: -7, x1: 2, f: 6.45, role: 'start', size: 110, halo: 1.2 },
      { path: 1, optimizer: 'SGD lr 0.95', step: 1, x0: -6.335, role: 'step', size: 24, halo: 0 },
    ]);
    expect(rows.filter((r) => r.role === 'end').map((r) => [r.path, r.step])).toEqual([1, 2, 3, 4].map((n) => [n, 30]));
    const [line, points, ...more] = paths.layer!;
    expect(more).toEqual([]);
    expect(line.mark).toMatchObject({ type: 'line' });
    expect(line.encoding.color).toMatchObject({ field: 'optimizer', scale: { domain: LABELS, range: COLORS }, title: ['descent', '■ start ◆ end'] });
    expect(points.mark).toMatchObject({ type: 'point', filled: true });
    expect(points.encoding.shape).toMatchObject({ field: 'role', scale: { domain: ['step', 'start', 'end'], range: ['circle', 'square', 'diamond'] } });
    expect(points.encoding.size).toEqual({ field: 'size', type: 'quantitative', scale: null });
    // The paths' colours and the contours' are separate scales, each with its legend.
    expect((spec as { resolve?: unknown }).resolve).toEqual({ scale: { color: 'independent' } });
    const { vega, warnings } = compiled(spec);
    expect(warnings).toEqual([]);
    const titles = (vega.legends ?? []).map((l) => l.title);
    expect(titles).toEqual(['f', ['descent', '■ start ◆ end']]);
  });

  it('draw one line per path: by colour, and by path number when an optimizer walks from several starts', async () => {
    const line = async (start: [number, number][]) => layers((await gradientField({ ...ch06, start, iterations: 3 })).spec).find(isPaths)!.layer![0].encoding;
    expect((await line([[-7, 2]])).detail).toBeUndefined();
    expect((await line([[-7, 2], [5, -3]])).detail).toEqual({ field: 'path', type: 'nominal' });
  });

  it('have a tooltip on each point: step, x0, x1, f and |∇f| (for the page and the spec)', async () => {
    const { spec } = await gradientField({ ...ch06, start: [[-7, 2]], iterations: 2 });
    const points = layers(spec).find(isPaths)!.layer![1] as Layer & { encoding: { tooltip: { field: string; title?: string }[] } };
    expect(points.encoding.tooltip.map((t) => t.title ?? t.field)).toEqual(['optimizer', 'step', 'x0', 'x1', 'f', '|∇f|']);
    const mags = (layers(spec).find(isPaths)!.data.values as unknown as { mag: number }[]).map((r) => r.mag);
    // |∇f| = |(x0/10, 2·x1)| at (−7, 2): √(0.49 + 16).
    expect(mags[0]).toBe(Math.hypot(0.7, 4));
  });

  it('widen the axes to show paths outside a given range, which is kept', async () => {
    const { spec, request, field } = await gradientField({ fn: 'function_2', range: [-1, 1], step: 0.5, descent: [{ optimizer: 'sgd', lr: 0.1, params: {} }], start: [[-3, 4]], iterations: 20 });
    expect(request.xrange).toEqual([-1, 1]);
    expect(field.points.count).toBe(25);
    expect(xDomain(spec)[0]).toBeLessThan(-3);
    expect(yDomain(spec)[1]).toBeGreaterThan(4);
    const without = await gradientField({ fn: 'function_2', range: [-1, 1], step: 0.5 });
    expect(xDomain(without.spec)[0]).toBeGreaterThan(-1.5);
  });

  it('grow a default range by whole steps to hold the paths', async () => {
    const { request, field } = await gradientField({ fn: 'function_2', descent: [{ optimizer: 'sgd', lr: 0.1, params: {} }], start: [[-3, 4]] });
    expect([request.xrange, request.yrange]).toEqual([[-3, 2], [-2, 4]]);
    expect([field.points.data[0], field.points.data[1]]).toEqual([-3, -2]);
  });
});

describe('--panels', () => {
  it('draws one panel per optimizer, two to a row, on the same axes, the shared data once', async () => {
    const { spec } = await book({ panels: true });
    const s = spec as unknown as { columns: number; concat: (Layer & { title: string; width: number; height: number })[]; datasets: Record<string, unknown[]>; layer?: unknown };
    expect(s.layer).toBeUndefined();
    expect(s.columns).toBe(2);
    expect(s.concat.map((p) => p.title)).toEqual(LABELS);
    // The range (20 × 10 data units, and a margin for arrows) at 320 pixels for the longer side.
    for (const p of s.concat) expect([p.width, p.height >= 150 && p.height <= 175]).toEqual([320, true]);
    expect(Object.keys(s.datasets)).toEqual(['field', 'layer0']);
    for (const [i, panel] of s.concat.entries()) {
      const panelLayers = panel.layer as unknown as Layer[];
      expect(panelLayers[0].data).toEqual({ name: 'layer0' });
      const paths = panelLayers.filter(isPaths);
      expect(paths).toHaveLength(1);
      expect(new Set(paths[0].data.values.map((r) => r.optimizer))).toEqual(new Set([LABELS[i]]));
      expect(new Set(paths[0].data.values.map((r) => r.path))).toEqual(new Set([i + 1]));
      // The optimizer keeps its colour; panel titles name it, so no path legend.
      expect(paths[0].layer![0].encoding.color).toMatchObject({ scale: { domain: LABELS, range: COLORS }, legend: null });
      // The contours' legend once, beside the end of the first row.
      expect(panelLayers[0].encoding.color.legend === null, `panel ${i}`).toBe(i !== 1);
      expect(panelLayers[1].encoding.x.scale).toEqual(s.concat[0].layer && (s.concat[0].layer as unknown as Layer[])[1].encoding.x.scale);
    }
    const { vega, warnings } = compiled(spec);
    expect(warnings).toEqual([]);
    expect((JSON.stringify(vega).match(/"title":"f"/g) ?? []).length).toBeGreaterThan(0);
  });

  it('groups every start of an optimizer in its panel, keeping the CSV path numbers', async () => {
    const { spec } = await gradientField({ ...ch06, descent: [{ optimizer: 'sgd', lr: 0.95, params: {} }, { optimizer: 'adam', lr: 0.3, params: { beta1: 0.9, beta2: 0.999 } }], start: [[-7, 2], [5, -3]], iterations: 3, panels: true });
    const concat = (spec as unknown as { concat: { layer: Layer[] }[] }).concat;
    expect(concat.map((p) => [...new Set((p.layer.find(isPaths)!.data.values).map((r) => r.path))])).toEqual([[1, 3], [2, 4]]);
  });
});

// Every FlateDecode stream of a PDF, inflated.
function streams(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/stream\r?\n/g)]
    .map((m) => {
      const start = m.index! + m[0].length;
      try {
        return inflateSync(pdf.subarray(start, text.indexOf('endstream', start))).toString('latin1');
      } catch {
        return '';
      }
    })
    .join('\n');
}

// Pixels of a clear red (the first path colour, #d62728) in an RGBA PNG.
function redPixels(png: Buffer): number {
  const { data } = PNG.sync.read(png);
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] > 180 && data[i + 1] < 80 && data[i + 2] < 80) n++;
  return n;
}

describe('paths in every format', () => {
  it('PNG: the path is drawn in red, over a chart that has no red without it', async () => {
    const options = { fn: 'function_2', range: [-3.5, 3.5], step: 0.5 } as const;
    const [withPaths, without] = await Promise.all([
      gradientField({ ...options, descent: [{ optimizer: 'sgd', lr: 0.1, params: {} }], start: [[-3, 4]], iterations: 20 }),
      gradientField(options),
    ]);
    expect(redPixels(await render(without.spec, 'png', { scale: 1 }))).toBe(0);
    expect(redPixels(await render(withPaths.spec, 'png', { scale: 1 }))).toBeGreaterThan(300);
  });

  it('PNG of panels: four panels side by side, two rows', async () => {
    const single = PNG.sync.read(await render((await book()).spec, 'png', { scale: 1 }));
    const panels = PNG.sync.read(await render((await book({ panels: true })).spec, 'png', { scale: 1 }));
    expect(panels.width).toBeGreaterThan(1.5 * 320 + 100);
    expect(panels.height).toBeGreaterThan(2 * 170);
    expect(single.width).toBeLessThan(panels.width);
  });

  it('SVG: a line and markers in each optimizer colour, and the legend', async () => {
    const svg = (await render((await book()).spec, 'svg')).toString();
    for (const color of COLORS) expect(svg).toContain(`stroke="${color}"`);
    for (const label of LABELS) expect(svg).toContain(`>${label}</text>`);
    expect(svg).toContain('>■ start ◆ end</tspan>');
  });

  it('PDF: vector paths in the first path colour', async () => {
    const pdf = await render((await book({ panels: true })).spec, 'pdf');
    expect(pdf.toString('latin1').startsWith('%PDF-')).toBe(true);
    // #d62728 as Cairo writes a colour: 214/255, 39/255, 40/255.
    expect(streams(pdf)).toMatch(/0\.839216 0\.152941 0\.156863 (rg|RG)/);
  });

  it('HTML: the page holds the paths with their tooltip (the command, which ships the page\'s scripts)', () => {
    const dir = tempDir();
    const r = gradplot(['--fn', 'ch06', '--method', 'analytic', '--descent', 'sgd:0.95,adam:0.3', '--panels', '-o', 'p.html'], { cwd: dir });
    expect(r.status).toBe(0);
    const html = readFileSync(join(dir, 'p.html'), 'utf8');
    expect(html).toContain('SGD lr 0.95');
    expect(html).toContain('Adam lr 0.3');
    // The tooltip of the path points: Vega's compiled tooltip signal names each field.
    for (const field of ['step', 'x0', 'x1', 'f']) expect(html).toContain(`\\"${field}\\": format(datum[\\"${field}\\"]`);
    expect(html).toContain('\\"|∇f|\\": format(datum[\\"mag\\"]');
  });

  const validate = new Ajv({ strict: false, allowUnionTypes: true }).compile(JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8')));
  for (const panels of [false, true]) {
    it(`.vl.json is a valid Vega-Lite spec${panels ? ' with panels' : ''}`, async () => {
      const json = JSON.parse((await render((await book({ panels })).spec, 'vl.json')).toString());
      const ok = validate(json);
      expect(validate.errors ?? [], JSON.stringify(validate.errors?.filter((e) => e.instancePath).slice(0, 5))).toEqual([]);
      expect(ok).toBe(true);
    });
  }
});
