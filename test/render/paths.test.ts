import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { Ajv } from 'ajv';
import { PNG } from 'pngjs';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { gradientField, type GradientFieldOptions } from '../../src/index.js';
import { parseOptions } from '../../src/options.js';
import { computePlot } from '../../src/plot.js';
import { rectGap } from '../../src/render/path-key.js';
import { render } from '../../src/render/render.js';
import { compileChart } from '../../src/render/vega-twin.js';
import { compile as compileVegaLite } from 'vega-lite';
import { textWidth } from '../../src/render/text-width.js';
import { resolveRequest } from '../../src/request.js';
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
// The chart of the book's figure as the command draws it for a picture (no tooltips).
const bookPicture = async (extra: Record<string, unknown> = {}) => {
  const raw = { fn: 'ch06', method: 'analytic', descent: 'sgd:0.95,momentum:0.1,adagrad:1.5,adam:0.3', start: ['-7,2'], background: 'contour', ...extra };
  return { spec: (await computePlot(resolveRequest({ ...parseOptions(raw).options, out: 'chart.png' }))).quiver!.spec };
};
// Starts in the four corners of ch06's range: the paths leave no corner of the plot clear.
const CORNERS = ['-9.5,4.5', '9.5,4.5', '-9.5,-4.5', '9.5,-4.5'];
const LABELS = ['SGD lr 0.95', 'Momentum lr 0.1', 'AdaGrad lr 1.5', 'Adam lr 0.3'];
const COLORS = ['#d62728', '#1f77b4', '#2ca02c', '#9467bd'];

type Item = { px: number; py: number; x0?: number; x1?: number; shape: string; size: number; fill: string | null; stroke: string; width: number; opacity: number; path?: number; optimizer?: string; step?: number };
type PathLayer = Layer & { description: string; layer: (Layer & { description: string; data: { values: Item[] } })[] };
const isPaths = (l: Layer): l is PathLayer => (l as { description?: string }).description === 'descent paths';
const part = (paths: PathLayer, name: 'lines' | 'markers' | 'lines and markers' | 'legend') => paths.layer.find((l) => l.description === `path ${name}`);
/** Every symbol of the paths: lines, dots, markers and the legend's strokes, in the paths' data or their layers'. */
const symbols = (paths: PathLayer) => [...((paths.data?.values ?? []) as Item[]), ...paths.layer.filter((l) => l.description !== 'path legend' && l.data).flatMap((l) => l.data.values)];
const isLine = (s: Item) => s.fill === null && s.width === 1.8;
const isEnd = (s: Item) => s.size === 110;
const xDomain = (spec: TopLevelSpec) => layers(spec)[1].encoding.x.scale!.domain as [number, number];
const yDomain = (spec: TopLevelSpec) => layers(spec)[1].encoding.y.scale!.domain as [number, number];
const size = (spec: TopLevelSpec) => spec as unknown as { width: number; height: number };

/** Left, top, right and bottom of a symbol drawn as a rounded rectangle from its place (`M r,0 h… a r,r … v…`), in pixels. */
function boxRect({ px, py, shape }: Item): number[] {
  const [h, v, r] = [/h(-?[\d.]+)/, /v(-?[\d.]+)/, /a(-?[\d.]+)/].map((re) => Number(shape.match(re)![1]));
  return [px, py, px + h + 2 * r, py + v + 2 * r];
}

