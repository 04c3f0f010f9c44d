// Formats chunks of a field's rows for threaded-data.ts: the rows are in shared memory, the text goes back as bytes.
import { parentPort, workerData } from 'node:worker_threads';
import { ROWS, type DataText, type FieldRows } from './data.js';

const { rows, kind } = workerData as { rows: FieldRows; kind: DataText['kind'] };

parentPort!.on('message', ([start, end]: [number, number]) => {
  // The text is ASCII: one byte per character, handed over without a copy.
  const bytes = Buffer.from(ROWS[kind](rows, start, end), 'latin1');
  // A small Buffer shares Node's pool with others: that one is copied out before it is handed over.
  const own = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength ? bytes : new Uint8Array(bytes);
  parentPort!.postMessage(own, [own.buffer]);
});
