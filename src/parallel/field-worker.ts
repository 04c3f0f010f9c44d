// One share of a large grid's field, computed in a worker thread (see sample.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { findBuiltin } from '../functions/builtins.js';
import { fromCode } from '../functions/expression.js';
import type { ScalarFunction } from '../functions/types.js';
import { computeSlice, type WorkerTask } from './sample.js';

const task = workerData as WorkerTask;
const fn: ScalarFunction = task.source.kind === 'builtin' ? findBuiltin(task.source.name)! : { dim: 2, ...fromCode(task.source.code) };
computeSlice(fn, task, task.start, task.end, task.options);
parentPort!.postMessage('done');
