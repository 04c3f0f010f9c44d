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
  /**
   * Aborted, with a signal's name as its reason, to stop the run as that signal would: for a run
   * inside another program. The process's own signals are caught by watchSignals: a batch's for
   * the whole run, a chart's only while its output is written (before, they end the process).
   */
  signal?: AbortSignal;
}

/**
 * The process's own streams and environment. The streams are made on first
 * use: making one loads Node's net or tty modules, which a run that writes
 * only its output file never needs.
 */
export function processIo(): Io {
  let watched = false;
  return {
    get stdout() {
      // A reader that goes away early (`gradplot --help | head -1`) ends the output, quietly; another failure is one line.
      if (!watched) {
        watched = true;
        process.stdout.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code !== 'EPIPE') process.stderr.write(`gradplot: cannot write to stdout: ${error.message}\n`);
          process.exit(error.code === 'EPIPE' ? 0 : 1);
        });
      }
      return process.stdout;
    },
    get stderr() {
      return process.stderr;
    },
    env: process.env,
  };
}
