import { describe, expect, it } from 'vitest';
import { NearbyPoints } from '../../src/core/nearby.js';

describe('NearbyPoints', () => {
  it('finds a point within the distance on both axes, and none farther', () => {
    const set = new NearbyPoints(0.1);
    set.add(1, 1);
    expect(set.has(1.09, 0.91)).toBe(true);
    expect(set.has(1.05, 1.05)).toBe(true);
    expect(set.has(1.11, 1)).toBe(false);
    expect(set.has(1, 0.89)).toBe(false);
    expect(set.has(-1, -1)).toBe(false);
  });

  it('compares a point with a bounded number of others however many there are (no quadratic search)', () => {
    const set = new NearbyPoints(0.1);
    const n = 100;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (!set.has(i, j)) set.add(i, j);
    // Each look-up visits the 3 × 3 cells around it; points one apart share no cells at a distance of 0.1.
    expect(set.comparisons).toBeLessThanOrEqual(9 * n * n);
    expect(set.size).toBe(n * n);
  });
});
