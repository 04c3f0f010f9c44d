import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { batch, withManifest } from './helpers.js';

describe('--jobs', () => {
  it('is lowered to the number of cores, with a note', async () => {
    const dir = withManifest([{ out: 'a.vl.json', fn: 'xy', step: 1 }]);
    const r = await batch(dir, ['--jobs', '1000']);
    expect(r.status).toBe(0);
    const cores = availableParallelism();
    expect(r.stderr).toContain(`gradplot: note: --jobs 1000 lowered to ${cores}, the number of cores\n`);
    expect(r.summary.rendered).toBe(1);
  });

  it('is taken as it is up to the number of cores', async () => {
    const dir = withManifest([{ out: 'a.vl.json', fn: 'xy', step: 1 }]);
    expect((await batch(dir, ['--jobs', '1'])).stderr).not.toContain('lowered');
  });
});
