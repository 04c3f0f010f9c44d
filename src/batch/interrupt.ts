import { SIGNAL_STATUS } from '../io.js';
import { removeUnfinished } from '../output/write.js';
import { RunError } from '../run.js';

/** Work stopped by a signal; the CLI exits with `status` (128 + the signal's number: 129 SIGHUP, 130 SIGINT, 143 SIGTERM). */
export class Interrupted extends RunError {
  constructor(
    readonly signal: NodeJS.Signals,
    readonly status: number,
    outcome = 'no chart was left half-written',
  ) {
    super(`interrupted by ${signal}; ${outcome}`);
  }
}

/** What happens on a second signal, after the work was asked to stop. */
export type OnSecondSignal = (interrupted: Interrupted) => void | Promise<void>;

/** A watch over signals: the work's AbortSignal, and the handlers' lifetime. */
export interface SignalWatch {
  /** Aborted at the first signal, with an Interrupted as its reason. */
  signal: AbortSignal;
  /** The first signal, if one came. */
  received: () => Interrupted | undefined;
  /** Catches the process's signals from now on (once the work may leave a file behind). */
  catchSignals: () => void;
  /** Removes the handlers. */
  stop: () => void;
  /** Removes the handlers; signals that come later are ignored while the process ends with the work's own status. */
  finish: () => void;
}

const NAMES = Object.keys(SIGNAL_STATUS) as NodeJS.Signals[];

/**
 * Catches SIGHUP (a closed terminal), SIGINT (Ctrl-C) and SIGTERM (a cancelled
 * CI job) while work runs: the first one aborts the watch's signal with an
 * Interrupted as its reason, and the work stops as it decides (a chart at once,
 * a batch after the charts in progress); a second one calls `onSecond`, which by
 * default removes this thread's temporary files and exits at once.
 * `stopBy` aborted does what a signal does (its reason names the signal).
 *
 * A handler runs only between two pieces of synchronous work, so with
 * `catchNow: false` the process's signals keep their default action (the
 * kernel ends the process at once, even in the middle of compiling or
 * drawing) until `catchSignals()`: for work that has made no file yet.
 */
export function watchSignals(
  onSignal: (signal: NodeJS.Signals) => void = () => {},
  onSecond: OnSecondSignal = exitNow,
  stopBy?: AbortSignal,
  { catchNow = true }: { catchNow?: boolean } = {},
): SignalWatch {
  const controller = new AbortController();
  let received: Interrupted | undefined;
  const handle = (name: NodeJS.Signals) => {
    if (received) {
      void onSecond(received);
      return;
    }
    received = new Interrupted(name, SIGNAL_STATUS[name]!);
    controller.abort(received);
    onSignal(name);
  };
  let catching = false;
  const catchSignals = () => {
    if (catching) return;
    catching = true;
    for (const name of NAMES) process.on(name, handle);
  };
  if (catchNow) catchSignals();
  // A run inside a test (or a caller of its own) stops through its AbortSignal, whose reason names the signal.
  const onAbort = () => handle((SIGNAL_STATUS[String(stopBy!.reason)] ? stopBy!.reason : 'SIGINT') as NodeJS.Signals);
  if (stopBy?.aborted) onAbort();
  else stopBy?.addEventListener('abort', onAbort, { once: true });
  const stop = () => {
    if (catching) for (const name of NAMES) process.off(name, handle);
    catching = false;
    stopBy?.removeEventListener('abort', onAbort);
  };
  return {
    signal: controller.signal,
    received: () => received,
    catchSignals,
    stop,
    finish: () => {
      // A signal between the end of the work and the end of the process must not make a done run look failed;
      // a run inside another program (stopped through `stopBy`) leaves that program's signals alone.
      if (!stopBy) for (const name of NAMES) if (!process.listeners(name).includes(ignore)) process.on(name, ignore);
      stop();
    },
  };
}

function ignore(): void {}

/** Ends the process with the first signal's status, its temporary files removed. */
export function exitNow(interrupted: Interrupted): never {
  removeUnfinished();
  process.stderr.write(`gradplot: ${interrupted.signal} again: stopping at once\n`);
  process.exit(interrupted.status);
}
