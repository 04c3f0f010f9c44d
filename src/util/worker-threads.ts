import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * node:worker_threads, loaded on first use: it takes milliseconds to load,
 * and most commands (a list, a small CSV, one default chart) start no thread.
 */
export const workerThreads = (): typeof import('node:worker_threads') => require('node:worker_threads') as typeof import('node:worker_threads');
