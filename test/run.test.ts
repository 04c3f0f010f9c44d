import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRequest } from '../src/request.js';
import { runRequest } from '../src/run.js';
import { SLOW_EXPR, tempDir } from './helpers.js';

// Each run below would take minutes to finish; the test's timeout bounds how long stopping may take.
describe('runRequest stops once its signal is aborted', () => {
  const stopsAfter = async (options: Parameters<typeof resolveRequest>[0], ms: number) => {
    const dir = tempDir();
    const request = resolveRequest({ ...options, out: join(dir, 'out.csv') });
    const controller = new AbortController();
    const reason = new Error('stop');
    setTimeout(() => controller.abort(reason), ms);
    await expect(runRequest(request, { signal: controller.signal })).rejects.toBe(reason);
    expect(readdirSync(dir)).toEqual([]);
  };

  it('while sampling a large grid on this thread', { timeout: 15_000 }, async () => {
    await stopsAfter({ expr: SLOW_EXPR, range: [-2, 2], step: 0.005 }, 300);
  });

  it('while sampling a grid large enough for worker threads', { timeout: 15_000 }, async () => {
    await stopsAfter({ expr: SLOW_EXPR, range: [-2, 2], step: 0.0015 }, 300);
  });

});
