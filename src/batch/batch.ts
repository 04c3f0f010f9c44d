/**
 * Runs a checked manifest:
 *
 *   charts ──shard──▶ this run's charts ──(shared scale: measure every chart)──▶
 *   up to date? ──no──▶ pool of worker threads ──▶ outputs + cache ──▶ summary
 */
import { realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, relative } from 'node:path';
import { removeTemporaries, removeUnfinished } from '../output/write.js';
import { arrowGrid } from '../render/arrow-grid.js';
import type { PlotRequest } from '../request.js';
import { LIMITS } from '../util/limits.js';
import { CACHE_FILE, OutputCache, requestKey } from './cache.js';
import { watchSignals, type Interrupted } from './interrupt.js';
import type { BatchChart, Manifest } from './manifest.js';
import { Pool } from './pool.js';
import { Progress } from './progress.js';
import { inShard, type Shard } from './shard.js';
import { sharedArrowScale, sharedColorDomains, type Measured } from './shared-scale.js';
import { roundSeconds, summarize, type ChartResult, type Summary } from './summary.js';
import type { Task } from './perform.js';

/** How to run a batch: `gradplot batch`'s flags. */
export interface BatchOptions {
  /** Threads drawing charts, the main thread included; at most the number of cores. */
  jobs: number;
  /** Render only this share of the charts. */
  shard?: Shard;
  /** Render charts that are up to date too. */
  force?: boolean;
  /** Start no chart after the first failure. */
  failFast?: boolean;
  /** Print only errors. */
  quiet?: boolean;
  /** Where progress goes. Default process.stderr. */
  stderr?: import('node:stream').Writable;
  /** For NO_COLOR. Default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Aborted (its reason a signal's name) to stop as SIGINT does. */
  signal?: AbortSignal;
}

/** The summary, and the signal that stopped the batch, if one did. */
export interface BatchResult {
  summary: Summary;
  interrupted?: Interrupted;
}

/**
 * Renders the manifest's charts (or its shard of them) in parallel, skipping
 * those up to date, with progress on stderr. A failed chart does not stop the
 * others (unless `failFast`). A first SIGINT, SIGTERM or SIGHUP stops starting
 * charts and lets those in progress finish, so no output is left half-written;
 * a second one stops them at once, removes their temporary files and exits.
 */
export async function runBatch(manifest: Manifest, options: BatchOptions): Promise<BatchResult> {
  const start = performance.now();
  const mine = options.shard ? manifest.charts.filter((c) => inShard(c.name, options.shard!)) : manifest.charts;
  const progress = new Progress({ total: mine.length, stream: options.stderr ?? process.stderr, env: options.env, quiet: options.quiet });
  // More threads than cores only share the cores, each with its own copy of Vega and the field.
  const jobs = Math.min(options.jobs, availableParallelism() * LIMITS.jobsPerCore.max);
  if (jobs < options.jobs) progress.note(`note: --jobs ${options.jobs} lowered to ${jobs}, the number of cores`);
  // With --fail-fast, one chart at a time per thread, so that none starts after a failure.
  const pool = new Pool(jobs, options.failFast ? 1 : 2);
  const cache = new OutputCache((message) => progress.note(`warning: ${message}`));
  const signals = watchSignals(
    (name) => progress.note(`${name}: finishing the charts in progress and starting no more (again to stop them at once)`),
    async (interrupted) => {
      progress.note(`${interrupted.signal} again: stopping the charts in progress`);
      await pool.close();
      await cache.save().catch(() => []);
      for (const folder of outputFolders(mine)) removeTemporaries(folder);
      removeUnfinished();
      (options.stderr ?? process.stderr).write(`gradplot: ${interrupted.message.replace(/;.*/, '')}; the charts in progress were stopped and their temporary files removed\n`);
      process.exit(interrupted.status);
    },
    options.signal,
  );
  const results = new Map<number, ChartResult>();
  const report: Report = (chart, outcome) => {
    const r = result(chart, outcome);
    results.set(chart.index, r);
    progress.chart(r);
  };
  try {
    const requests = mine.some((c) => c.sharedScale) ? await shareScale(manifest.charts, pool, signals.signal) : new Map<number, PlotRequest>();
    if (!signals.signal.aborted) {
      progress.start();
      await renderStale(mine.map((c) => ({ chart: c, request: requests.get(c.index) ?? c.request })), { pool, cache, options, signal: signals.signal, report });
    }
  } finally {
    await pool.close();
    for (const folder of await cache.save()) progress.note(`warning: cannot save ${relative(process.cwd(), folder) || '.'}/${CACHE_FILE}; its charts will render again next time`);
    signals.finish();
  }
  for (const chart of mine) {
    if (!results.has(chart.index)) results.set(chart.index, result(chart, { status: 'cancelled', seconds: null, error: null }));
  }
  const interrupted = signals.received();
  const shard = options.shard ? `${options.shard.index}/${options.shard.count}` : null;
  const summary = summarize(manifest.file, shard, [...results.values()], (performance.now() - start) / 1000, Boolean(interrupted));
  progress.finish(summary);
  return { summary, interrupted };
}

