import type { Writable } from 'node:stream';

/** Exit status of a run stopped by a signal: 128 + the signal's number. */
export const SIGNAL_STATUS: Readonly<Record<string, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/**
 * Everything of the outside world one run of the command line uses, so that
 * `main(argv, io)` runs in a test as well as in its own process.
 */
export interface Io {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted, with the signal's name as its reason, when the run is to stop (Ctrl-C, a cancelled job). */
  signal: AbortSignal;
  /** Ends the process at once after an interrupted run, so that work still in progress does not hold it. */
  exitNow?: (status: number) => void;
}

/** The process's own streams, environment and signals (SIGINT, SIGTERM, SIGHUP). */
export function processIo(): Io {
  const controller = new AbortController();
  for (const name of Object.keys(SIGNAL_STATUS)) process.on(name, () => controller.abort(name));
  // A reader that goes away early (`gradplot --help | head -1`) ends the output, quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, signal: controller.signal, exitNow: (status) => process.exit(status) };
}
