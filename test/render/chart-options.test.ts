import { describe, expect, it } from 'vitest';
import { FILL } from '../../src/render/arrows.js';
import { keyValue } from '../../src/render/key.js';
import { PALETTES } from '../../src/render/theme.js';
import { chart, compiled, layers } from './helpers.js';

describe('--color', () => {
  it('magnitude: heads and dots fill, shafts stroke from |∇f| on viridis (its part that reads on white) over [0, max |∇f|], one gradient legend titled |∇f|', () => {
    const { spec, arrows } = chart('sum_sq', { color: 'magnitude' });
    const [shaft, head, dot] = layers(spec);
    const max = Math.max(...arrows.map((a) => a.mag));
    for (const layer of [head, dot]) {
      expect(layer.encoding.fill).toMatchObject({ field: 'mag', title: '|∇f|', scale: { type: 'linear', scheme: { name: 'viridis', extent: [0, 0.58] }, domain: [0, max] } });
      expect(layer.mark.color).toBeUndefined();
    }
    expect(shaft.encoding.stroke).toMatchObject({ field: 'shaftMag', legend: null, scale: { scheme: { name: 'viridis', extent: [0, 0.58] }, domain: [0, max] } });
    const { vega, warnings } = compiled(spec);
    expect(warnings).toEqual([]);
    expect(vega.legends).toHaveLength(1);
    // A legend fed by fill alone is drawn as a gradient.
    expect(vega.legends![0]).toMatchObject({ title: '|∇f|', fill: 'fill' });
    expect(vega.legends![0].stroke).toBeUndefined();
  });

  it('magnitude follows the length mode: √ for sqrt, symlog with decades in the legend for log', () => {
    expect(layers(chart('sum_sq', { color: 'magnitude', length: 'sqrt' }).spec)[1].encoding.fill.scale).toMatchObject({ type: 'sqrt' });
    const log = layers(chart('rosenbrock', { color: 'magnitude', length: 'log' }, [-2, 2]).spec)[1].encoding.fill;
    expect(log.scale).toMatchObject({ type: 'symlog' });
    expect(log.legend).toMatchObject({ values: [0, 1, 10, 100, 1000] });
  });

  it('a CSS colour paints every arrow; the default is the book\'s grey, a light grey on the dark theme', () => {
    for (const layer of layers(chart('xy', { color: 'steelblue' }).spec)) expect(layer.mark.color).toBe('steelblue');
    for (const layer of layers(chart('xy').spec)) expect(layer.mark.color).toBe('#666666');
    for (const layer of layers(chart('xy', { theme: 'dark' }).spec)) expect(layer.mark.color).toBe(PALETTES.dark.arrow);
  });
});

describe('the default chart', () => {
  it('is the same with every new option at its default', () => {
    const plain = chart('xy');
    const explicit = chart('xy', { length: 'linear', pivot: 'tail', background: 'none', theme: 'light', key: false, critical: undefined });
    expect(explicit.spec).toEqual(plain.spec);
    expect(layers(plain.spec).map((l) => l.mark.type)).toEqual(['rule', 'point', 'point']);
  });
});

describe('--length and --normalize', () => {
  it('say how length follows |∇f| in the subtitle, nothing for linear', () => {
    const subtitle = (length: 'linear' | 'sqrt' | 'log' | 'none') => (chart('xy', { length }).spec as { title: { subtitle: string } }).title.subtitle;
    expect(subtitle('linear')).toBe('arrows: −∇f (descent)');
    expect(subtitle('sqrt')).toBe('arrows: −∇f (descent) · length ∝ √|∇f|');
    expect(subtitle('log')).toBe('arrows: −∇f (descent) · length ∝ ln(1 + |∇f|)');
    expect(subtitle('none')).toBe('arrows: −∇f (descent) · direction only');
  });

  it('none draws every non-zero arrow FILL of a cell long', () => {
    const { arrows } = chart('xy', { length: 'none' });
    for (const a of arrows) expect(Math.hypot(a.tx - a.ax, a.ty - a.ay)).toBeCloseTo(a.mag > 0 ? FILL * 0.25 : 0, 12);
  });
});

