import { afterEach, describe, expect, it, vi } from 'vitest';
import { computePlot } from '../../src/plot.js';
import { resolveRequest } from '../../src/request.js';
import { grouped } from '../../src/util/format-number.js';

describe('grouped', () => {
  it('writes an integer with a comma between groups of three digits, as en-US does', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 100_000, 1_002_001, 4_004_001, 16_000_000, 1234567890]) {
      expect(grouped(n)).toBe(n.toLocaleString('en-US'));
    }
    expect(grouped(1_002_001)).toBe('1,002,001');
  });
});

describe('a default chart', () => {
  afterEach(() => vi.restoreAllMocks());

  // The first use of Intl loads ICU's data, which takes tens of milliseconds: more than computing a default chart.
  it('is resolved and computed without Intl', async () => {
    const toLocaleString = vi.spyOn(Number.prototype, 'toLocaleString');
    const numberFormat = vi.spyOn(Intl, 'NumberFormat');
    for (const format of ['png', 'svg', 'pdf', 'csv'] as const) {
      await computePlot(resolveRequest({ fn: 'xy', format }));
    }
    expect(toLocaleString).not.toHaveBeenCalled();
    expect(numberFormat).not.toHaveBeenCalled();
  });
});
