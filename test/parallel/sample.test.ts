import { describe, expect, it } from 'vitest';
import { sampleField } from '../../src/core/field.js';
import { axis, meshgrid } from '../../src/core/grid.js';
import { findBuiltin } from '../../src/functions/builtins.js';
import { compileExpression } from '../../src/functions/expression.js';
import { PARALLEL_MIN_POINTS, sampleGrid } from '../../src/parallel/sample.js';

// The worker is a separate file: run against the build, as the CLI does.
const built = (await import('../../dist/parallel/sample.js')) as typeof import('../../src/parallel/sample.js');
const builtSampleGrid = built.sampleGrid;

// Bitwise equality of two large arrays (toEqual walks millions of elements slowly).
const same = (a: Float64Array, b: Float64Array) =>
  a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe('sampleGrid across worker threads', () => {
  const xs = axis(-2, 2, 0.0035); // 1143² = 1,306,449 points, over the threshold
  it('is used from the threshold on, with more than one thread: only then do the rows live in shared memory', async () => {
    const line = (n: number) => Float64Array.from({ length: n }, (_, i) => -2 + (4 * i) / n);
    const across = line(1000);
    const shared = async (ys: Float64Array, threads: number) => {
      const field = await builtSampleGrid(findBuiltin('xy')!, { kind: 'builtin', name: 'xy' }, across, ys, {}, threads);
      return field.f.buffer instanceof SharedArrayBuffer;
    };
    expect(across.length * 1000).toBe(PARALLEL_MIN_POINTS);
    expect(await shared(line(1000), 2)).toBe(true);
    expect(await shared(line(999), 2)).toBe(false);
    expect(await shared(line(1000), 1)).toBe(false);
  });

  it('gives the same field, bit for bit, as one thread: built-in and expression', async () => {
    const expected = sampleField(findBuiltin('sin_xy')!, meshgrid(xs, xs));
    const threaded = await builtSampleGrid(findBuiltin('sin_xy')!, { kind: 'builtin', name: 'sin_xy' }, xs, xs, {}, 3);
    expect(same(threaded.points.data, expected.points.data)).toBe(true);
    expect(same(threaded.f, expected.f)).toBe(true);
    expect(same(threaded.gradient.data, expected.gradient.data)).toBe(true);
    expect(same(threaded.gradient.data, new Float64Array(threaded.gradient.data.length))).toBe(false);

    const expr = await compileExpression('x0^2/20 + x1^2');
    const byCode = await builtSampleGrid(expr, { kind: 'code', code: expr.code }, xs, xs, { method: 'analytic' }, 2);
    const single = await sampleGrid(expr, undefined, xs, xs, { method: 'analytic' });
    expect(same(byCode.gradient.data, single.gradient.data)).toBe(true);
  });

  it('has worker threads compute the chunks they claim: a worker alone fills the whole field', async () => {
    const grid = meshgrid(xs, xs);
    const shared = (n: number) => new Float64Array(new SharedArrayBuffer(n * 8));
    const data = shared(grid.data.length);
    data.set(grid.data);
    const work = { data, f: shared(grid.count), g: shared(2 * grid.count), dim: 2, chunks: new Int32Array(new SharedArrayBuffer(8)) };
    const worker = built.inWorker({ ...work, source: { kind: 'builtin', name: 'sin_xy' }, options: {} });
    await Promise.race([built.chunksDone(work), worker.failed]);
    worker.stop();
    const chunks = Math.ceil(grid.count / built.CHUNK_ROWS);
    expect(chunks).toBeGreaterThan(10);
    expect(Array.from(work.chunks)).toEqual([expect.any(Number), chunks]);
    const expected = sampleField(findBuiltin('sin_xy')!, grid);
    expect(same(work.f, expected.f)).toBe(true);
    expect(same(work.g, expected.gradient.data)).toBe(true);
  });

  it('reports a worker that fails, instead of waiting for its chunks', async () => {
    const work = { data: new Float64Array(new SharedArrayBuffer(16)), f: new Float64Array(new SharedArrayBuffer(8)), g: new Float64Array(new SharedArrayBuffer(16)), dim: 2, chunks: new Int32Array(new SharedArrayBuffer(8)) };
    const worker = built.inWorker({ ...work, source: { kind: 'builtin', name: 'no_such_function' }, options: {} });
    await expect(Promise.race([built.chunksDone(work), worker.failed])).rejects.toThrow();
    worker.stop();
  });
});