describe('--background', () => {
  it('heatmap: a clipped rect layer under the arrows, f at each cell centre, 4 cells per grid cell (at least 3 px each)', () => {
    const { spec } = chart('sum_sq', { background: 'heatmap' });
    const [heat, shaft] = layers(spec);
    expect([heat.mark.type, shaft.mark.type]).toEqual(['rect', 'rule']);
    expect(heat.mark).toMatchObject({ clip: true });
    expect(heat.encoding.color).toMatchObject({ field: 'f', title: 'f' });
    const rows = heat.data!.values as { x: number; y: number; f: number }[];
    const domain = shaft.encoding.x.scale!.domain as number[];
    const n = Math.sqrt(rows.length);
    expect(n).toBe(Math.ceil((4 * (domain[1] - domain[0])) / 0.25));
    const dx = (domain[1] - domain[0]) / n;
    expect(rows[0].x).toBeCloseTo(domain[0], 5);
    // f is sampled at the centre of each cell.
    for (const r of rows.filter((_, i) => i % 97 === 0)) expect(r.f).toBeCloseTo((r.x + dx / 2) ** 2 + (r.y + dx / 2) ** 2, 2);
    expect(compiled(spec).warnings).toEqual([]);
  });

  it('contour: lines of f at round levels (d3 ticks) inside its extent, each point on its level, with a legend titled f', () => {
    const { spec } = chart('sum_sq', { background: 'contour' });
    const [lines] = layers(spec);
    expect(lines.mark.type).toBe('line');
    expect(lines.encoding).toMatchObject({ detail: { field: 'line' }, order: { field: 'i' }, color: { field: 'level', title: 'f' } });
    const rows = lines.data!.values as { level: number; x: number; y: number }[];
    expect([...new Set(rows.map((r) => r.level))]).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // Linear interpolation on a fine grid: every point within 1% of its level.
    for (const r of rows) expect(Math.abs(r.x ** 2 + r.y ** 2 - r.level)).toBeLessThan(0.01 * Math.max(1, r.level));
    expect(compiled(spec).warnings).toEqual([]);
  });
});

describe('--critical', () => {
  it('marks each point above the arrows with a shape per kind, a legend of the kinds present and a tooltip', () => {
    const { spec, critical } = chart('himmelblau', { withCritical: true }, [-5, 5], 0.5);
    const all = layers(spec);
    const markers = all[all.length - 1];
    expect(markers.data!.values).toEqual(critical);
    expect(markers.encoding.shape).toMatchObject({ field: 'kind', title: 'critical point', scale: { domain: ['minimum', 'maximum', 'saddle'], range: ['circle', 'triangle-up', 'cross'] } });
    const { vega, warnings } = compiled(spec);
    expect(warnings).toEqual([]);
    expect(vega.legends!.map((l) => l.title)).toEqual(['critical point']);
    expect(layers(chart('sum_sq', { withCritical: true }).spec).at(-1)!.encoding.shape.scale).toMatchObject({ domain: ['minimum'] });
  });
});

