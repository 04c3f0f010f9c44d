import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { gradientField } from '../../src/index.js';
import { refusingLoader, render } from '../../src/render/render.js';
import { cli, tempDir } from '../helpers.js';

const require = createRequire(import.meta.url);

// Every FlateDecode stream of a PDF, inflated.
function streams(pdf: Buffer): string[] {
  const out: string[] = [];
  const text = pdf.toString('latin1');
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = text.indexOf('endstream', start);
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not deflated (or not a stream after all)
    }
  }
  return out;
}

describe('Vega reads no file and no URL', () => {
  it('the loader refuses every kind of request', async () => {
    const loader = refusingLoader();
    for (const method of ['load', 'sanitize', 'http', 'file'] as const) {
      await expect(loader[method]('/etc/passwd')).rejects.toThrow(/does not let charts read files or URLs/);
    }
  });

  it('a spec that asks for a file or URL fails to render and reads nothing', async () => {
    for (const url of ['/etc/passwd', 'file:///etc/passwd', 'https://example.com/data.json']) {
      const spec = { data: { url }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } } as never;
      await expect(render(spec, 'svg')).rejects.toThrow(`the chart asks for data from ${url}, and gradplot reads no files or URLs`);
    }
  });
});

describe('.vl.json', () => {
  const validate = new Ajv({ strict: false, allowUnionTypes: true }).compile(JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8')));
  const charts = [
    { fn: 'xy' },
    { fn: 'himmelblau', color: 'magnitude', background: 'contour', critical: true, key: true },
    { expr: 'x0*x1', normalize: true, background: 'heatmap', theme: 'dark', pivot: 'middle' },
  ] as const;

  for (const options of charts) {
    it(`is a valid Vega-Lite spec with inline data: ${JSON.stringify(options)}`, async () => {
      const { spec } = await gradientField(options as never);
      const json = JSON.parse((await render(spec, 'vl.json')).toString());
      const ok = validate(json);
      expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
      expect(ok).toBe(true);
      expect(JSON.stringify(json)).not.toMatch(/"url"/);
    });
  }
});

describe('.pdf', () => {
  it('is a vector PDF with the shipped font embedded and a fixed date', async () => {
    const dir = tempDir();
    expect((await cli(['--fn', 'xy', '-o', 'xy.pdf'], { cwd: dir })).status).toBe(0);
    const bytes = readFileSync(join(dir, 'xy.pdf'));
    const pdf = bytes.toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain('/CreationDate (20000101000000Z)');
    // Objects and pages are deflated streams: read them inflated.
    const inflated = streams(bytes).join('\n');
    expect(inflated + pdf).toMatch(/\/FontName\s*\/[A-Z]{6}\+DejaVuSans/); // text is text, in a subset of DejaVu Sans
    expect(inflated).toMatch(/\bTJ\b|\bTj\b/); // text-showing operators: selectable text
    expect(inflated + pdf).not.toMatch(/\/Subtype\s*\/Image/); // arrows are paths, not an embedded picture
  });
});
