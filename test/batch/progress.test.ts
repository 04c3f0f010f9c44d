import { describe, expect, it } from 'vitest';
import { Progress } from '../../src/batch/progress.js';
import { summarize, type ChartResult } from '../../src/batch/summary.js';

const RESULTS: ChartResult[] = [
  { index: 0, out: 'gallery/xy.png', status: 'rendered', seconds: 0.214, error: null },
  { index: 1, out: 'gallery/sum_sq.png', status: 'skipped', seconds: null, error: null },
  { index: 2, out: 'gallery/bad.png', status: 'failed', seconds: 0.01, error: 'nothing to draw' },
];

/** Runs a Progress over RESULTS on a fake stderr and returns what it wrote. */
function record(stream: { isTTY?: boolean; columns?: number }, options: { quiet?: boolean; env?: NodeJS.ProcessEnv } = {}): string {
  let text = '';
  const progress = new Progress({ total: 3, stream: { ...stream, write: (t: string) => (text += t) }, env: {}, ...options });
  progress.start();
  for (const r of RESULTS) progress.chart(r);
  progress.finish(summarize('plots.yaml', null, RESULTS, 1.234, false));
  return text;
}

describe('batch progress on stderr', () => {
  it('is one plain line per chart when stderr is not a terminal, without colour', () => {
    expect(record({ isTTY: false })).toBe(
      '[1/3] rendered gallery/xy.png (0.21 s)\n' +
        '[2/3] skipped gallery/sum_sq.png (up to date)\n' +
        '[3/3] failed gallery/bad.png: nothing to draw\n' +
        '3 charts in 1.23 s: 1 rendered, 1 skipped, 1 failed\n',
    );
  });

  it('is a bar redrawn in place on a terminal, failures printed above it, in colour', () => {
    const text = record({ isTTY: true, columns: 60 });
    const lines = text.split('\r\x1b[2K');
    expect(lines.at(-2)).toMatch(/^\x1b\[31m█+\x1b\[0m 3\/3\x1b\[31m · 1 failed\x1b\[0m gallery\/bad.png$/);
    expect(text).toContain('\x1b[31mfailed\x1b[0m gallery/bad.png: nothing to draw\n');
    expect(lines.at(-1)).toBe('\x1b[31m3 charts in 1.23 s: 1 rendered, 1 skipped, 1 failed\x1b[0m\n');
  });

  it('keeps the bar within the terminal width, shortening the path from the left', () => {
    const text = record({ isTTY: true, columns: 40 }, { env: { NO_COLOR: '1' } });
    for (const line of text.split('\r\x1b[2K').filter((l) => l.startsWith('█') || l.startsWith('░'))) expect(line.length).toBeLessThan(40);
    expect(text).toContain('3/3 · 1 failed …');
  });

  it('has no colour codes with NO_COLOR', () => {
    const text = record({ isTTY: true, columns: 80 }, { env: { NO_COLOR: '1' } });
    expect(text).not.toMatch(/\x1b\[\d+m/);
    expect(text).toContain('failed gallery/bad.png: nothing to draw\n');
  });

  it('prints nothing with --quiet (the failures come in the final error)', () => {
    expect(record({ isTTY: false }, { quiet: true })).toBe('');
    expect(record({ isTTY: true }, { quiet: true })).toBe('');
  });
});
