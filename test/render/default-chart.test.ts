import { describe, expect, it } from 'vitest';
import { sampleField } from '../../src/core/field.js';
import { axis, meshgrid } from '../../src/core/grid.js';
import { findBuiltin } from '../../src/functions/builtins.js';
import { quiverSpec } from '../../src/render/quiver.js';

const step = 0.25;
const chart = (name: string, ascent = false) => {
  const field = sampleField(findBuiltin(name)!, meshgrid(axis(-2, 2, step), axis(-2, 2, step)));
  return { field, ...quiverSpec(field, { title: name, xrange: [-2, 2], yrange: [-2, 2], step, ascent }) };
};

// Encodings of every layer, flattened for lookups.
type Layer = { mark: { type: string; color?: string }; encoding: Record<string, { field?: string; title?: string; scale?: { domain?: number[] } }> };
const layers = (spec: unknown) => (spec as { layer: Layer[] }).layer;

describe('the default quiver chart', () => {
  it('has one arrow per grid point, tail at the point', () => {
    const { arrows, skipped, field } = chart('xy');
    expect(arrows).toHaveLength(289);
    expect(skipped).toBe(0);
    arrows.forEach((a, i) => {
      expect([a.ax, a.ay]).toEqual([field.points.data[2 * i], field.points.data[2 * i + 1]]);
    });
  });

  it('points along −∇f, and along +∇f with ascent', () => {
    for (const ascent of [false, true]) {
      const sign = ascent ? 1 : -1;
      for (const a of chart('sum_sq', ascent).arrows) {
        const [u, v] = [a.tx - a.ax, a.ty - a.ay];
        // parallel to sign·∇f: zero cross product, positive dot product
        expect(u * a.g1 - v * a.g0).toBeCloseTo(0, 12);
        if (a.mag > 0) expect(sign * (u * a.g0 + v * a.g1)).toBeGreaterThan(0);
      }
    }
  });

  it('scales length with |∇f| so the longest arrow spans 0.9 of a cell', () => {
    const { arrows } = chart('sum_sq');
    const lengths = arrows.map((a) => Math.hypot(a.tx - a.ax, a.ty - a.ay));
    expect(Math.max(...lengths)).toBeCloseTo(0.9 * step, 12);
    const k = lengths[0] / arrows[0].mag;
    arrows.forEach((a, i) => expect(lengths[i]).toBeCloseTo(k * a.mag, 12));
  });

  it('gives the head the arrow\'s screen angle, clockwise from up', () => {
    const { arrows } = chart('sum_sq');
    // At (2, 0) −∇f = (−4, 0) points left: −90°. At (0, 2) it points down: ±180°.
    const at = (x0: number, x1: number) => arrows.find((a) => a.x0 === x0 && a.x1 === x1)!;
    expect(at(2, 0).angle).toBeCloseTo(-90, 9);
    expect(Math.abs(at(0, 2).angle)).toBeCloseTo(180, 9);
    expect(at(-2, -2).angle).toBeCloseTo(45, 9);
  });

  it('has a domain that covers every arrow, equal pixels per unit on both axes', () => {
    const { spec, arrows } = chart('xy');
    const { width, height } = spec as { width: number; height: number };
    for (const layer of layers(spec)) {
      const [xd, yd] = [layer.encoding.x.scale!.domain!, layer.encoding.y.scale!.domain!];
      for (const a of arrows) {
        for (const x of [a.ax, a.tx]) expect(x >= xd[0] && x <= xd[1]).toBe(true);
        for (const y of [a.ay, a.ty]) expect(y >= yd[0] && y <= yd[1]).toBe(true);
      }
      expect(width / (xd[1] - xd[0])).toBeCloseTo(height / (yd[1] - yd[0]), 0);
    }
  });

  it('draws shafts as rules and heads as filled triangles in the book\'s grey, axes titled x0 and x1', () => {
    const { spec } = chart('xy');
    const [shaft, head, dot] = layers(spec);
    expect(shaft.mark.type).toBe('rule');
    expect(shaft.encoding.x2.field).toBe('bx');
    expect(head.mark.type).toBe('point');
    expect(head.encoding.angle.field).toBe('angle');
    expect(dot.mark.type).toBe('point');
    for (const layer of [shaft, head, dot]) {
      expect(layer.mark.color).toBe('#666666');
      expect(layer.encoding.x.title).toBe('x0');
      expect(layer.encoding.y.title).toBe('x1');
    }
    expect((spec as { title: { text: string } }).title.text).toBe('xy');
  });

  it('draws a zero gradient as a dot instead of an arrow', () => {
    const { arrows } = chart('xy');
    const origin = arrows.find((a) => a.x0 === 0 && a.x1 === 0)!;
    expect(origin.mag).toBe(0);
    expect(origin.dot).toBe(true);
    expect(arrows.filter((a) => !a.dot).length).toBeGreaterThan(270);
  });
});
