import { describe, expect, it } from 'vitest';
import { points } from '../../src/core/points.js';
import type { Field } from '../../src/core/field.js';
import { csvText, dataChunks, jsonText } from '../../src/output/data.js';

// Numbers whose shortest text is long, signed, exponential, or not finite: each row's text must be
// exactly what String() gives for each number, as it was when rows were built as strings.
const VALUES = [0, -0, 1, -2, 0.1 + 0.2, -0.0000012345678901234567, 1.2345678901234567e-7, 5e-324, -2.2250738585072014e-308, 1.7976931348623157e308, 1e21, -123456789012345680000, NaN, Infinity, -Infinity];

function field(): Field {
  const n = VALUES.length;
  const p = new Float64Array(2 * n);
  const f = new Float64Array(n);
  const g = new Float64Array(2 * n);
  VALUES.forEach((v, i) => {
    [p[2 * i], p[2 * i + 1], f[i], g[2 * i], g[2 * i + 1]] = [v, VALUES[(i + 1) % n], VALUES[(i + 2) % n], VALUES[(i + 3) % n], VALUES[(i + 4) % n]];
  });
  return { points: points(p, 2), f, gradient: points(g, 2) };
}

const text = (chunks: Iterable<string | Uint8Array>) => Buffer.concat([...chunks].map((c) => (typeof c === 'string' ? Buffer.from(c) : c))).toString('latin1');
const row = (i: number) => [0, 1, 2, 3, 4].map((k) => VALUES[(i + k) % VALUES.length]);

describe('data rows', () => {
  it('write each number as its shortest text, not-finite as an empty CSV cell', () => {
    const cell = (v: number) => (Number.isFinite(v) ? String(v) : '');
    const expected = 'x0,x1,f,g0,g1\n' + VALUES.map((_, i) => row(i).map(cell).join(',') + '\n').join('');
    expect(text(dataChunks(field(), csvText()))).toBe(expected);
    expect(expected).toContain('\n-0.0000012345678901234567,1.2345678901234566e-7,5e-324,-2.2250738585072014e-308,1.7976931348623157e+308\n');
  });

  it('write JSON points with null for not-finite', () => {
    const json = (v: number) => (Number.isFinite(v) ? String(v) : 'null');
    const points = VALUES.map((_, i) => {
      const [x0, x1, f, g0, g1] = row(i).map(json);
      return `    {"x0": ${x0}, "x1": ${x1}, "f": ${f}, "g0": ${g0}, "g1": ${g1}}${i + 1 < VALUES.length ? ',' : ''}\n`;
    });
    const written = text(dataChunks(field(), jsonText({ function: 'xy' })));
    expect(written).toBe(`{\n  "function": "xy",\n  "points": [\n${points.join('')}  ]\n}\n`);
    expect(JSON.parse(written).points[12]).toEqual({ x0: null, x1: null, f: null, g0: 0, g1: 0 });
  });
});
