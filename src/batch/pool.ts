import { availableParallelism, loadavg } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { readyCanvasForWorkers } from '../render/canvas-addon.js';
import { drawsLong } from './draws-long.js';
import { perform, type Outcome, type Task } from './perform.js';
import { workerThreads } from '../util/lazy-builtins.js';

// Beside this module both in dist/batch/ (tsc) and in dist/cli/ (the bundle, where worker.js is an entry point).
const workerUrl = () => new URL('./worker.js', import.meta.url);

/**
 * Cores one drawing thread keeps busy: its own, and about as much again on
 * other threads, encoding its PNGs (libuv's) and compiling and collecting
 * garbage for it (V8's).
 */
const CORES_PER_THREAD = 2;

/**
 * Threads for a batch when none is asked for: one for every two cores that
 * other processes leave idle (by the 1-minute load average), at least one: a
 * thread without cores of its own adds its start, compiler and heap and draws
 * nothing sooner.
 */
export function defaultJobs(cores = availableParallelism(), load = loadavg()[0]!): number {
  return Math.max(1, Math.min(cores, Math.round((cores - load) / CORES_PER_THREAD)));
}

/**
 * A fixed number of threads that perform batch tasks: the main thread, which
 * is idle otherwise, and worker threads started on first use. The main thread
 * starts at once; a worker thread loads Vega first.
 */
export class Pool {
  /** Each live worker and its tasks in flight, by id. */
  private readonly workers = new Map<Worker, Map<number, Reply>>();
  /** Tasks in flight on the main thread. */
  private onMain = 0;
  /** Set by close(): a worker that stops now was stopped, not broken. */
  private closing = false;
  /** Whether some task draws with the canvas addon (PNG, PDF): SVG and data need no canvas. */
  private drawsPixels = false;

  /**
   * @param size The number of threads, the main thread included.
   * @param perThread Tasks in flight per thread: with 2, a thread draws one chart while the
   *   PNG of the previous is encoded on libuv's threads.
   */
  constructor(
    private readonly size: number,
    private readonly perThread = 2,
  ) {}

  /**
   * Performs `tasks` in list order, at most `perThread` per thread at a time,
   * calling `onDone` as each finishes. Once `signal` is aborted no further task
   * starts; resolves when the started ones are done (so no write is cut short).
   */
  async run(tasks: readonly Task[], onDone: (task: Task, outcome: Outcome) => void | Promise<void>, signal?: AbortSignal): Promise<void> {
    this.drawsPixels ||= tasks.some(({ kind, request }) => kind === 'render' && (request.format === 'png' || request.format === 'pdf'));
    let next = 0;
    const takeInTurn = async () => {
      while (next < tasks.length && !signal?.aborted) {
        const task = tasks[next++];
        await onDone(task, await this.perform(task));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.size * this.perThread, tasks.length) }, takeInTurn));
  }

  /** Stops every worker; their tasks in flight end as cancelled. */
  async close(): Promise<void> {
    this.closing = true;
    const workers = [...this.workers.keys()];
    this.workers.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }

  // One task on the least busy thread, the main thread first (a new worker while there are fewer than `size`);
  // a chart that draws long on a worker, started for it if need be, even when `size` is 1.
  private async perform(task: Task): Promise<Outcome> {
    const thread = task.kind === 'render' && drawsLong(task.request) ? this.leastBusyWorker() : this.leastBusyThread();
    if (thread === 'main') {
      this.onMain++;
      try {
        return await perform(task);
      } finally {
        this.onMain--;
      }
    }
    const start = performance.now();
    const [worker, inFlight] = thread;
    return new Promise<Outcome>((resolve, reject) => {
      inFlight.set(task.id, { resolve, reject });
      worker.postMessage(task);
    }).catch((error: Error) => ({ id: task.id, ok: false, seconds: (performance.now() - start) / 1000, error: `its worker stopped: ${error.message}`, ...(this.closing ? { cancelled: true as const } : {}) }));
  }

  private leastBusyThread(): 'main' | [Worker, Map<number, Reply>] {
    const best = this.idlestWorker();
    const least = Math.min(this.onMain, best?.[1].size ?? Infinity);
    if (least > 0 && this.workers.size < this.size - 1) return this.spawn();
    return this.onMain === least ? 'main' : best!;
  }

  private leastBusyWorker(): [Worker, Map<number, Reply>] {
    const best = this.idlestWorker();
    if (!best || (best[1].size > 0 && this.workers.size < this.size - 1)) return this.spawn();
    return best;
  }

  private idlestWorker(): [Worker, Map<number, Reply>] | undefined {
    let best: [Worker, Map<number, Reply>] | undefined;
    for (const entry of this.workers) if (!best || entry[1].size < best[1].size) best = entry;
    return best;
  }

  private spawn(): [Worker, Map<number, Reply>] {
    if (this.drawsPixels) readyCanvasForWorkers();
    const worker = new (workerThreads().Worker)(workerUrl());
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
