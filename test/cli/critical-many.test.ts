import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/util/limits.js';
import { gradplot, tempDir } from '../helpers.js';

// sin(10 x0) sin(10 x1) on [-5, 5]²: a critical point every π/20 on each axis, where both cosines or both sines vanish.
const MANY = ['--expr', 'sin(10*x0)*sin(10*x1)', '--range', '-5,5', '--step', '0.05', '--critical'];

describe('--critical with thousands of critical points', () => {
  it('lists the first ones and a count on stderr, all of them in the JSON export', () => {
    const dir = tempDir();
    const r = gradplot([...MANY, '-o', 'c.json'], { cwd: dir });
    expect(r.status).toBe(0);
    const all = JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')).critical as { kind: string }[];
    expect(all.length).toBeGreaterThan(LIMITS.criticalDrawn.max);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`gradplot: ${all.length} critical points (∇f = 0):`);
    expect(lines).toHaveLength(LIMITS.criticalListed.max + 2);
    expect(lines.at(-1)).toBe(`  … and ${all.length - LIMITS.criticalListed.max} more (the JSON export, --format json, lists them all)`);
  });

  it('marks at most the limit on the chart, spread over the grid, and says so', () => {
    const dir = tempDir();
    const r = gradplot([...MANY, '-o', 'c.vl.json'], { cwd: dir });
    expect(r.status).toBe(0);
    const spec = JSON.parse(readFileSync(join(dir, 'c.vl.json'), 'utf8'));
    const markers = (spec.layer as { encoding?: { shape?: unknown }; data?: { values: { x1: number }[] } }[]).find((l) => l.encoding?.shape)!;
    const values = markers.data!.values;
    expect(values.length).toBeLessThanOrEqual(LIMITS.criticalDrawn.max);
    expect(values.length).toBeGreaterThan(LIMITS.criticalDrawn.max / 2);
    // Spread: from the bottom rows to the top ones.
    expect(Math.min(...values.map((v) => v.x1))).toBeLessThan(-4.5);
    expect(Math.max(...values.map((v) => v.x1))).toBeGreaterThan(4.5);
    expect(r.stderr).toMatch(/the chart marks \d+ of them, spread evenly\)\n$/);
  });
});
