import { PNG } from 'pngjs';
import { describe, expect, it, vi } from 'vitest';
import { chart } from './helpers.js';

// The same pixel size, so the second chart is drawn on the surface the first one used; the second has
// no background, so anything the first left on the surface would show.
const opaque = chart('xy').spec;
const transparent = chart('sin_xy', { transparent: true }).spec;

async function freshRender() {
  vi.resetModules();
  return (await import('../../src/render/render.js')).render;
}

describe('a reused drawing surface', () => {
  it('draws the same bytes as a fresh one, for two different charts in a row', async () => {
    const render = await freshRender();
    const first = await render(opaque, 'png');
    const second = await render(transparent, 'png');
    const third = await render(opaque, 'png');
    const size = (png: Buffer) => [PNG.sync.read(png).width, PNG.sync.read(png).height];
    expect(size(second)).toEqual(size(first));
    expect(PNG.sync.read(second).data.some((byte, i) => i % 4 === 3 && byte === 0), 'the transparent chart has transparent pixels').toBe(true);

    const alone = await (await freshRender())(transparent, 'png');
    expect(second.equals(alone), 'the transparent chart after the opaque one').toBe(true);
    expect(third.equals(first), 'the opaque chart again, on the surface the transparent one used').toBe(true);
  });

  it('draws the same bytes when two charts are drawn at once', async () => {
    const render = await freshRender();
    const [a, b] = await Promise.all([render(opaque, 'png'), render(transparent, 'png')]);
    const [a1, b1] = [await render(opaque, 'png'), await render(transparent, 'png')];
    expect(a.equals(a1)).toBe(true);
    expect(b.equals(b1)).toBe(true);
  });
});

describe('compositing on a reused surface', () => {
  // Overlapping marks that multiply, one of them clipped (Vega saves and restores the context around it).
  const blended = {
    hconcat: [0, 1].map((shift) => ({
      width: 80,
      height: 60,
      data: { values: [0, 1, 2].map((i) => ({ x: i + shift, c: ['#e41a1c', '#377eb8', '#4daf4a'][i] })) },
      layer: [
        { mark: { type: 'rect', blend: 'multiply', clip: true }, encoding: { x: { field: 'x', type: 'quantitative' }, x2: { datum: 2.5 }, color: { field: 'c', type: 'nominal', scale: null } } },
        { mark: { type: 'point', filled: true, size: 400, blend: 'multiply' }, encoding: { x: { field: 'x', type: 'quantitative' }, color: { value: '#984ea3' } } },
        { mark: { type: 'rule' }, encoding: { x: { field: 'x', type: 'quantitative' } } },
      ],
    })),
  } as never;

  it('draws blend modes as Vega does on a canvas of its own', async () => {
    const render = await freshRender();
    const { load } = await import('../../src/startup/load.js');
    const { vega, compile } = await load('vega');
    const view = new vega.View(vega.parse(compile(blended).spec), { renderer: 'none' });
    const own = (await view.toCanvas(2)) as unknown as import('canvas').Canvas;
    const { Canvas } = await import('canvas');
    const expected = PNG.sync.read(own.toBuffer('image/png', { compressionLevel: 3, filters: Canvas.PNG_FILTER_NONE, resolution: 192 }));
    view.finalize();
    await render(blended, 'png');
    // Vega-Lite's default background is white: the surface has no alpha channel, and the PNG is RGB.
    const drawn = PNG.sync.read(await render(blended, 'png'));
    expect(drawn.colorType).toBe(2);
    expect([drawn.width, drawn.height]).toEqual([expected.width, expected.height]);
    expect(drawn.data.equals(expected.data)).toBe(true);
  });
});

describe('surfaces without an alpha channel', () => {
  it('draws a chart on an opaque background as RGB, with the pixels Vega draws on an RGBA canvas of its own', async () => {
    const render = await freshRender();
    const { load } = await import('../../src/startup/load.js');
    const { vega, compile } = await load('vega');
    const { Canvas } = await import('canvas');
    for (const spec of [opaque, chart('himmelblau', { theme: 'dark', color: 'magnitude', background: 'heatmap' }).spec]) {
      const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
      const own = (await view.toCanvas(2)) as unknown as import('canvas').Canvas;
      view.finalize();
      const expected = PNG.sync.read(own.toBuffer('image/png', { compressionLevel: 3, filters: Canvas.PNG_FILTER_NONE }));
      const drawn = PNG.sync.read(await render(spec, 'png'));
      expect(drawn.colorType).toBe(2);
      expect(drawn.data.equals(expected.data)).toBe(true);
    }
  });

  it('keeps the alpha channel of a chart on a transparent background', async () => {
    const render = await freshRender();
    expect(PNG.sync.read(await render(transparent, 'png')).colorType).toBe(6);
  });

  it('takes a colour as opaque only when the canvas reads it so', async () => {
    vi.resetModules();
    const { isOpaqueColor } = await import('../../src/render/surfaces.js');
    const colours = ['white', '#1e1e1e', 'rgb(10, 20, 30)', 'rgba(0, 0, 0, 0.5)', 'transparent', '#ffffff00', 'no such colour', ''];
    expect(colours.map(isOpaqueColor)).toEqual([true, true, true, false, false, false, false, false]);
  });
});

describe('surfaces kept for reuse', () => {
  it('gives back an idle surface of the same size, and keeps none past 8 million pixels', async () => {
    vi.resetModules();
    const { releaseSurface, takeSurface } = await import('../../src/render/surfaces.js');
    const small = takeSurface(300, 200);
    releaseSurface(small);
    expect(takeSurface(300, 200)).toBe(small);
    expect(takeSurface(300, 200)).not.toBe(small);
    const large = takeSurface(4000, 2001);
    releaseSurface(large);
    expect(takeSurface(4000, 2001)).not.toBe(large);
  });
});

describe('styles on a surface', () => {
  it('are set only when they change, and again after a restore()', async () => {
    vi.resetModules();
    const { CanvasRenderingContext2D } = await import('canvas');
    const native = Object.getOwnPropertyDescriptor(CanvasRenderingContext2D.prototype, 'strokeStyle')!;
    const set = vi.fn(native.set!);
    Object.defineProperty(CanvasRenderingContext2D.prototype, 'strokeStyle', { ...native, set });
    try {
      const { takeSurface } = await import('../../src/render/surfaces.js');
      const context = takeSurface(4, 4).getContext('2d');
      for (let i = 0; i < 3; i++) context.strokeStyle = 'red';
      expect(set).toHaveBeenCalledTimes(1);
      context.save();
      context.strokeStyle = 'blue';
      context.restore();
      expect(context.strokeStyle).toBe('#ff0000');
      context.strokeStyle = 'blue';
      context.strokeStyle = 'blue';
      expect(context.strokeStyle).toBe('#0000ff');
      expect(set).toHaveBeenCalledTimes(3);
      // A gradient is set each time.
      const gradient = context.createLinearGradient(0, 0, 4, 0);
      context.strokeStyle = gradient as never;
      context.strokeStyle = gradient as never;
      context.strokeStyle = 'blue';
      expect(set).toHaveBeenCalledTimes(6);
    } finally {
      Object.defineProperty(CanvasRenderingContext2D.prototype, 'strokeStyle', native);
    }
  });
});