/** The points of an SVG path of M/L/l commands, in pixels. */
const vertices = (d: string) => [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

describe('descent paths on the chart', () => {
  it('are a line through each path and a dot at each point, in its optimizer colour, the start a square and the end a diamond', async () => {
    const { spec } = await bookPicture();
    const [paths, ...others] = layers(spec).filter(isPaths);
    expect(others).toEqual([]);
    const [xd, yd] = [xDomain(spec), yDomain(spec)];
    const { width, height } = size(spec);
    // Pixels back to data units, from a symbol's own place in pixels.
    const toData = (at: Item, [dx, dy]: number[]) => [xd[0] + ((at.px + dx) * (xd[1] - xd[0])) / width, yd[1] - ((at.py + dy) * (yd[1] - yd[0])) / height];
    // Lines, dots, markers and the legend's strokes are one mark: fewer marks draw faster.
    expect(paths.layer.map((l) => l.description)).toEqual(['path lines and markers', 'path legend']);
    const all = symbols(paths);
    const lines = all.filter(isLine);
    expect(lines.map((l) => [l.stroke, l.opacity, l.size])).toEqual(COLORS.map((c) => [c, 0.9, 4]));
    for (const l of lines) {
      const [sx, sy] = toData(l, [0, 0]);
      expect(sx).toBeCloseTo(-7, 9);
      expect(sy).toBeCloseTo(2, 9);
    }
    for (const l of lines) expect(vertices(l.shape)).toHaveLength(31);
    // SGD lr 0.95 from (−7, 2) on ∇f = (x0/10, 2·x1): (−7 + 0.665, 2 − 3.8).
    const sgd = vertices(lines[0].shape);
    expect(sgd[0]).toEqual([0, 0]);
    const [x, y] = toData(lines[0], sgd[1]);
    expect(x).toBeCloseTo(-6.335, 3);
    expect(y).toBeCloseTo(-1.8, 3);
    // The 29 dots between start and end: one symbol a path, each dot a round cap on a line of no length.
    const dots = all.filter((s) => s.shape.includes('l0,0'));
    expect(dots.map((d) => [d.stroke, d.fill, d.shape.match(/l0,0/g)!.length, d.width])).toEqual(COLORS.map((c) => [c, null, 29, 2 * Math.sqrt(24 / Math.PI)]));
    expect(vertices(dots[0].shape)).toEqual(sgd.slice(1, 30));
    expect(part(paths, 'lines and markers')!.mark).toEqual({ type: 'point', strokeCap: 'round' });
    // Start and end markers, above every dot and line: the end where the line ends.
    const ends = all.filter(isEnd);
    expect(all.indexOf(ends[0])).toBeGreaterThan(all.indexOf(dots[3]));
    expect(ends.map((m) => [m.path, m.step, m.shape, m.fill, m.stroke, m.width])).toEqual(
      [1, 2, 3, 4].flatMap((n) => [[n, 0, 'square', COLORS[n - 1], 'white', 1.2], [n, 30, 'diamond', COLORS[n - 1], 'white', 1.2]]),
    );
    for (const [i, l] of lines.entries()) {
      const [ex, ey] = toData(l, vertices(l.shape)[30]);
      expect(ex).toBeCloseTo(ends[2 * i + 1].x0!, 2);
      expect(ey).toBeCloseTo(ends[2 * i + 1].x1!, 2);
      expect([ends[2 * i + 1].px, ends[2 * i + 1].py].map((v, k) => v - [l.px, l.py][k])).toEqual(vertices(l.shape)[30].map((v) => expect.closeTo(v, 2)));
    }
    // Colours and sizes are the data's own: no scale and no Vega legend of their own, only the contours' one.
    expect(part(paths, 'lines and markers')!.encoding.fill).toEqual({ field: 'fill', type: 'nominal', scale: null });
    expect((spec as { resolve?: unknown }).resolve).toBeUndefined();
    const { vega, warnings } = compiled(spec);
    expect(warnings).toEqual([]);
    expect((vega.legends ?? []).map((l) => l.title)).toEqual(['f']);
  });

  it('have a legend inside the plot, on a box in the corner clear of every path, naming every optimizer with its lr, in order, in its colour', async () => {
    const { spec } = await bookPicture();
    const { width, height } = size(spec);
    const paths = layers(spec).find(isPaths)!;
    const text = part(paths, 'legend')!.data.values as unknown as { text: string; px: number; py: number; weight: string }[];
    expect(text.map((t) => [t.text, t.weight])).toEqual([['descent', 'bold'], ['■ start ◆ end', 'bold'], ...LABELS.map((l) => [l, 'normal'])]);
    const all = symbols(paths);
    const strokes = all.filter((s) => s.width === 2.5);
    expect(strokes.map((s) => s.stroke)).toEqual(COLORS);
    expect(strokes.map((s) => s.py)).toEqual(text.slice(2).map((t) => t.py));
    // The box: the chart's background, opaque, with a thin grey edge, above every path and under the legend's strokes.
    const box = all.find((s) => s.fill === 'white')!;
    expect([box.stroke, box.opacity, box.width]).toEqual(['#cccccc', 1, 1]);
    expect(all.indexOf(box)).toBe(all.indexOf(strokes[0]) - 1);
    expect(all.indexOf(box)).toBeGreaterThan(Math.max(...all.filter(isEnd).map((e) => all.indexOf(e))));
    // The box inside the plot, holding every line of text and stroke.
    const [left, top, right, bottom] = boxRect(box);
    expect([left >= 0, right <= width, top >= 0, bottom <= height]).toEqual([true, true, true, true]);
    for (const t of text) expect([t.px > left, t.px + textWidth(t.text, t.weight === 'bold' ? 11 : 10, t.weight === 'bold') < right, t.py > top, t.py < bottom], t.text).toEqual([true, true, true, true]);
    for (const s of strokes) expect([s.px - 5 > left, s.py > top, s.py < bottom]).toEqual([true, true, true]);
    // Nothing of any path under it: every line's segments, and its points, at least 8 pixels away.
    const marks = all.filter((s) => isLine(s) || isEnd(s) || s.shape.includes('l0,0')).flatMap((s) => (s.shape.startsWith('M') ? vertices(s.shape) : [[0, 0]]).map(([x, y]) => [s.px + x, s.py + y]));
    for (const l of all.filter(isLine)) {
      const v = vertices(l.shape).map(([x, y]) => [l.px + x, l.py + y]);
      for (let k = 1; k < v.length; k++) expect(rectGap(left, top, right, bottom, Float64Array.from([...v[k - 1], ...v[k]]))).toBeGreaterThanOrEqual(8);
    }
    for (const [x, y] of marks) expect(rectGap(left, top, right, bottom, Float64Array.from([x, y, x, y]))).toBeGreaterThanOrEqual(8);
    // So the picture is no wider than without paths.
    const picture = async (extra: Record<string, unknown>) => PNG.sync.read(await render((await bookPicture(extra)).spec, 'png', { scale: 1 }));
    const without = PNG.sync.read(await render((await computePlot(resolveRequest({ ...parseOptions({ fn: 'ch06', method: 'analytic', background: 'contour' }).options, out: 'chart.png' }))).quiver!.spec, 'png', { scale: 1 }));
    expect((await picture({})).width).toBe(without.width);
  });

  it('keep their legend off the critical points too', async () => {
    // A path that stays near its start, at the upper left; the minimum, at (8, −4), in the lower right corner.
    const place = async (critical: boolean) => {
      const raw = { expr: '(x0-8)^2 + (x1+4)^2', xrange: '-10,10', yrange: '-5,5', descent: 'sgd:0.001', start: ['-7,2'], iterations: '3', critical };
      const { spec } = (await computePlot(resolveRequest({ ...parseOptions(raw).options, out: 'chart.png' }))).quiver!;
      const text = part(layers(spec).find(isPaths)!, 'legend')!.data.values as unknown as { px: number; py: number }[];
      return [text[0].px > size(spec).width / 2, text[0].py > size(spec).height / 2];
    };
    // Right, and down, or not.
    expect(await place(false)).toEqual([true, true]);
    expect(await place(true)).toEqual([true, false]);
  });

  it('have a legend beside the plot, below the other legends, when every corner of the plot has a path in it', async () => {
    const legendOf = async (extra: Record<string, unknown>) => {
      const { spec } = await bookPicture({ start: CORNERS, ...extra });
      const paths = layers(spec).find(isPaths)!;
      const text = part(paths, 'legend')!.data.values as unknown as { text: string; px: number; py: number; color: string; weight: string }[];
      const strokes = symbols(paths).filter((s) => s.width === 2.5);
      return { spec, text, strokes };
    };
    const { spec, text, strokes } = await legendOf({});
    const { width, height } = size(spec);
    expect(text.map((t) => [t.text, t.weight])).toEqual([['descent', 'bold'], ['■ start ◆ end', 'bold'], ...LABELS.map((l) => [l, 'normal'])]);
    expect(text.every((t) => t.px > width)).toBe(true);
    expect(strokes.map((s) => s.stroke)).toEqual(COLORS);
    // Under the contours' legend, its last row at the plot's bottom; at the top when it is the only legend.
    expect(Math.max(...text.map((t) => t.py))).toBeCloseTo(height - 6.5, 6);
    const alone = await legendOf({ background: 'none' });
    expect(alone.text[0].py).toBe(6.5);
    // Each label on its stroke's row, right of its stroke.
    expect(alone.strokes.map((s) => s.py)).toEqual(alone.text.slice(2).map((t) => t.py));
    for (const [i, s] of alone.strokes.entries()) expect([s.px > size(alone.spec).width, s.px < alone.text[i + 2].px]).toEqual([true, true]);
    // The dark theme's legend colours.
    const dark = await legendOf({ theme: 'dark' });
    expect(dark.text.map((t) => t.color)).toEqual(['#e8e8e8', '#e8e8e8', ...LABELS.map(() => '#b8b8b8')]);
  });

  it('draw one line per path, each start with its own', async () => {
    const lines = async (start: string[]) => symbols(layers((await bookPicture({ descent: 'sgd:0.95,momentum:0.1', start, iterations: '3' })).spec).find(isPaths)!).filter(isLine);
    expect((await lines(['-7,2'])).map((l) => l.stroke)).toEqual([COLORS[0], COLORS[1]]);
    const [a, b, c, d] = await lines(['-7,2', '5,-3']);
    expect([a, b, c, d].map((l) => l.stroke)).toEqual([COLORS[0], COLORS[1], COLORS[0], COLORS[1]]);
    expect([a.px, a.py]).toEqual([b.px, b.py]);
    expect([c.px, c.py]).toEqual([d.px, d.py]);
    expect(c.px).toBeGreaterThan(a.px);
    // With tooltips, a line mark through each path's rows, in step order.
    const page = layers((await gradientField({ ...ch06, start: [[-7, 2], [5, -3]], iterations: 3 })).spec).find(isPaths)!;
    expect(part(page, 'lines')!.mark).toMatchObject({ type: 'line', strokeWidth: 1.8, opacity: 0.9 });
    expect(part(page, 'lines')!.encoding).toMatchObject({ detail: { field: 'path' }, order: { field: 'step' }, stroke: { field: 'fill', scale: null } });
  });

  it('have a tooltip on each point: step, x0, x1, f and |∇f| (for the page and the spec), each dot then a symbol of its own', async () => {
    const { spec } = await gradientField({ ...ch06, start: [[-7, 2]], iterations: 2 });
    const paths = layers(spec).find(isPaths)!;
    const markers = part(paths, 'markers')! as unknown as Layer & { encoding: { tooltip: { field: string; title?: string }[] } };
    expect(markers.encoding.tooltip.map((t) => t.title ?? t.field)).toEqual(['optimizer', 'step', 'x0', 'x1', 'f', '|∇f|']);
    // Each point a row of the paths' data, in order (a page filters them by step); start and end markers drawn above the dots.
    const rows = (paths as unknown as { data: { values: (Item & { mag: number })[] } }).data.values;
    expect(rows.map((m) => [m.step, m.shape, m.size])).toEqual([[0, 'square', 110], [1, 'circle', 24], [2, 'diamond', 110]]);
    expect(markers.data).toBeUndefined();
    expect(markers.encoding).toMatchObject({ order: { field: 'size', type: 'quantitative' } });
    // The lines without tooltips.
    expect(part(paths, 'lines')!.encoding.tooltip).toBeUndefined();
    // |∇f| = |(x0/10, 2·x1)| at (−7, 2): √(0.49 + 16).
    expect(rows[0].mag).toBe(Math.hypot(0.7, 4));
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
      const points = symbols(paths[0]).filter((s) => s.step !== undefined);
      expect(new Set(points.map((r) => r.optimizer))).toEqual(new Set([LABELS[i]]));
      expect(new Set(points.map((r) => r.path))).toEqual(new Set([i + 1]));
      // The optimizer keeps its colour; panel titles name it, so no path legend.
      expect(new Set(symbols(paths[0]).map((r) => (r.fill === null ? r.stroke : r.fill)))).toEqual(new Set([COLORS[i]]));
      expect(part(paths[0], 'legend')).toBeUndefined();
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
    expect(concat.map((p) => [...new Set(symbols(p.layer.find(isPaths)!).flatMap((r) => r.path ?? []))])).toEqual([[1, 3], [2, 4]]);
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

  it('PNG, SVG and PDF: a picture drawn in this process (the paths given to Vega as they are) is the one its spec read back gives (all through Vega-Lite)', async () => {
    // The legend beside the plot too, which widens the picture.
    const beside = (await bookPicture({ start: CORNERS })).spec;
    expect((await render(beside, 'png', { scale: 1 })).equals(await render(JSON.parse(JSON.stringify(beside)) as TopLevelSpec, 'png', { scale: 1 }))).toBe(true);
    const { spec } = await bookPicture();
    const copy = JSON.parse(JSON.stringify(spec)) as TopLevelSpec;
    expect((await render(spec, 'png', { scale: 1 })).equals(await render(copy, 'png', { scale: 1 }))).toBe(true);
    expect((await render(spec, 'pdf')).equals(await render(copy, 'pdf'))).toBe(true);
    // SVG names each mark in a class: Vega-Lite's names, or the paths' own.
    const [direct, compiled] = [(await render(spec, 'svg')).toString(), (await render(copy, 'svg')).toString()];
    expect(direct).toContain('role-mark path_symbols"');
    expect(direct).toContain('role-mark path_legend"');
    expect(direct.replace(/ path_(symbols|legend)"/g, '"')).toBe(compiled.replace(/ layer_\d+_layer_\d+_marks"/g, '"'));
    // Vega-Lite compiles none of the paths' layers for the picture: their marks are the paths' own.
    const layerCount = (vega: { marks?: { name?: string }[] }) => (vega.marks ?? []).map((m) => m.name);
    expect(layerCount(compileChart(compileVegaLite, spec)).slice(-2)).toEqual(['path_symbols', 'path_legend']);
    expect(layerCount(compileChart(compileVegaLite, copy)).slice(-2)).toEqual(['layer_4_layer_0_marks', 'layer_4_layer_1_marks']);
  });

  it('PNG of panels: four panels side by side, two rows', async () => {
    const single = PNG.sync.read(await render((await book()).spec, 'png', { scale: 1 }));
    const panels = PNG.sync.read(await render((await book({ panels: true })).spec, 'png', { scale: 1 }));
    expect(panels.width).toBeGreaterThan(1.5 * 320 + 100);
    expect(panels.height).toBeGreaterThan(2 * 170);
    expect(single.width).toBeLessThan(panels.width);
  });

  it('SVG: a line and markers in each optimizer colour, and the legend naming every optimizer with its lr, in order', async () => {
    for (const { spec } of [await book(), await bookPicture()]) {
      const svg = (await render(spec, 'svg')).toString();
      for (const color of COLORS) expect(svg).toContain(`stroke="${color}"`);
      for (const color of COLORS) expect(svg).toContain(`fill="${color}"`);
      const at = ['descent', '■ start ◆ end', ...LABELS].map((text) => svg.indexOf(`>${text}</text>`));
      expect(at.every((i) => i > 0)).toBe(true);
      expect(at).toEqual([...at].sort((a, b) => a - b));
    }
  });

  it('SVG of the page\'s spec (tooltips) over contours: each path a line through its points', async () => {
    const svg = (await render((await book()).spec, 'svg')).toString();
    const lines = [...svg.matchAll(/<path ([^>]*)stroke="(#[0-9a-f]{6})" stroke-width="1.8"/g)].map((m) => [m[2], /d="M[^"]*L/.test(m[1])]);
    expect(lines).toEqual(COLORS.map((c) => [c, true]));
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
