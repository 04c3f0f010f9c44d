import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../src/options.js';
import { render } from '../../src/render/render.js';
import { resolveRequest } from '../../src/request.js';
import { chart, layers } from './helpers.js';

type Spec = { title: { text: unknown; subtitle: string }; background: string; config: { axis: Record<string, number>; title: Record<string, number> } };
const spec = (s: unknown) => s as Spec;

/** Pixels per metre in a PNG's pHYs chunk, or undefined without one. */
function pixelsPerMetre(png: Buffer): number | undefined {
  const at = png.indexOf('pHYs');
  return at < 0 ? undefined : png.readUInt32BE(at + 4);
}

describe('controls matplotlib and gnuplot users reach for', () => {
  it('--xlabel/--ylabel title the axes', () => {
    const [shafts] = layers(chart('xy', { xlabel: 'weight w₁', ylabel: 'bias' }).spec);
    expect([shafts.encoding.x.title, shafts.encoding.y.title]).toEqual(['weight w₁', 'bias']);
  });

  it('--title "" and --subtitle "" draw none; --subtitle replaces gradplot\'s own', () => {
    const none = spec(chart('xy', { title: '', subtitleText: '' }).spec);
    expect([none.title.text, none.title.subtitle]).toEqual(['', '']);
    expect(spec(chart('xy', { subtitleText: 'Figure 4-9' }).spec).title.subtitle).toBe('Figure 4-9');
    expect(resolveRequest(parseOptions({ fn: 'xy', title: '', subtitle: '' }).options)).toMatchObject({ title: '', subtitle: '' });
  });

  it('--arrow-width sets the shafts\' width, --head-size the longest head', () => {
    const { spec: s, arrows } = chart('xy', { arrowWidth: 2.5, headSize: 4 });
    expect((layers(s).find((l) => (l as { description?: string }).description === 'shafts')!.mark as { strokeWidth: number }).strokeWidth).toBe(2.5);
    expect(Math.max(...arrows.map((a) => a.size))).toBeCloseTo(8 ** 2, 9);
    expect(Math.max(...chart('xy').arrows.map((a) => a.size))).toBeGreaterThan(8 ** 2);
  });

  it('--font-size sets axis labels, and titles follow it', () => {
    const s = spec(chart('xy', { fontSize: 16 }).spec);
    expect(s.config.axis).toMatchObject({ labelFontSize: 16, titleFontSize: 17 });
    expect(s.config.title.fontSize).toBe(20);
  });

  it('--transparent leaves the background see-through', async () => {
    const s = chart('xy', { transparent: true }).spec;
    expect(spec(s).background).toBe('transparent');
    const png = PNG.sync.read(await render(s, 'png', { scale: 1 }));
    expect(png.data[3]).toBe(0);
    const opaque = PNG.sync.read(await render(chart('xy').spec, 'png', { scale: 1 }));
    expect(opaque.data[3]).toBe(255);
  });

  it('PNGs state 96 × scale dpi in pHYs by default, --dpi another', async () => {
    const { spec: s } = chart('xy', {}, [-2, 2], 1);
    expect(pixelsPerMetre(await render(s, 'png', { scale: 2 }))).toBe(Math.round(192 / 0.0254));
    expect(pixelsPerMetre(await render(s, 'png', { scale: 1, dpi: 300 }))).toBe(Math.round(300 / 0.0254));
  });

  it('read from argv strings and manifests alike', () => {
    const { options, errors } = parseOptions({ xlabel: 'a', ylabel: 'b', arrowWidth: '2', headSize: 6, fontSize: '13', transparent: true, dpi: '300' });
    expect(errors).toEqual([]);
    expect(options).toEqual({ xlabel: 'a', ylabel: 'b', arrowWidth: 2, headSize: 6, fontSize: 13, transparent: true, dpi: 300 });
  });
});
