/**
 * Phase timings of one run, printed on stderr when GRADPLOT_TIMINGS=1 (the
 * benchmark reads them). Times are from the process's start (performance.now()).
 */
const enabled = () => process.env.GRADPLOT_TIMINGS === '1';
const marks: [string, number][] = [];
let recording = true;

/** Records the end of a phase. */
export function mark(phase: string): void {
  if (enabled() && recording) marks.push([phase, performance.now()]);
}

/** Records no further phase: a batch draws many charts on this thread, and its summary has their times. */
export function stopTimings(): void {
  recording = false;
}

/** Prints `timings: phase N ms, …, total N ms` once, if enabled. */
export function printTimings(): void {
  if (!enabled() || marks.length === 0) return;
  let last = 0;
  const parts = marks.map(([phase, at]) => {
    const part = `${phase} ${(at - last).toFixed(1)} ms`;
    last = at;
    return part;
  });
  process.stderr.write(`timings: ${parts.join(', ')}, total ${last.toFixed(1)} ms\n`);
  marks.length = 0;
}
