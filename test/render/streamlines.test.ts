import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DENSITY, streamlines } from '../../src/core/streamlines.js';
import { findBuiltin } from '../../src/functions/builtins.js';
import { HEAD_PATH } from '../../src/render/arrows.js';
import type { StreamlineChart } from '../../src/render/quiver.js';
import { render } from '../../src/render/render.js';
import { DEFAULT_STREAM_WIDTH } from '../../src/chart-kinds.js';
import { chart, compiled, layers } from './helpers.js';

const STREAMLINES: StreamlineChart = { method: 'central', h: 1e-4, density: DEFAULT_DENSITY, width: DEFAULT_STREAM_WIDTH };
const lineChart = (name: string, extra: Parameters<typeof chart>[1] = {}, range?: [number, number]) =>
  chart(name, { streamlines: STREAMLINES, arrows: false, ...extra }, range);
type Head = { x0: number; x1: number; angle: number; size: number; mag: number };
type Vertex = { line: number; i: number; x0: number; x1: number };

describe('streamline layers', () => {
  it('alone: one line mark (a path per line) and arrowheads, on the grid\'s ranges exactly, no arrows', () => {
    const { spec, streamlines: lines } = lineChart('xy');
    const [line, heads] = layers(spec);
    expect(layers(spec).map((l) => l.mark.type)).toEqual(['line', 'point']);
    expect(line.mark).toMatchObject({ color: '#666666', strokeWidth: DEFAULT_STREAM_WIDTH });
    expect(line.encoding).toMatchObject({ detail: { field: 'line' }, order: { field: 'i' } });
    expect(heads.mark).toMatchObject({ shape: HEAD_PATH, color: '#666666' });
    expect(line.encoding.x.scale!.domain).toEqual([-2, 2]);
    expect(line.encoding.y.scale!.domain).toEqual([-2, 2]);
    expect((spec as { data: { values: unknown[] } }).data.values).toEqual([]);
    expect((spec as { title: { subtitle: string } }).title.subtitle).toBe('streamlines: −∇f (descent)');
    const vertices = line.data!.values as Vertex[];
    expect(new Set(vertices.map((v) => v.line)).size).toBe(lines!.length);
    // Each line from end to end, its points drawn at least a pixel apart (120 px per unit) but for the last.
    lines!.forEach((l, k) => {
      const rows = vertices.filter((v) => v.line === k);
      const n = l.points.count - 1;
      expect([rows[0].x0, rows[0].x1]).toEqual([l.points.data[0], l.points.data[1]].map((v) => Number(v.toPrecision(6))));
      expect([rows.at(-1)!.x0, rows.at(-1)!.x1]).toEqual([l.points.data[2 * n], l.points.data[2 * n + 1]].map((v) => Number(v.toPrecision(6))));
      for (let i = 1; i + 1 < rows.length; i++) expect(120 * Math.hypot(rows[i].x0 - rows[i - 1].x0, rows[i].x1 - rows[i - 1].x1)).toBeGreaterThan(0.999);
    });
    expect(compiled(spec).warnings).toEqual([]);
  });

  it('are the core\'s lines, spaced in the chart\'s own pixels (480 px for 4 units)', () => {
    const { streamlines: lines } = lineChart('himmelblau', {}, [-5, 5]);
    const direct = streamlines(findBuiltin('himmelblau')!, { xrange: [-5, 5], yrange: [-5, 5], scale: [48, 48] });
    expect(lines!.map((l) => Array.from(l.points.data))).toEqual(direct.map((l) => Array.from(l.points.data)));
  });

  it('arrowheads: about one per 70 px of line, at least one a line, on the line, pointing along the flow', () => {
    const { spec, streamlines: lines } = lineChart('sum_sq');
    const heads = layers(spec)[1].data!.values as Head[];
    const px = 120;
    let k = 0;
    for (const l of lines!) {
      const length = px * arcTo(l.points.data, Infinity, Infinity);
      const n = Math.max(1, Math.round(length / 70));
      // Evenly spread: head j sits (j + ½)/n of the way along its line.
      for (let j = 0; j < n; j++, k++) expect(px * arcTo(l.points.data, heads[k].x0, heads[k].x1)).toBeCloseTo(((j + 0.5) * length) / n, 1);
    }
    expect(heads.length).toBe(k);
    for (const h of heads) {
      // On x0² + x1² the flow points at the origin: a head at (x0, x1) turns to atan2(−x0, −x1) clockwise from up.
      const toward = (Math.atan2(-h.x0, -h.x1) * 180) / Math.PI;
      const error = Math.abs(((h.angle - toward + 540) % 360) - 180);
      expect(error).toBeLessThan(0.1);
      expect(h.size).toBe(14 ** 2);
      // On a line: the line at that angle from the origin passes within rounding of the head.
      const nearest = Math.min(...lines!.map((l) => distanceToLine(l.points.data, h.x0, h.x1)));
      expect(nearest).toBeLessThan(1e-5);
    }
  });

  it('with arrows: lines under the arrows, and the subtitle says both', () => {
    const { spec } = lineChart('xy', { arrows: true });
    expect(layers(spec).map((l) => l.mark.type)).toEqual(['line', 'point', 'rule', 'point', 'point']);
    expect((spec as { title: { subtitle: string } }).title.subtitle).toBe('arrows and streamlines: −∇f (descent)');
    expect(compiled(spec).warnings).toEqual([]);
  });

  it('--color magnitude: segments stroked by |∇f| and heads filled on the same viridis scale, one legend', () => {
    const { spec, streamlines: lines } = lineChart('sum_sq', { color: 'magnitude' });
    const [segments, heads] = layers(spec);
    expect(segments.mark.type).toBe('rule');
    expect(segments.mark).toMatchObject({ strokeCap: 'round', strokeWidth: DEFAULT_STREAM_WIDTH });
    const max = Math.max(...lines!.flatMap((l) => Array.from(l.magnitude)));
    expect(segments.encoding.stroke).toMatchObject({ field: 'shaftMag', scale: { scheme: { name: 'viridis', extent: [0, 0.58] }, domain: [0, max] }, legend: null });
    expect(heads.encoding.fill).toMatchObject({ field: 'mag', title: '|∇f|', scale: { scheme: { name: 'viridis', extent: [0, 0.58] }, domain: [0, max] } });
    // Segments join end to end along each line, each with the mean |∇f| of its ends.
    const rows = segments.data!.values as { x0: number; x1: number; x2: number; y2: number; mag: number }[];
    expect(rows.length).toBeGreaterThan(lines!.length);
    for (let i = 1; i < rows.length; i++) {
      if (rows[i].x0 === rows[i - 1].x2 && rows[i].x1 === rows[i - 1].y2) continue;
      expect(lines!.some((l) => Number(l.points.data[0].toPrecision(6)) === rows[i].x0), `segment ${i} starts a line`).toBe(true);
    }
    for (const r of rows) expect(r.mag).toBeCloseTo(2 * Math.hypot((r.x0 + r.x2) / 2, (r.x1 + r.y2) / 2), 1);
    const { vega, warnings } = compiled(spec);
    expect(warnings).toEqual([]);
    expect(vega.legends).toHaveLength(1);
  });

  it('--stream-width magnitude: width from 0.5 to 3 px over [0, max |∇f|], no legend of its own', () => {
    const { spec } = lineChart('sum_sq', { streamlines: { ...STREAMLINES, width: 'magnitude' } });
    const [segments] = layers(spec);
    expect(segments.mark.type).toBe('rule');
    expect(segments.encoding.strokeWidth).toMatchObject({ field: 'widthMag', scale: { range: [0.5, 3] }, legend: null });
    expect(compiled(spec).warnings).toEqual([]);
    // With colour by |∇f| too: still one legend, the colour's, and no conflict between them.
    const both = compiled(lineChart('sum_sq', { color: 'magnitude', streamlines: { ...STREAMLINES, width: 'magnitude' } }).spec);
    expect(both.warnings).toEqual([]);
    expect(both.vega.legends).toHaveLength(1);
  });

  it('lie over the background and under the critical points', () => {
    const { spec } = lineChart('himmelblau', { background: 'contour', withCritical: true }, [-5, 5]);
    expect(layers(spec).map((l) => l.mark.type)).toEqual(['line', 'line', 'point', 'point']);
    expect(layers(spec)[3].encoding.shape).toBeDefined();
  });

  it('render to every chart format, the same bytes twice', async () => {
    const { spec } = lineChart('xy', { color: 'magnitude' });
    for (const format of ['svg', 'pdf', 'vl.json', 'png'] as const) {
      const [a, b] = [await render(spec, format), await render(spec, format)];
      expect(a.length, format).toBeGreaterThan(1000);
      expect(a.equals(b), format).toBe(true);
    }
    // The PNG: red lines and heads, the only red on the chart, cover a few percent of it.
    const png = PNG.sync.read(await render(lineChart('xy', { color: '#ff0000' }).spec, 'png', { scale: 1 }));
    let red = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i] > 200 && png.data[i + 1] < 160 && png.data[i + 2] < 160) red++;
    expect(red / (png.width * png.height)).toBeGreaterThan(0.03);
    const svg = (await render(lineChart('xy').spec, 'svg')).toString();
    // One path per line, in the line mark's group.
    const lines = lineChart('xy').streamlines!;
    expect(svg.match(/<path[^>]*stroke-width="1.2"/g)?.length).toBe(lines.length);
  });
});

