import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { batch, withManifest } from './helpers.js';

describe('output does not depend on --jobs', () => {
  it('renders the same bytes with 1 and 2 worker threads', async () => {
    const dir = withManifest([
      { out: 'xy.svg', fn: 'xy' },
      { out: 'sum_sq.svg', fn: 'sum_sq', color: 'magnitude' },
      { out: 'sin_xy.svg', fn: 'sin_xy', background: 'contour' },
      { out: 'expr.svg', expr: 'x0^2 - x1', step: 0.5 },
      { out: 'saddle.pdf', fn: 'saddle' },
      { out: 'xy.png', fn: 'xy', step: 0.5 },
    ]);
    const [one, two] = [tempDir(), tempDir()];
    expect((await batch(dir, ['--jobs', '1', '--out-dir', one])).summary.rendered).toBe(6);
    expect((await batch(dir, ['--jobs', '2', '--out-dir', two])).summary.rendered).toBe(6);
    const charts = readdirSync(one).filter((f) => !f.startsWith('.'));
    expect(charts).toHaveLength(6);
    for (const file of charts) expect(readFileSync(join(two, file)).equals(readFileSync(join(one, file))), file).toBe(true);
  });
});
