import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Outcome, Task } from './worker.js';

// Beside this module both in dist/batch/ (tsc) and in dist/cli/ (the bundle, where worker.js is an entry point).
const WORKER = new URL('./worker.js', import.meta.url);

/** A fixed number of worker threads, started on first use, that perform batch tasks. */
export class Pool {
  private readonly idle: Worker[] = [];
  private readonly workers = new Set<Worker>();

  /** @param size The most tasks that run at once (worker threads). */
  constructor(private readonly size: number) {}

  /**
   * Performs `tasks` in list order, at most `size` at a time, calling `onDone`
   * as each finishes. Once `signal` is aborted no further task starts; resolves
   * when the started ones are done (so no write is cut short).
   */
  async run(tasks: readonly Task[], onDone: (task: Task, outcome: Outcome) => void | Promise<void>, signal?: AbortSignal): Promise<void> {
    let next = 0;
    const lane = async () => {
      while (next < tasks.length && !signal?.aborted) {
        const task = tasks[next++];
        await onDone(task, await this.perform(task));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.size, tasks.length) }, lane));
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    const workers = [...this.workers];
    this.workers.clear();
    this.idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }

  // One task on an idle worker; a worker that dies fails its task and is replaced by the next task's.
  private async perform(task: Task): Promise<Outcome> {
    const worker = this.idle.pop() ?? this.spawn();
    const start = performance.now();
    try {
      const outcome = await answer(worker, task);
      this.idle.push(worker);
      return outcome;
    } catch (error) {
      this.workers.delete(worker);
      void worker.terminate();
      return { id: task.id, ok: false, seconds: (performance.now() - start) / 1000, error: `its worker stopped: ${(error as Error).message}` };
    }
  }

  private spawn(): Worker {
    // canvas is a native addon: when only worker threads have loaded it, the process
    // crashes (SIGSEGV) as the last of them exits. Loaded here too, it stays loaded.
    createRequire(import.meta.url)('canvas');
    const worker = new Worker(WORKER);
    this.workers.add(worker);
    return worker;
  }
}

// The worker's reply to one task; rejects if the worker fails or exits first.
function answer(worker: Worker, task: Task): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const done = () => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    };
    const onMessage = (outcome: Outcome) => {
      done();
      resolve(outcome);
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const onExit = (code: number) => onError(new Error(`exit code ${code}`));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(task);
  });
}