// Distance from (x, y) to a polyline of rows (x0, x1).
function distanceToLine(p: Float64Array, x: number, y: number): number {
  let min = Infinity;
  for (let i = 0; i + 3 < p.length; i += 2) {
    const [ax, ay, dx, dy] = [p[i], p[i + 1], p[i + 2] - p[i], p[i + 3] - p[i + 1]];
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
    min = Math.min(min, Math.hypot(ax + t * dx - x, ay + t * dy - y));
  }
  return min;
}

// Arc length along a polyline of rows (x0, x1) up to the point nearest (x, y); the whole length for (∞, ∞).
function arcTo(p: Float64Array, x: number, y: number): number {
  let [best, arc, at] = [Infinity, 0, 0];
  for (let i = 0; i + 3 < p.length; i += 2) {
    const [ax, ay, dx, dy] = [p[i], p[i + 1], p[i + 2] - p[i], p[i + 3] - p[i + 1]];
    const len = Math.hypot(dx, dy);
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (len * len || 1)));
    const d = Number.isFinite(x) ? Math.hypot(ax + t * dx - x, ay + t * dy - y) : 0;
    if (d < best || !Number.isFinite(x)) [best, at] = [d, arc + t * len];
    arc += len;
  }
  return Number.isFinite(x) ? at : arc;
}
