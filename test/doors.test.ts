// The three doors — the command line, a batch manifest and the library — take the same option
// values, mean the same thing by them, and refuse a bad one with the same words after the
// option's name as each door spells it (`--arrow-scale`, `charts[0].arrowScale`, `arrowScale`).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest, ManifestError } from '../src/batch/manifest.js';
import { InputError, optionName } from '../src/errors.js';
import { builtinNames } from '../src/functions/builtins.js';
import { gradientField } from '../src/index.js';
import { resolveRequest, type PlotRequest } from '../src/request.js';
import { cli, tempDir } from './helpers.js';

/** Option values in the command line's string form (true for a flag), by the option's key. */
type Given = Record<string, string | true>;

interface Case {
  name: string;
  given: Given;
  /** Output file; default a JSON export, which records the request. */
  out?: string;
  /** What the request holds (good input)… */
  request?: Partial<PlotRequest>;
  /** …or the option blamed and the words after its name (bad input). */
  key?: string;
  detail?: string;
  /** The same values in typed form, where the library and the manifest also take one. */
  typed?: Record<string, unknown>;
}

const RANGE_WORDS = 'expected min,max with min < max (e.g. -2,2)';
const CASES: Case[] = [
  // Good values: each door builds the same request.
  { name: 'range as min,max', given: { fn: 'xy', range: '-1,1' }, request: { xrange: [-1, 1], yrange: [-1, 1], nx: 9 }, typed: { fn: 'xy', range: [-1, 1] } },
  { name: 'xrange and yrange', given: { fn: 'xy', xrange: '-3,3', yrange: '0,1' }, request: { xrange: [-3, 3], yrange: [0, 1] } },
  { name: 'step', given: { fn: 'xy', step: '0.5' }, request: { step: 0.5, nx: 9, ny: 9 }, typed: { fn: 'xy', step: 0.5 } },
  { name: 'h', given: { fn: 'xy', h: '1e-3' }, request: { h: 0.001 }, typed: { fn: 'xy', h: 1e-3 } },
  { name: 'method', given: { fn: 'xy', method: 'five-point' }, request: { method: 'five-point' } },
  { name: 'ascent', given: { fn: 'xy', ascent: true }, request: { ascent: true } },
  { name: 'scale', given: { fn: 'xy', scale: '1' }, request: { scale: 1 }, typed: { fn: 'xy', scale: 1 } },
  { name: 'length', given: { fn: 'xy', length: 'sqrt' }, request: { length: 'sqrt' } },
  { name: 'normalize', given: { fn: 'xy', normalize: true }, request: { length: 'none' } },
  { name: 'arrowScale', given: { fn: 'xy', arrowScale: '0.05' }, request: { arrowScale: 0.05 }, typed: { fn: 'xy', arrowScale: 0.05 } },
  { name: 'maxArrows', given: { fn: 'xy', maxArrows: '100' }, request: { maxArrows: 100 }, typed: { fn: 'xy', maxArrows: 100 } },
  { name: 'key', given: { fn: 'xy', key: true }, request: { key: true } },
  { name: 'pivot', given: { fn: 'xy', pivot: 'middle' }, request: { pivot: 'middle' } },
  { name: 'color magnitude', given: { fn: 'xy', color: 'magnitude' }, request: { color: 'magnitude' } },
  { name: 'color by CSS name', given: { fn: 'xy', color: 'steelblue' }, request: { color: 'steelblue' } },
  { name: 'background', given: { fn: 'xy', background: 'contour' }, request: { background: 'contour' } },
  { name: 'critical', given: { fn: 'xy', critical: true }, request: { critical: true } },
  { name: 'width', given: { fn: 'xy', width: '300' }, request: { width: 300 }, typed: { fn: 'xy', width: 300 } },
  { name: 'height', given: { fn: 'xy', height: '200' }, request: { height: 200 } },
  { name: 'title', given: { fn: 'xy', title: 'Saddle' }, request: { title: 'Saddle' } },
  { name: 'theme', given: { fn: 'xy', theme: 'dark' }, request: { theme: 'dark' } },
  { name: 'expr', given: { expr: 'x0^2 + x1' }, request: { fn: { kind: 'expr', source: 'x0^2 + x1' } } },
  { name: 'a built-in by its alias', given: { fn: 'function_2' }, request: { fn: { kind: 'builtin', name: 'sum_sq' } } },
  // Bad values: the same words from each door.
  { name: 'reversed range', given: { fn: 'xy', range: '2,-2' }, key: 'range', detail: `${RANGE_WORDS}, got "2,-2"` },
  { name: 'range of one number', given: { fn: 'xy', xrange: '1' }, key: 'xrange', detail: `${RANGE_WORDS}, got "1"` },
  { name: 'zero step', given: { fn: 'xy', step: '0' }, key: 'step', detail: 'expected a number greater than 0, got "0"' },
  { name: 'step wider than the range', given: { fn: 'xy', step: '5' }, key: 'step', detail: '5 leaves fewer than 2 grid points on an axis; expected at most 4' },
  { name: 'grid over the point limit', given: { fn: 'xy', step: '0.0001' }, key: 'step', detail: '0.0001 makes a grid of 40001 × 40001 = 1,600,080,001 points; the limit is 10,000,000: use a larger step or a smaller range' },
  { name: 'zero h', given: { fn: 'xy', h: '0' }, key: 'h', detail: 'expected a number greater than 0, got "0"' },
  { name: 'unknown method', given: { fn: 'xy', method: 'euler' }, key: 'method', detail: 'expected one of central, forward, five-point, analytic, got "euler"' },
  { name: 'theme in the wrong case', given: { fn: 'xy', theme: 'Dark' }, key: 'theme', detail: 'expected one of light, dark, got "Dark"' },
  { name: 'colour that is not one', given: { fn: 'xy', color: 'magnitud' }, key: 'color', detail: 'expected magnitude or a CSS colour (a name such as steelblue, #rrggbb, rgb(…), hsl(…)), got "magnitud"' },
  { name: 'unknown length', given: { fn: 'xy', length: 'cubic' }, key: 'length', detail: 'expected one of linear, sqrt, log, none, got "cubic"' },
  { name: 'unknown pivot', given: { fn: 'xy', pivot: 'head' }, key: 'pivot', detail: 'expected one of tail, middle, tip, got "head"' },
  { name: 'negative arrow scale', given: { fn: 'xy', arrowScale: '-1' }, key: 'arrowScale', detail: 'expected a number greater than 0, got "-1"' },
  { name: 'zero arrows', given: { fn: 'xy', maxArrows: '0' }, key: 'maxArrows', detail: 'expected an integer greater than 0, got "0"' },
  { name: 'arrows over the limit', given: { fn: 'xy', maxArrows: '2000000' }, key: 'maxArrows', detail: 'expected an integer from 1 to 100,000, got "2000000"' },
  { name: 'plot area too small to draw', given: { fn: 'xy', width: '10' }, key: 'width', detail: 'expected a number of pixels from 100 to 32,767, got "10"' },
  { name: 'PNG wider than Cairo draws', given: { fn: 'xy', width: '16500' }, out: 'c.png', key: 'width', detail: '16500 at --scale 2 makes a chart of about 33,400 × 33,400 pixels; the limit is 32,767 pixels per side of a chart' },
  { name: 'PNG scale too large', given: { fn: 'xy', scale: '70' }, out: 'c.png', key: 'scale', detail: '70 makes a chart of about 47,600 × 47,600 pixels; the limit is 32,767 pixels per side of a chart' },
  { name: 'PNG scale too small', given: { fn: 'xy', scale: '1e-9' }, out: 'c.png', key: 'scale', detail: '1e-9 makes a PNG of about 0 × 0 pixels; the smallest scale for this chart is 0.15' },
  { name: 'format that contradicts the extension', given: { fn: 'xy', format: 'png' }, out: 'c.svg', key: 'format', detail: 'png contradicts the extension of "c.svg" (svg); change one of them' },
  { name: 'unknown extension', given: { fn: 'xy' }, out: 'c.gif', key: 'out', detail: 'unknown extension in "c.gif"; expected .png .svg .pdf .vl.json .html .csv .json or --format' },
  { name: 'unknown built-in', given: { fn: 'xz' }, key: 'fn', detail: `unknown function "xz"; did you mean "xy"? expected one of ${builtinNames().join(', ')}` },
  { name: 'fn and expr together', given: { fn: 'xy', expr: 'x0' }, key: 'expr', detail: 'cannot be used with --fn; choose one function' },
  { name: 'normalize with another length', given: { fn: 'xy', normalize: true, length: 'sqrt' }, key: 'normalize', detail: 'means --length none and cannot be used with --length sqrt' },
];

