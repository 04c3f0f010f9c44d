import { RunError } from '../run.js';

/** A batch stopped by a signal; the CLI exits with `status` (128 + the signal's number, 130 for SIGINT). */
export class Interrupted extends RunError {
  constructor(
    readonly signal: NodeJS.Signals,
    readonly status: number,
    outcome = 'no chart was left half-written',
  ) {
    super(`interrupted by ${signal}; ${outcome}`);
  }
}

const STATUS: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

/**
 * Catches SIGINT (Ctrl-C) and SIGTERM (a cancelled CI job) while a batch runs:
 * the first one aborts `signal`, so no further chart starts while the ones in
 * progress finish their atomic writes. `stop()` removes the handlers.
 */
export function watchSignals(onSignal: (signal: NodeJS.Signals) => void, stop?: AbortSignal): { signal: AbortSignal; received: () => Interrupted | undefined; stop: () => void } {
  const controller = new AbortController();
  let received: Interrupted | undefined;
  const handle = (name: NodeJS.Signals) => {
    if (received) return;
    received = new Interrupted(name, STATUS[name]!);
    controller.abort();
    onSignal(name);
  };
  const names = Object.keys(STATUS) as NodeJS.Signals[];
  for (const name of names) process.on(name, handle);
  // A run inside a test (or a caller of its own) stops through its AbortSignal, whose reason names the signal.
  const onAbort = () => handle((STATUS[String(stop!.reason) as NodeJS.Signals] ? stop!.reason : 'SIGINT') as NodeJS.Signals);
  stop?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    received: () => received,
    stop: () => {
      names.forEach((name) => process.off(name, handle));
      stop?.removeEventListener('abort', onAbort);
    },
  };
}
