import { describe, expect, it } from 'vitest';
import { gradientField } from '../../src/index.js';
import { render } from '../../src/render/render.js';

// The text of every legend label in an SVG chart.
async function legendLabels(options: Parameters<typeof gradientField>[0]): Promise<string[]> {
  const { spec } = await gradientField(options);
  const svg = (await render(spec, 'svg')).toString();
  const legends = svg.slice(svg.indexOf('role-legend'));
  return [...legends.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}

describe('legend labels', () => {
  it('show every contour level as it is, halves included (not rounded to one digit)', async () => {
    const labels = await legendLabels({ expr: 'sqrt(x0) + x1^2', background: 'contour' });
    expect(labels).toEqual(expect.arrayContaining(['0.5', '1', '1.5', '2', '2.5']));
    expect(new Set(labels.filter((l) => /^[\d.]+$/.test(l))).size).toBe(labels.filter((l) => /^[\d.]+$/.test(l)).length);
  });
});
