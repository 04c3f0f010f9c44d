import { availableParallelism } from 'node:os';
import type { Field } from '../core/field.js';
import { PARALLEL_MIN_POINTS } from '../parallel/sample.js';
import { dataChunks, fieldRows, type DataText, type FieldRows } from './data.js';
import { workerThreads } from '../util/lazy-builtins.js';

/**
 * Rows per chunk that a thread formats at a time: about 85 KB of text, under
 * the size for which V8 and malloc map memory of its own, which each chunk
 * would fault in afresh.
 */
export const THREAD_CHUNK_ROWS = 1024;
/** Chunks asked for ahead of the one being written, per thread: bounds the text held in memory. */
const AHEAD_PER_THREAD = 3;

/**
 * A field's text (see data.ts) in chunks, the same bytes as `dataChunks`, but
 * formatted by `threads` worker threads in turn (chunk c by worker c mod
 * threads) while this thread writes, so a large export is bounded by the disk
 * rather than by one thread's number formatting. Only a field in shared memory (a
 * large grid, see parallel/sample.ts) is worth it; any other is formatted here.
 */
export async function* threadedChunks(
  field: Field,
  text: DataText,
  { threads = availableParallelism(), minRows = PARALLEL_MIN_POINTS } = {},
): AsyncGenerator<string | Uint8Array> {
  const rows = fieldRows(field);
  const count = field.f.length;
  const shared = [rows.p, rows.f, rows.g].every((a) => a.buffer instanceof SharedArrayBuffer);
  if (threads < 2 || count < minRows || !shared) return yield* dataChunks(field, text);
  const chunks = Math.ceil(count / THREAD_CHUNK_ROWS);
  const range = (c: number) => [c * THREAD_CHUNK_ROWS, Math.min(count, (c + 1) * THREAD_CHUNK_ROWS)] as const;
  const workers = Array.from({ length: threads }, () => formatter(rows, text.kind));
  const asked = new Map<number, Promise<Uint8Array>>();
  let next = 0;
  try {
    yield text.head;
    for (let c = 0; c < chunks; c++) {
      for (; next < Math.min(chunks, c + 1 + AHEAD_PER_THREAD * threads); next++) {
        asked.set(next, workers[next % threads].format(...range(next)));
      }
      yield await asked.get(c)!;
      asked.delete(c);
    }
    if (text.tail) yield text.tail;
  } finally {
    for (const worker of workers) worker.stop();
  }
}

/** A worker thread that formats the rows asked for, in the order asked. */
function formatter(rows: FieldRows, kind: DataText['kind']) {
  const worker = new (workerThreads().Worker)(new URL('./data-worker.js', import.meta.url), { workerData: { rows, kind }, resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 } });
  const waiting: { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }[] = [];
  const fail = (error: Error) => {
    for (const w of waiting.splice(0)) w.reject(error);
  };
  worker.on('message', (bytes: Uint8Array) => waiting.shift()?.resolve(bytes));
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`a formatting thread stopped (exit code ${code})`)));
  return {
    format(start: number, end: number): Promise<Uint8Array> {
      const done = new Promise<Uint8Array>((resolve, reject) => waiting.push({ resolve, reject }));
      // Chunks asked for ahead may fail after the export has stopped (the write failed): nobody awaits them then.
      done.catch(() => undefined);
      worker.postMessage([start, end]);
      return done;
    },
    stop: () => void worker.terminate(),
  };
}
