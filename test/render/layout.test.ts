import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { criticalPoints } from '../../src/core/critical.js';
import { sampleField } from '../../src/core/field.js';
import { axis, meshgrid } from '../../src/core/grid.js';
import { findBuiltin } from '../../src/functions/builtins.js';
import { quiverSpec } from '../../src/render/quiver.js';
import { canvasAddon } from '../../src/render/canvas-addon.js';
import { legendLayout } from '../../src/render/layout.js';
import { wrapTitle } from '../../src/render/title.js';
import { chart } from './helpers.js';

type Item = { bounds: { x1: number; y1: number; x2: number; y2: number }; opacity?: number; text?: unknown; items?: Mark[]; x?: number; y?: number };
type Mark = { role?: string; marktype?: string; items: Item[] };

/** The chart laid out by Vega as for a PNG: its size, the plot area's origin, and the scenegraph's root. */
async function laidOut(spec: TopLevelSpec) {
  canvasAddon();
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  await view.runAsync();
  const canvas = (await view.toCanvas()) as unknown as { width: number; height: number };
  const root = (view.scenegraph() as unknown as { root: Mark }).root;
  view.finalize();
  return { width: canvas.width, height: canvas.height, root };
}

/** Every item under marks of `role`, with its bounds in the root's coordinates. */
function itemsOf(mark: Mark, role: string, dx = 0, dy = 0, out: Item['bounds'][] = []): Item['bounds'][] {
  for (const item of mark.items ?? []) {
    const b = item.bounds;
    if (mark.role === role && item.opacity !== 0 && b) out.push({ x1: b.x1 + dx, x2: b.x2 + dx, y1: b.y1 + dy, y2: b.y2 + dy });
    for (const child of item.items ?? []) itemsOf(child, role, dx + (item.x ?? 0), dy + (item.y ?? 0), out);
  }
  return out;
}
const size = (spec: TopLevelSpec) => spec as unknown as { width: number; height: number; title: { text: string | string[] } };

describe('layout', () => {
  it('a short plot with three legends keeps them beside it, ending near its bottom: no blank band', async () => {
    const fn = findBuiltin('ch06')!;
    const [xs, ys] = [axis(-10, 10, 1), axis(-5, 5, 1)];
    const field = sampleField(fn, meshgrid(xs, ys));
    const critical = criticalPoints(fn, xs, ys, field.gradient);
    const options = { title: 'ch06', xrange: [-10, 10], yrange: [-5, 5], step: 1, fn, critical, background: 'contour', color: 'magnitude' } as const;
    const { spec } = quiverSpec(field, options);
    const { height, root } = await laidOut(spec);
    const plot = size(spec).height;
    expect(plot).toBeLessThan(300);
    const legends = itemsOf(root, 'legend');
    expect(legends.length).toBe(3);
    // Title and subtitle above, axis below: about 110 px besides the plot.
    expect(height).toBeLessThanOrEqual(plot + 120);
  });

  it('a long title wraps at the plot\'s width, at most 3 lines, then is cut with an ellipsis and a note', async () => {
    const long = 'The gradient of a function of two variables drawn as arrows, with a title much longer than the plot is wide';
    const two = chart('xy', { title: long });
    expect(size(two.spec).title.text).toHaveLength(2);
    expect(two.warnings).toEqual([]);
    const laid = await laidOut(two.spec);
    // Plot 480 wide plus the y axis: the title does not widen the chart.
    expect(laid.width).toBeLessThan(size(two.spec).width + 80);
    const cut = chart('xy', { title: `${long} ${long} ${long}` });
    const lines = size(cut.spec).title.text as string[];
    expect(lines).toHaveLength(3);
    expect(lines[2].endsWith('…')).toBe(true);
    expect(cut.warnings).toEqual(['the title is longer than 3 lines at this width and is cut short']);
  });

  it('wrapTitle breaks at spaces, and inside a word longer than the line', () => {
    expect(wrapTitle('a b c', 1000, 15)).toEqual({ lines: ['a b c'], cut: false });
    const { lines } = wrapTitle('x'.repeat(100), 200, 15);
    expect(lines.length).toBe(3);
    expect(lines.join('').replace('…', '').length).toBeLessThan(100);
  });

  it('tick counts follow the plot\'s size: at 220 px wide no two x tick labels overlap', async () => {
    const { spec } = chart('xy', { width: 220 });
    const { root } = await laidOut(spec);
    const labels = itemsOf(root, 'axis-label').filter((b) => b.y1 > size(spec).height);
    expect(labels.length).toBeGreaterThanOrEqual(2);
    labels.sort((a, b) => a.x1 - b.x1);
    for (let i = 1; i < labels.length; i++) expect(labels[i].x1).toBeGreaterThan(labels[i - 1].x2);
  });

  it('legendLayout: one column while it fits, shorter gradients, then two columns, then rows under the plot', () => {
    expect(legendLayout([{ kind: 'gradient', entries: 0 }], { width: 480, height: 480 })).toEqual({ gradientLength: 200 });
    expect(legendLayout([{ kind: 'gradient', entries: 0 }, { kind: 'symbol', entries: 3 }], { width: 480, height: 200 })).toEqual({ gradientLength: 116 });
    expect(legendLayout([{ kind: 'symbol', entries: 12 }, { kind: 'gradient', entries: 0 }], { width: 480, height: 240 })).toEqual({ gradientLength: 108, columns: 2 });
    expect(legendLayout([{ kind: 'symbol', entries: 12 }, { kind: 'gradient', entries: 0 }, { kind: 'symbol', entries: 3 }], { width: 480, height: 120 })).toMatchObject({ orient: 'bottom', direction: 'horizontal' });
  });
});
