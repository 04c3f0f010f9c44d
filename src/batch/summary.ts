/** What became of one chart. `cancelled`: not started, after an interrupt or `--fail-fast`, or stopped by a second signal. */
export type Status = 'rendered' | 'skipped' | 'failed' | 'cancelled';

/** One chart's line in the summary (`--json` prints these as they are). */
export interface ChartResult {
  /** Position in the manifest's `charts`, from 0. */
  index: number;
  /** The output file, relative to the working folder. */
  out: string;
  status: Status;
  /** Wall time of its render in seconds; null when it did not run. */
  seconds: number | null;
  /** Why it failed; null otherwise. */
  error: string | null;
}

/** The outcome of a batch, for people (stderr) and for CI (`--json`). */
export interface Summary {
  manifest: string;
  /** `i/n` with `--shard`, else null. */
  shard: string | null;
  /** Charts this run was given (its shard's). */
  total: number;
  rendered: number;
  skipped: number;
  failed: number;
  cancelled: number;
  /** Wall time of the whole batch in seconds. */
  seconds: number;
  /** Stopped by SIGINT or SIGTERM. */
  interrupted: boolean;
  /** In manifest order. */
  charts: ChartResult[];
}

/** Counts the results and orders them as the manifest does. */
export function summarize(manifest: string, shard: string | null, results: ChartResult[], seconds: number, interrupted: boolean): Summary {
  const count = (status: Status) => results.filter((r) => r.status === status).length;
  return {
    manifest,
    shard,
    total: results.length,
    rendered: count('rendered'),
    skipped: count('skipped'),
    failed: count('failed'),
    cancelled: count('cancelled'),
    seconds: roundSeconds(seconds),
    interrupted,
    charts: [...results].sort((a, b) => a.index - b.index),
  };
}

/** One line: `12 charts in 3.42 s: 10 rendered, 1 skipped, 1 failed`. */
export function summaryLine(s: Summary): string {
  const counts = [`${s.rendered} rendered`, `${s.skipped} skipped`, `${s.failed} failed`, ...(s.cancelled ? [`${s.cancelled} cancelled`] : [])];
  const charts = s.total === 1 ? '1 chart' : `${s.total} charts`;
  return `${s.shard ? `shard ${s.shard}: ` : ''}${charts} in ${s.seconds.toFixed(2)} s: ${counts.join(', ')}`;
}

/** The failures, one per line: `charts[3] gallery/bad.png: why`. */
export function failureLines(s: Summary): string[] {
  return s.charts.filter((c) => c.status === 'failed').map((c) => `charts[${c.index}] ${c.out}: ${c.error}`);
}

/** Seconds to the millisecond, so logs and JSON stay short. */
export function roundSeconds(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
