import { describe, expect, it } from 'vitest';
import { cornerPlace, KEY, keyBlock, rectGap } from '../../src/render/path-key.js';
import { textWidth } from '../../src/render/text-width.js';

const segments = (...rows: number[][]) => Float64Array.from(rows.flat());

describe('rectGap', () => {
  it('is the least distance from a rectangle to segments, 0 when one touches or crosses it', () => {
    // The rectangle [10, 20] × [10, 20].
    const gap = (...rows: number[][]) => rectGap(10, 10, 20, 20, segments(...rows));
    expect(gap([25, 15, 30, 15])).toBe(5);
    expect(gap([23, 24, 23, 24])).toBe(5);
    // A segment across the rectangle with both ends outside it.
    expect(gap([0, 0, 30, 30])).toBe(0);
    expect(gap([15, 0, 15, 30])).toBe(0);
    // A segment whose nearest point is inside it, not an end: past the corner (20, 20), along x0 + x1 = 46.
    expect(gap([46, 0, 0, 46])).toBeCloseTo(6 / Math.SQRT2, 12);
    expect(gap([30, 15, 40, 15], [21, 12, 21, 12])).toBe(1);
    expect(gap()).toBe(Infinity);
  });
});

describe('cornerPlace', () => {
  const block = { width: 80, height: 60 };
  const plot = { width: 400, height: 300 };
  const box = { width: 80 + 2 * KEY.padding, height: 60 + 2 * KEY.padding };
  const [right, bottom] = [400 - KEY.inset - box.width + KEY.padding, 300 - KEY.inset - box.height + KEY.padding];
  const near = KEY.inset + KEY.padding;

  it('puts the box in the corner farthest from every mark, upper right first among equals', () => {
    expect(cornerPlace(block, plot, segments())).toEqual({ left: right, top: near, box });
    // A path along the top: the lower corners are farther, lower left first.
    expect(cornerPlace(block, plot, segments([0, 50, 400, 50]))).toEqual({ left: near, top: bottom, box });
    // A point near the lower left: the upper right is farthest from it.
    expect(cornerPlace(block, plot, segments([30, 280, 30, 280]))).toEqual({ left: right, top: near, box });
  });

  it('keeps KEY.clearance from every mark, and gives up when no corner does or the box does not fit', () => {
    // A mark in every corner, inside where each box would be.
    const corners = segments([20, 20, 20, 20], [380, 20, 380, 20], [20, 280, 20, 280], [380, 280, 380, 280]);
    expect(cornerPlace(block, plot, corners)).toBeUndefined();
    // The boxes lie in [6, 98] or [302, 394] across, [6, 78] or [222, 294] down: a mark 7 pixels from three of them, 9 from the lower right's.
    expect([KEY.inset, KEY.inset + box.width, right - KEY.padding, bottom - KEY.padding + box.height]).toEqual([6, 98, 302, 294]);
    const past = (lowerRight: number) => segments([50, 85, 50, 85], [350, 85, 350, 85], [50, 215, 50, 215], [350, 222 - lowerRight, 350, 222 - lowerRight]);
    expect(cornerPlace(block, plot, past(9))).toEqual({ left: right, top: bottom, box });
    expect(cornerPlace(block, plot, past(7))).toBeUndefined();
    expect(cornerPlace({ width: 390, height: 60 }, plot, segments())).toBeUndefined();
  });
});

describe('keyBlock', () => {
  it('is as wide as its widest line (bold titles, or a stroke, gap and label) and as tall as its rows', () => {
    const text = { labelFontSize: 10, titleFontSize: 11, labelColor: '#000', titleColor: '#000' };
    const long = 'Momentum lr 0.1 momentum 0.5';
    expect(keyBlock(['SGD lr 0.95', long], text)).toEqual({ width: KEY.stroke + KEY.labelGap + textWidth(long, 10), height: 2 * KEY.titleLine + KEY.titleGap + 2 * KEY.row });
    expect(keyBlock(['SGD'], text).width).toBe(textWidth('■ start ◆ end', 11, true));
  });
});
