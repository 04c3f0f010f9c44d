import { describe, expect, it } from 'vitest';
import { points } from '../../src/core/points.js';
import type { Field } from '../../src/core/field.js';
import { csvText, dataChunks, jsonText } from '../../src/output/data.js';

// The worker is a separate file: run against the build, as the CLI does.
const { threadedChunks, THREAD_CHUNK_ROWS } = (await import('../../dist/output/threaded-data.js')) as typeof import('../../src/output/threaded-data.js');

// A field of n rows in shared memory, as a large grid's is, with a few cells that are not finite.
function sharedField(n: number): Field {
  const shared = (length: number) => new Float64Array(new SharedArrayBuffer(8 * length));
  const [p, f, g] = [shared(2 * n), shared(n), shared(2 * n)];
  for (let i = 0; i < n; i++) {
    [p[2 * i], p[2 * i + 1]] = [-2 + (i % 1000) * 0.004, -2 + Math.floor(i / 1000) * 0.004];
    f[i] = Math.sin(p[2 * i] * p[2 * i + 1]) / 3;
    [g[2 * i], g[2 * i + 1]] = [Math.cos(i) * 1e-7, i % 997 === 0 ? NaN : Math.exp(i / n)];
  }
  return { points: points(p, 2), f, gradient: points(g, 2) };
}

async function collect(chunks: AsyncIterable<string | Uint8Array>) {
  const parts: (string | Uint8Array)[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  // This thread's chunks are Buffers; a worker's arrive as plain Uint8Arrays.
  const fromWorkers = parts.filter((c) => typeof c !== 'string' && !Buffer.isBuffer(c)).length;
  return { bytes: Buffer.concat(parts.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))), fromWorkers };
}

describe('data formatted on several threads', () => {
  const rows = 5 * THREAD_CHUNK_ROWS + 123;
  const field = sharedField(rows);

  it.each([
    ['csv', csvText()],
    ['json', jsonText({ request: { fn: 'xy' }, function: { name: 'xy', formula: 'x0*x1' } })],
  ] as const)('gives the same %s bytes as one thread, with chunks from the workers', async (_, text) => {
    const expected = Buffer.concat([...dataChunks(field, text)].map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
    for (const threads of [2, 3]) {
      const { bytes, fromWorkers } = await collect(threadedChunks(field, text, { threads, minRows: 0 }));
      expect(bytes.equals(expected)).toBe(true);
      expect(fromWorkers).toBe(6); // every chunk
    }
  });

  it('formats a field that is not in shared memory on this thread', async () => {
    const copy = { ...field, f: new Float64Array(field.f) };
    const { bytes, fromWorkers } = await collect(threadedChunks(copy, csvText(), { threads: 2, minRows: 0 }));
    expect(fromWorkers).toBe(0);
    expect(bytes.toString()).toBe([...dataChunks(copy, csvText())].map((c) => Buffer.from(c).toString()).join(''));
  });
});
