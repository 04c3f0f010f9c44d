import { Worker } from 'node:worker_threads';
import { registerFonts } from '../render/render.js';
import type { Outcome, Task } from './worker.js';

// Beside this module both in dist/batch/ (tsc) and in dist/cli/ (the bundle, where worker.js is an entry point).
const workerUrl = () => new URL('./worker.js', import.meta.url);

/** A fixed number of worker threads, started on first use, that perform batch tasks. */
export class Pool {
  /** Each live worker and its tasks in flight, by id. */
  private readonly workers = new Map<Worker, Map<number, Reply>>();

  /**
   * @param size The number of worker threads.
   * @param perWorker Tasks in flight per worker: with 2, a worker draws one chart while the
   *   PNG of the previous is encoded on libuv's threads.
   */
  constructor(
    private readonly size: number,
    private readonly perWorker = 2,
  ) {}

  /**
   * Performs `tasks` in list order, at most `perWorker` per thread at a time,
   * calling `onDone` as each finishes. Once `signal` is aborted no further task
   * starts; resolves when the started ones are done (so no write is cut short).
   */
  async run(tasks: readonly Task[], onDone: (task: Task, outcome: Outcome) => void | Promise<void>, signal?: AbortSignal): Promise<void> {
    let next = 0;
    const lane = async () => {
      while (next < tasks.length && !signal?.aborted) {
        const task = tasks[next++];
        await onDone(task, await this.perform(task));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.size * this.perWorker, tasks.length) }, lane));
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    const workers = [...this.workers.keys()];
    this.workers.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }

  // One task on the least busy worker (a new one while there are fewer than `size`).
  private perform(task: Task): Promise<Outcome> {
    const start = performance.now();
    const [worker, inFlight] = this.pick();
    return new Promise<Outcome>((resolve, reject) => {
      inFlight.set(task.id, { resolve, reject });
      worker.postMessage(task);
    }).catch((error: Error) => ({ id: task.id, ok: false, seconds: (performance.now() - start) / 1000, error: `its worker stopped: ${error.message}` }));
  }

  private pick(): [Worker, Map<number, Reply>] {
    let best: [Worker, Map<number, Reply>] | undefined;
    for (const entry of this.workers) if (!best || entry[1].size < best[1].size) best = entry;
    return best && (best[1].size === 0 || this.workers.size >= this.size) ? best : this.spawn();
  }

  private spawn(): [Worker, Map<number, Reply>] {
    // canvas is a native addon: when only worker threads have loaded it, the process
    // crashes (SIGSEGV) as the last of them exits. Loaded here, with the fonts registered
    // (not thread-safe, so never in the workers), it stays loaded.
    registerFonts();
    const worker = new Worker(workerUrl());
    const inFlight = new Map<number, Reply>();
    this.workers.set(worker, inFlight);
    // A worker that dies fails its tasks in flight; later tasks go to the others or a new one.
    const fail = (error: Error) => {
      this.workers.delete(worker);
      for (const reply of inFlight.values()) reply.reject(error);
      inFlight.clear();
    };
    worker.on('message', (outcome: Outcome) => {
      inFlight.get(outcome.id)?.resolve(outcome);
      inFlight.delete(outcome.id);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    return [worker, inFlight];
  }
}

interface Reply {
  resolve: (outcome: Outcome) => void;
  reject: (error: Error) => void;
}
