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

const STATUS: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/** What happens on a second signal, after the work was asked to stop. */
export type OnSecondSignal = (interrupted: Interrupted) => void | Promise<void>;

/**
 * Catches SIGHUP (a closed terminal), SIGINT (Ctrl-C) and SIGTERM (a cancelled
 * CI job) while work runs: the first one aborts `signal` with an Interrupted
 * as its reason, and the work stops as it decides (a chart at once, a batch
 * after the charts in progress); a second one calls `onSecond`, which by
 * default removes this thread's temporary files and exits at once.
 * `stopBy` aborted does what a signal does (its reason names the signal).
 * `stop()` removes the handlers; `finish()` too, and signals that come
 * later are ignored while the process ends with the work's own status.
 */
export function watchSignals(
  onSignal: (signal: NodeJS.Signals) => void = () => {},
  onSecond: OnSecondSignal = exitNow,
  stopBy?: AbortSignal,
): { signal: AbortSignal; received: () => Interrupted | undefined; stop: () => void; finish: () => void } {
  const controller = new AbortController();
  let received: Interrupted | undefined;
  const handle = (name: NodeJS.Signals) => {
    if (received) {
      void onSecond(received);
      return;
    }
    received = new Interrupted(name, STATUS[name]!);
    controller.abort(received);
    onSignal(name);
  };
  const names = Object.keys(STATUS) as NodeJS.Signals[];
  for (const name of names) process.on(name, handle);
  // A run inside a test (or a caller of its own) stops through its AbortSignal, whose reason names the signal.
  const onAbort = () => handle((STATUS[String(stopBy!.reason) as NodeJS.Signals] ? stopBy!.reason : 'SIGINT') as NodeJS.Signals);
  stopBy?.addEventListener('abort', onAbort, { once: true });
  const stop = () => {
    names.forEach((name) => process.off(name, handle));
    stopBy?.removeEventListener('abort', onAbort);
  };
  return {
    signal: controller.signal,
    received: () => received,
    stop,
    finish: () => {
      // A signal between the end of the work and the end of the process must not make a done run look failed;
      // a run inside another program (stopped through `stopBy`) leaves that program's signals alone.
      if (!stopBy) for (const name of names) if (!process.listeners(name).includes(ignore)) process.on(name, ignore);
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
