import { describe, expect, it } from 'vitest';
import { listCritical } from '../../src/output/critical-list.js';
import { formatNumber } from '../../src/util/format-number.js';

describe('the list of critical points', () => {
  it('prints numbers in one format, dust left by Newton next to 0 as 0', () => {
    const text = listCritical([{ x0: -4.76837e-7, x1: -0.00000143051, f: 1.23456789e-12, kind: 'minimum' }, { x0: 3.00000000001, x1: -2.5, f: 181.61654, kind: 'saddle' }], { spacing: 1, flat: false });
    expect(text).toBe('gradplot: 2 critical points (∇f = 0):\n  minimum    x0 = 0, x1 = 0, f = 1.23457e-12\n  saddle     x0 = 3, x1 = -2.5, f = 181.617\n');
  });

  it('says ∇f = 0 everywhere for a constant f instead of "0 critical points"', () => {
    expect(listCritical([], { spacing: 0.25, flat: true })).toBe('gradplot: ∇f = 0 everywhere (f is constant): every point is critical\n');
  });

  it('formatNumber: 6 significant digits, exponents below 1e-4 and from 1e6', () => {
    expect([0.1 + 0.2, 1234567, 0.00001430512, -4.76837e-7, 100, 1e21, 0, -0.5].map((v) => formatNumber(v))).toEqual(['0.3', '1.23457e6', '1.43051e-5', '-4.76837e-7', '100', '1e21', '0', '-0.5']);
  });
});