function argv(given: Given): string[] {
  return Object.entries(given).flatMap(([key, value]) => (value === true ? [optionName(key, 'cli')] : [optionName(key, 'cli'), value]));
}

function typedValues(given: Given): Record<string, unknown> {
  return Object.fromEntries(Object.entries(given).map(([k, v]) => [k, v]));
}

async function throughCommandLine(c: Case, out: string): Promise<{ request?: PlotRequest; stderr: string; status: number | null }> {
  const dir = tempDir();
  const r = await cli([...argv(c.given), '-o', out], { cwd: dir });
  const request = r.status === 0 && out.endsWith('.json') ? (JSON.parse(readFileSync(join(dir, out), 'utf8')).request as PlotRequest) : undefined;
  return { request, stderr: r.stderr, status: r.status };
}

async function throughManifest(values: Record<string, unknown>, out: string): Promise<{ request?: PlotRequest; error?: unknown }> {
  const file = join(tempDir(), 'plots.json');
  writeFileSync(file, JSON.stringify({ charts: [{ out, ...values }] }));
  try {
    return { request: (await loadManifest(file)).charts[0]!.request };
  } catch (error) {
    return { error };
  }
}

function throughLibrary(values: Record<string, unknown>, out: string): { request?: PlotRequest; error?: unknown } {
  try {
    return { request: resolveRequest({ ...values, out }) };
  } catch (error) {
    return { error };
  }
}

