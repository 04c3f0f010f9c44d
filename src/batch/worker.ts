/** A batch worker thread: performs the tasks the pool sends it and answers with their outcomes. */
import { parentPort } from 'node:worker_threads';
import { perform, type Task } from './perform.js';

parentPort!.on('message', (task: Task) => {
  void perform(task).then((outcome) => parentPort!.postMessage(outcome));
});