describe('--key', () => {
  it('shows the largest 1, 2 or 5 × 10^k up to max |∇f| whose arrow fits a third of the width, above the plot', () => {
    const { spec, arrows } = chart('xy', { key: true });
    const width = (spec as { width: number }).width;
    const key = layers(spec).at(-1)!;
    const [rule, head, label] = key.layer!;
    expect(key.data!.values).toEqual([{ label: '|∇f| = 2' }]);
    // The key's arrow is as long as a drawn arrow of |∇f| = 2: the arrow at (2, 0).
    const two = arrows.find((a) => a.x0 === 2 && a.x1 === 0)!;
    const px = Math.hypot(two.tx - two.ax, two.ty - two.ay) * (width / ((layers(spec)[0].encoding.x.scale!.domain as number[])[1] - (layers(spec)[0].encoding.x.scale!.domain as number[])[0]));
    expect(width - (rule.encoding.x.value as number)).toBeCloseTo(px, 9);
    expect(head.encoding.x.value).toBe(width);
    expect(rule.encoding.y.value).toBeLessThan(0);
    expect(label.encoding.text).toEqual({ field: 'label' });
    expect(compiled(spec).warnings).toEqual([]);
  });

  it('picks smaller values for long arrows and has no key for direction only or an all-zero field', () => {
    const base = { length: 'linear' as const, pixelsPerUnit: 100, width: 480, color: '#666', ink: '#333' };
    expect(keyValue({ ...base, scale: 0.1, maxMag: 37 })).toEqual({ value: 10, px: 100 });
    expect(keyValue({ ...base, scale: 0.1, maxMag: 7 })).toEqual({ value: 5, px: 50 });
    expect(keyValue({ ...base, scale: 1, maxMag: 7 })).toEqual({ value: 1, px: 100 });
    expect(keyValue({ ...base, length: 'sqrt', scale: 0.1, maxMag: 400 })).toEqual({ value: 200, px: 10 * Math.sqrt(200) });
    expect(keyValue({ ...base, length: 'none', scale: 0.1, maxMag: 7 })).toBeUndefined();
    expect(keyValue({ ...base, scale: 0, maxMag: 0 })).toBeUndefined();
  });
});

describe('--width and --height', () => {
  const size = (spec: unknown) => [(spec as { width: number }).width, (spec as { height: number }).height];

  it('alone, fix one side and let the other follow the ranges; together, fix both', () => {
    const domainSpan = (spec: unknown, axis: 'x' | 'y') => {
      const d = layers(spec as never)[0].encoding[axis].scale!.domain as number[];
      return d[1] - d[0];
    };
    const wide = chart('xy', { width: 600 }, [-2, 2]);
    expect(size(wide.spec)[0]).toBe(600);
    expect(size(wide.spec)[1]).toBe(Math.round((600 * domainSpan(wide.spec, 'y')) / domainSpan(wide.spec, 'x')));
    expect(size(chart('xy', { height: 300 }).spec)[1]).toBe(300);
    expect(size(chart('xy', { width: 640, height: 280 }).spec)).toEqual([640, 280]);
  });

  it('together, still hold every arrow inside the domain', () => {
    const { spec, arrows } = chart('xy', { width: 640, height: 200, arrowScale: 0.3 });
    const [xd, yd] = ['x', 'y'].map((a) => layers(spec)[0].encoding[a].scale!.domain as number[]);
    for (const a of arrows) {
      for (const x of [a.ax, a.tx]) expect(x >= xd[0] && x <= xd[1]).toBe(true);
      for (const y of [a.ay, a.ty]) expect(y >= yd[0] && y <= yd[1]).toBe(true);
    }
  });
});

describe('--theme', () => {
  it('dark: a dark ground, light text and axes, arrows in light grey', () => {
    const { spec } = chart('xy', { theme: 'dark' });
    const s = spec as unknown as { background: string; config: { axis: Record<string, string>; title: Record<string, string> } };
    expect(s.background).toBe(PALETTES.dark.background);
    expect(s.config.axis).toMatchObject({ labelColor: '#b8b8b8', titleColor: '#e8e8e8', gridColor: '#34343a', domainColor: '#77777f', tickColor: '#77777f' });
    expect(s.config.title).toMatchObject({ color: '#e8e8e8', subtitleColor: '#b8b8b8' });
    expect(compiled(spec).warnings).toEqual([]);
  });
});

describe('everything at once', () => {
  it('compiles without a Vega-Lite warning, with one legend each for f, |∇f| and the critical points', () => {
    for (const background of ['heatmap', 'contour'] as const) {
      const { spec } = chart('himmelblau', { color: 'magnitude', background, withCritical: true, key: true, length: 'sqrt', pivot: 'middle', theme: 'dark' }, [-5, 5], 0.5);
      const { vega, warnings } = compiled(spec);
      expect(warnings).toEqual([]);
      expect(vega.legends!.map((l) => l.title).sort()).toEqual(['critical point', 'f', '|∇f|']);
    }
  });
});
