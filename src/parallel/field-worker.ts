// Chunks of a large grid's field, computed in a worker thread (see sample.ts).
import { workerData } from 'node:worker_threads';
import { findBuiltin } from '../functions/builtins.js';
import { fromCode } from '../functions/expression.js';
import type { ScalarFunction } from '../function-types.js';
import { computeChunks, type WorkerTask } from './sample.js';

const task = workerData as WorkerTask;
const fn: ScalarFunction = task.source.kind === 'builtin' ? findBuiltin(task.source.name)! : { dim: 2, ...fromCode(task.source.code) };
computeChunks(fn, task, task.options);
