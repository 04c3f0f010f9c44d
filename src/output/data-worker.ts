// Formats chunks of a field's rows for threaded-data.ts: the rows are in shared memory, the text goes back as bytes.
import { parentPort, workerData } from 'node:worker_threads';
import { ROWS, type DataText, type FieldRows } from './data.js';

const { rows, kind } = workerData as { rows: FieldRows; kind: DataText['kind'] };

parentPort!.on('message', ([start, end]: [number, number]) => {
  // The rows' bytes have memory of their own: handed over without a copy.
  const bytes = ROWS[kind](rows, start, end);
  parentPort!.postMessage(bytes, [bytes.buffer]);
});
