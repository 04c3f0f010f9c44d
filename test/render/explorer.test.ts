import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { startingOptions } from '../../src/render/explorer.js';
import { resolveRequest } from '../../src/request.js';

describe('startingOptions: the page starts from a chart\'s options', () => {
  it('keeps the function and what differs from its defaults', () => {
    const request = resolveRequest({ fn: 'himmelblau', background: 'contour', theme: 'dark', key: true, step: 0.5, out: 'h.png', check: true });
    expect(startingOptions(request)).toEqual({ fn: 'himmelblau', background: 'contour', theme: 'dark', key: true });
  });

  it('keeps given ranges, the descent with its starts, and --normalize as --length none', () => {
    const request = resolveRequest({ expr: 'x0^2/20 + x1^2', xrange: [-10, 10], descent: [{ optimizer: 'sgd', lr: 0.95, params: {} }], iterations: 40, normalize: true });
    expect(startingOptions(request)).toEqual({
      expr: 'x0^2/20 + x1^2',
      xrange: [-10, 10],
      length: 'none',
      descent: [{ optimizer: 'sgd', lr: 0.95, params: {} }],
      start: [[-8, 1.6]],
      iterations: 40,
    });
  });

  it('leaves default ranges to grow around the paths in the page too, as they grew in the chart', async () => {
    const { computePlot } = await import('../../src/plot.js');
    const { request } = await computePlot(resolveRequest({ fn: 'sum_sq', descent: [{ optimizer: 'sgd', lr: 0.1, params: {} }] }), { chart: false });
    expect(request.yrange).toEqual([-2, 4]);
    expect(startingOptions(request)).toEqual({ fn: 'sum_sq', descent: [{ optimizer: 'sgd', lr: 0.1, params: {} }], start: [[-3, 4]] });
  });

  it('refuses a JavaScript function, which cannot go into a page', () => {
    const request = resolveRequest({ function: { dim: 2, f: (x) => x[0] } });
    expect(() => startingOptions(request)).toThrow(new InputError('format', 'explorer needs --fn or --expr: a JavaScript function cannot go into a page'));
  });
});