describe('one request, every door', () => {
  it('has about forty cases, good and bad', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  for (const c of CASES) {
    const out = c.out ?? 'c.json';
    it(c.name, async () => {
      const line = await throughCommandLine(c, out);
      const manifest = await throughManifest(typedValues(c.given), out);
      const library = throughLibrary(typedValues(c.given), out);
      if (c.request) {
        expect([line.status, line.request], line.stderr).toMatchObject([0, c.request]);
        expect(manifest.error).toBeUndefined();
        expect(manifest.request).toMatchObject(c.request);
        expect(library.request).toMatchObject(c.request);
        if (c.typed) {
          expect((await throughManifest(c.typed, out)).request).toMatchObject(c.request);
          expect(throughLibrary(c.typed, out).request).toMatchObject(c.request);
        }
        return;
      }
      expect([line.status, line.stderr]).toEqual([2, `gradplot: ${optionName(c.key!, 'cli')}: ${c.detail}\n`]);
      expect(manifest.error).toBeInstanceOf(ManifestError);
      expect((manifest.error as ManifestError).problems.map((p) => `${p.path}: ${p.detail}`)).toEqual([`charts[0].${c.key}: ${c.detail}`]);
      expect(library.error).toBeInstanceOf(InputError);
      expect((library.error as Error).message).toBe(`${c.key}: ${c.detail}`);
    });
  }
});

describe('the library takes the command line\'s forms and reports as it does', () => {
  it('a range as a string draws the same field as the array', async () => {
    const a = await gradientField({ fn: 'xy', range: '-1,1' });
    const b = await gradientField({ fn: 'xy', range: [-1, 1] });
    expect(a.request.nx).toBe(9);
    expect(Array.from(a.field.gradient.data)).toEqual(Array.from(b.field.gradient.data));
  });

  it('a typed value that is wrong is blamed on its own option, shown as given', async () => {
    await expect(gradientField({ fn: 'xy', range: [2, -2] })).rejects.toThrow(`range: ${RANGE_WORDS}, got [2,-2]`);
  });

  it('render refuses a PNG past the renderer\'s largest side rather than returning a 1-pixel picture', async () => {
    const { render } = await import('../src/render/render.js');
    const { spec } = await gradientField({ fn: 'xy', step: 1, width: 17000, height: 100 });
    await expect(render(spec, 'png', { scale: 2 })).rejects.toThrow('the chart is larger than the renderer draws (32,767 pixels per side of a chart)');
  });

  it('an unknown key, with a suggestion', async () => {
    await expect(gradientField({ fn: 'xy', colour: 'magnitude' } as never)).rejects.toThrow(/^colour: unknown key; did you mean "color"\? expected one of fn, expr, range/);
  });

  it('out and format, which gradientField does not write', async () => {
    await expect(gradientField({ fn: 'xy', out: 'x.png' } as never)).rejects.toThrow('out: not taken by gradientField, which writes nothing: pass its spec to render(spec, format)');
  });

  it('render refuses a format it does not make', async () => {
    const { render } = await import('../src/render/render.js');
    const { spec } = await gradientField({ fn: 'xy', step: 1 });
    await expect(render(spec, 'jpg' as never)).rejects.toThrow('format: expected one of png, svg, pdf, vl.json, html, got "jpg"');
  });
});
