/** How long synchronous work runs before it lets the event loop handle signals and I/O, in ms. */
const SLICE_MS = 20;

/**
 * Runs work written as a generator (each `yield` a point where it may pause)
 * to its end, letting the event loop run every few milliseconds, so that a
 * signal handler gets to abort `signal`; then it stops with `signal.reason`.
 * Long numeric loops stay synchronous and plain, and still end promptly.
 */
export async function runSteps<T>(steps: Generator<unknown, T>, signal?: AbortSignal): Promise<T> {
  // Date.now(): milliseconds are enough here, and the first use of `performance` loads perf_hooks.
  let last = Date.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (Date.now() - last >= SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
      last = Date.now();
    }
  }
}

/** Runs work written as a generator to its end at once, for callers that need no pauses. */
export function runAll<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
