import { describe, expect, it } from 'vitest';
import { SegmentHash, segmentDistance2 } from '../../src/core/segment-hash.js';

describe('segmentDistance2', () => {
  it('is exact on segments written out', () => {
    // Crossing: 0.
    expect(segmentDistance2(0, 0, 2, 2, 0, 2, 2, 0)).toBe(0);
    // Parallel, 3 apart, overlapping: 9.
    expect(segmentDistance2(0, 0, 4, 0, 1, 3, 5, 3)).toBe(9);
    // End to end along a line, 2 apart: 4.
    expect(segmentDistance2(0, 0, 1, 0, 3, 0, 5, 0)).toBe(4);
    // An end opposite the other's middle (a T without the touch): 1.
    expect(segmentDistance2(0, 0, 4, 0, 2, 1, 2, 5)).toBe(1);
    // Points (both ends the same): the distance between them squared.
    expect(segmentDistance2(1, 1, 1, 1, 4, 5, 4, 5)).toBe(25);
    // A point and a segment, the point off its end: 3² + 4².
    expect(segmentDistance2(7, 4, 7, 4, 0, 0, 4, 0)).toBe(25);
    // Touching at an end: 0.
    expect(segmentDistance2(0, 0, 2, 0, 2, 0, 2, 3)).toBe(0);
  });
});

describe('SegmentHash', () => {
  it('finds a segment within r exactly when brute force does', () => {
    // A zigzag of short segments over a 100 × 60 box, cells 10 wide.
    const xy = new Float64Array(2 * 60);
    for (let k = 0; k < 60; k++) [xy[2 * k], xy[2 * k + 1]] = [1.5 * k + 5, 30 + 20 * Math.sin(k / 4)];
    const hash = new SegmentHash(100, 60, 10, 6);
    hash.add(xy, 60);
    let [near, far] = [0, 0];
    for (let i = 0; i <= 50; i++) {
      for (let j = 0; j <= 30; j++) {
        const [ax, ay, bx, by] = [2 * i, 2 * j, 2 * i + 1.5, 2 * j + 0.5];
        for (const r of [3, 10]) {
          let brute = false;
          for (let k = 0; k + 1 < 60; k++) brute ||= segmentDistance2(ax, ay, bx, by, xy[2 * k], xy[2 * k + 1], xy[2 * k + 2], xy[2 * k + 3]) < r * r;
          expect(hash.near(ax, ay, bx, by, r), `(${ax}, ${ay}) r ${r}`).toBe(brute);
          if (brute) near++;
          else far++;
        }
      }
    }
    expect(near).toBeGreaterThan(100);
    expect(far).toBeGreaterThan(100);
  });
});
