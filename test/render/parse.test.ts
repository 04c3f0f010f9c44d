import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { OPTIONS, parseOptions } from '../../src/options.js';
import { isCssColor } from '../../src/util/css-color.js';
import { resolveRequest } from '../../src/request.js';

// The chart options as argv (strings) or a manifest (typed values) give them.
const parse = (raw: Record<string, unknown>) => parseOptions(raw);
const request = (raw: Record<string, unknown>) => resolveRequest(parse({ fn: 'xy', out: 'a.png', ...raw }).options, 'cli');

describe('chart options', () => {
  it('read argv strings and manifest values alike', () => {
    const { options, errors } = parse({
      length: 'sqrt',
      arrowScale: '0.2',
      pivot: 'middle',
      color: 'magnitude',
      background: 'contour',
      critical: true,
      key: true,
      width: 640,
      height: '280',
      title: 'T',
      theme: 'dark',
    });
    expect(errors).toEqual([]);
    expect(options).toEqual({ length: 'sqrt', arrowScale: 0.2, pivot: 'middle', color: 'magnitude', background: 'contour', critical: true, key: true, width: 640, height: 280, title: 'T', theme: 'dark' });
  });

  it('refuse bad values with what they accept', () => {
    const detail = (raw: Record<string, unknown>) => parse(raw).errors[0]?.detail;
    expect(detail({ length: 'cube' })).toBe('expected one of linear, sqrt, log, none, got "cube"');
    expect(detail({ pivot: 'head' })).toBe('expected one of tail, middle, tip, got "head"');
    expect(detail({ background: 'image' })).toBe('expected one of none, heatmap, contour, got "image"');
    expect(detail({ theme: 'sepia' })).toBe('expected one of light, dark, got "sepia"');
    expect(detail({ arrowScale: '0' })).toBe('expected a number greater than 0, got "0"');
    expect(detail({ width: -3 })).toBe('expected a number greater than 0, got -3');
    expect(detail({ color: 'grey50' })).toMatch(/^expected magnitude or a CSS colour .*, got "grey50"$/);
  });

  it('have a flag and a JSON schema each', () => {
    const flags = Object.fromEntries(OPTIONS.map((o) => [o.key, o.flags]));
    expect(flags).toMatchObject({
      length: '--length <mode>',
      normalize: '--normalize',
      arrowScale: '--arrow-scale <number>',
      key: '--key',
      pivot: '--pivot <part>',
      color: '--color <colour>',
      background: '--background <kind>',
      critical: '--critical',
      width: '--width <px>',
      height: '--height <px>',
      title: '--title <text>',
      theme: '--theme <name>',
    });
    expect(OPTIONS.find((o) => o.key === 'background')!.schema).toEqual({ enum: ['none', 'heatmap', 'contour'] });
  });

  it('resolve to defaults that draw the default chart', () => {
    expect(request({})).toMatchObject({ length: 'linear', pivot: 'tail', background: 'none', critical: false, key: false, theme: 'light' });
    const r = request({});
    expect([r.arrowScale, r.color, r.width, r.height, r.title]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('take --normalize as --length none, and refuse it with another length', () => {
    expect(request({ normalize: true }).length).toBe('none');
    expect(request({ normalize: true, length: 'none' }).length).toBe('none');
    expect(() => request({ normalize: true, length: 'log' })).toThrow(InputError);
    expect(() => request({ normalize: true, length: 'log' })).toThrow('--normalize: means --length none and cannot be used with --length log');
  });
});

describe('isCssColor', () => {
  it('takes names, hex and functional colours, in any case', () => {
    for (const c of ['steelblue', 'RebeccaPurple', '#abc', '#abcd', '#a1b2c3', '#A1B2C3D4', 'rgb(1, 2, 3)', 'rgba(1,2,3,0.5)', 'hsl(120deg, 50%, 40%)', 'rgb(10%,20%,30%)']) {
      expect(isCssColor(c)).toBe(true);
    }
  });

  it('refuses the rest', () => {
    for (const c of ['', 'magnitude', 'bluish', '#ab', '#abcde', 'rgb(1,2)', 'url(x)', 'var(--c)', 'red;']) expect(isCssColor(c)).toBe(false);
  });
});
