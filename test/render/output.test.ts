import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/render.js';
import { cli, gradplot, ROOT, tempDir } from '../helpers.js';
import { expectSamePixels } from '../pixels.js';
import { chart } from './helpers.js';

// Three canonical charts, on coarse grids so their files stay small.
const CHARTS = {
  'xy-default': () => chart('xy', {}, [-2, 2], 0.5),
  'sum_sq-magnitude-key': () => chart('sum_sq', { color: 'magnitude', key: true }, [-2, 2], 0.5),
  'saddle-contour-critical': () => chart('saddle', { background: 'contour', withCritical: true }, [-2, 2], 0.5),
};
const REFERENCES = join(ROOT, 'test', 'render', 'references');

// Numbers rounded to 2 decimals, so float noise in the last digits never fails a snapshot.
const rounded = (svg: string) => svg.replace(/-?\d*\.\d+(e[-+]?\d+)?/g, (n) => String(Number(Number(n).toFixed(2))));

describe('SVG snapshots', () => {
  for (const [name, make] of Object.entries(CHARTS)) {
    it(name, async () => {
      const svg = (await render(make().spec, 'svg')).toString();
      await expect(rounded(svg)).toMatchFileSnapshot(`./__snapshots__/${name}.svg`);
    });
  }
});

/**
 * PNGs against committed references, pixel by pixel (see expectSamePixels). After an intended
 * change, regenerate them with `UPDATE_REFERENCES=1 npx vitest run test/render/output.test.ts`;
 * a missing reference fails.
 */
describe('PNG pixels', () => {
  for (const [name, make] of Object.entries(CHARTS)) {
    it(name, async () => {
      const png = await render(make().spec, 'png', { scale: 1 });
      const path = join(REFERENCES, `${name}.png`);
      if (process.env.UPDATE_REFERENCES === '1') {
        mkdirSync(REFERENCES, { recursive: true });
        writeFileSync(path, png);
      }
      // A missing reference is a failure: writing it here would compare the output with itself.
      expect(existsSync(path), `${path} is missing; write it with UPDATE_REFERENCES=1`).toBe(true);
      expectSamePixels(png, path, name);
    });
  }
});

describe('the PNG comparison', () => {
  it('tells #777777 arrows from the reference\'s #666666 ones', async () => {
    const png = await render(chart('xy', { color: '#777777' }, [-2, 2], 0.5).spec, 'png', { scale: 1 });
    expect(() => expectSamePixels(png, join(REFERENCES, 'xy-default.png'), 'xy-default-777777')).toThrow(/pixels differ/);
  });
});

describe('stable output', () => {
  it('renders the same bytes twice in one process: svg, pdf, vl.json, png', async () => {
    const { spec } = CHARTS['saddle-contour-critical']();
    for (const format of ['svg', 'pdf', 'vl.json', 'png'] as const) {
      const [a, b] = [await render(spec, format), await render(spec, format)];
      expect(a.equals(b), format).toBe(true);
    }
  });

  it('writes the same bytes from two runs of the same command: svg, pdf, vl.json', () => {
    const dir = tempDir();
    const args = ['--fn', 'himmelblau', '--color', 'magnitude', '--background', 'contour', '--critical', '--key', '--step', '1'];
    for (const format of ['svg', 'pdf', 'vl.json']) {
      const runs = ['a', 'b'].map((run) => {
        const out = join(dir, `${run}.${format}`);
        expect(gradplot([...args, '-o', out]).status).toBe(0);
        return readFileSync(out);
      });
      expect(runs[0].equals(runs[1]), format).toBe(true);
    }
  });

  it('writes vl.json with its inline data one datum per line, and valid JSON', async () => {
    const text = (await render(CHARTS['xy-default']().spec, 'vl.json')).toString();
    const spec = JSON.parse(text);
    expect(text).toContain(`\n      ${JSON.stringify(spec.data.values[0])},\n`);
    expect(text.split('\n').filter((line) => line.trimStart().startsWith('{"x0"')).length).toBe(spec.data.values.length);
  });
});

describe('critical points outside the chart', () => {
  it('are listed on stderr and in the JSON export as {x0, x1, f, kind}', async () => {
    const dir = tempDir();
    const out = join(dir, 'h.json');
    const r = await cli(['--fn', 'himmelblau', '--critical', '-o', out]);
    expect(r.status).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe('gradplot: 9 critical points (∇f = 0):');
    expect(lines).toContain('  maximum    x0 = -0.270845, x1 = -0.923039, f = 181.617');
    expect(lines).toContain('  minimum    x0 = 3, x1 = 2, f = 0');
    const { critical } = JSON.parse(readFileSync(out, 'utf8'));
    expect(critical).toHaveLength(9);
    expect(Object.keys(critical[0])).toEqual(['x0', 'x1', 'f', 'kind']);
    expect(critical.filter((p: { kind: string }) => p.kind === 'saddle')).toHaveLength(4);
  });

  it('of a constant f: ∇f = 0 everywhere, not "0 critical points"', () => {
    const r = gradplot(['--expr', '3', '--critical', '-o', join(tempDir(), 'c.json')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('gradplot: ∇f = 0 everywhere (f is constant): every point is critical\n');
  });
});