// What became of a chart, before it is named by its index and out path.
type ChartFate = Omit<ChartResult, 'index' | 'out'>;
type Report = (chart: BatchChart, outcome: ChartFate) => void;

interface RenderContext {
  pool: Pool;
  cache: OutputCache;
  options: BatchOptions;
  signal: AbortSignal;
  report: Report;
}

// Skips the charts that are up to date and renders the others on the pool, recording each output written.
async function renderStale(charts: { chart: BatchChart; request: PlotRequest }[], { pool, cache, options, signal, report }: RenderContext): Promise<void> {
  const tasks: Task[] = [];
  const pending = new Map<number, { chart: BatchChart; key: string }>();
  for (const { chart, request } of charts) {
    const key = requestKey(request);
    if (!options.force && (await cache.isFresh(request.out!, key))) {
      report(chart, { status: 'skipped', seconds: null, error: null });
    } else {
      tasks.push({ id: chart.index, kind: 'render', request });
      pending.set(chart.index, { chart, key });
    }
  }
  const failed = new AbortController();
  await pool.run(
    tasks,
    async (task, outcome) => {
      const { chart, key } = pending.get(task.id)!;
      if (outcome.ok) {
        // A record that cannot be made only means the chart renders again next time.
        await cache.record(task.request.out!, key).catch(() => {});
        report(chart, { status: 'rendered', seconds: outcome.seconds, error: null });
      } else if (outcome.cancelled) {
        report(chart, { status: 'cancelled', seconds: null, error: null });
      } else {
        report(chart, { status: 'failed', seconds: outcome.seconds, error: outcome.error });
        if (options.failFast) failed.abort();
      }
    },
    AbortSignal.any([signal, failed.signal]),
  );
}

// Every folder a chart may have a temporary file in: its out's, and its target's when the out is a link.
function outputFolders(charts: readonly BatchChart[]): Set<string> {
  const folders = new Set<string>();
  for (const { request } of charts) {
    folders.add(dirname(request.out!));
    try {
      folders.add(dirname(realpathSync(request.out!)));
    } catch {
      // Not written yet.
    }
  }
  return folders;
}

function result(chart: BatchChart, outcome: ChartFate): ChartResult {
  const seconds = outcome.seconds === null ? null : roundSeconds(outcome.seconds);
  return { index: chart.index, out: relative(process.cwd(), chart.request.out!), ...outcome, seconds };
}

/**
 * Measures every chart that shares the arrow scale, in every shard (so that all
 * shards agree), and resolves to their requests with that scale set.
 */
async function shareScale(charts: readonly BatchChart[], pool: Pool, signal: AbortSignal): Promise<Map<number, PlotRequest>> {
  const shared = charts.filter((c) => c.sharedScale);
  const measured: Measured[] = [];
  await pool.run(
    shared.map((c) => ({ id: c.index, kind: 'measure', request: c.request })),
    // A chart that cannot be measured does not constrain the scale; its render reports why.
    (task, outcome) => {
      if (!outcome.ok) return;
      // The chart's longest arrow fills its cell's shorter side on screen (see --max-arrows, --aspect).
      measured.push({ step: arrowGrid(task.request).room, length: task.request.length, maxMagnitude: outcome.maxMagnitude!, fRange: outcome.fRange });
    },
    signal,
  );
  const arrowScale = sharedArrowScale(measured);
  const colors = sharedColorDomains(measured);
  return new Map(shared.map((c) => [c.index, { ...c.request, ...(arrowScale === undefined ? {} : { arrowScale }), ...colors }]));
}
