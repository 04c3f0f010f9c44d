import { createRequire } from 'node:module';

/*
 * Node.js built-in modules that take milliseconds to load and that most runs
 * never use (a list, a small CSV, one default chart), loaded on first use.
 */

const require = createRequire(import.meta.url);

/** node:worker_threads: only runs that start a thread need it. */
export const workerThreads = (): typeof import('node:worker_threads') => require('node:worker_threads') as typeof import('node:worker_threads');

/** node:tty (with node:net): only a run that asks whether a device is a terminal needs it. */
export const tty = (): typeof import('node:tty') => require('node:tty') as typeof import('node:tty');
