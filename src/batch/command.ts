/**
 * `gradplot batch` and `gradplot schema`:
 *
 *   manifest ──loadManifest──▶ checked charts ──runBatch──▶ outputs, progress (stderr), summary (stderr | --json stdout)
 *
 * Exit status as the CLI's: 2 the manifest has problems (nothing rendered); 1 some
 * charts failed (the others are written); 128 + signal when interrupted.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Io } from '../io.js';
import { OPTIONS } from '../options.js';
import { writeOutput } from '../output/write.js';
import { RunError, writeFailure } from '../run.js';
import { stopTimings } from '../util/timings.js';
import { defaultJobs } from './pool.js';
import type { Shard } from './shard.js';
import { ARROW_SCALE, SHARED } from './shared-scale.js';
import { failureLines } from './summary.js';

interface BatchFlags {
  jobs?: number;
  outDir?: string;
  allowOutside?: boolean;
  shard?: Shard;
  force?: boolean;
  failFast?: boolean;
  quiet?: boolean;
  json?: boolean;
  [chartOption: string]: unknown;
}

/** Chart options that are not taken on the batch line: each chart has its own out (and so format); --check is for one chart. */
const NOT_ON_BATCH_LINE = ['out', 'format', 'check'];
const OWN_FLAGS = ['jobs', 'outDir', 'allowOutside', 'shard', 'force', 'failFast', 'quiet', 'json', 'debug'];

/**
 * The `batch` subcommand: many charts from one manifest. Without
 * `chartOptions`, it takes only its own flags: for a command line that does
 * not run it, where its help shows nothing but its name.
 */
export function batchCommand(io: Io, { chartOptions = true } = {}): Command {
  const cmd = new Command('batch')
    .description('render the charts of a manifest (YAML or JSON) in parallel, skipping those up to date')
    .argument('<manifest>', 'a .yaml, .yml or .json file: `defaults` and a list of `charts`, each with an out path (see `gradplot schema`)')
    .option('-j, --jobs <n>', 'threads drawing charts, the main thread included (default: one per two idle cores)', parseJobs)
    .option('--out-dir <dir>', 'folder the out paths are relative to (default: the manifest\'s folder)')
    .option('--allow-outside', 'let out paths leave the output folder (absolute paths, ../, links that lead out)')
    .option('--shard <i/n>', 'render only share i of n, e.g. 2/4: a CI matrix of n jobs renders each chart once', parseShard);
  cmd
    .option('--force', 'render every chart, also those up to date')
    .option('--fail-fast', 'start no chart after the first failure')
    .option('-q, --quiet', 'print only errors')
    .option('--json', 'print the summary as JSON on stdout')
    .option('--debug', 'show stack traces of failures');
  for (const spec of chartOptions ? OPTIONS.filter((o) => !NOT_ON_BATCH_LINE.includes(o.key)) : []) {
    const description =
      spec.key === ARROW_SCALE ? `${spec.description}; or "${SHARED}": one scale across all the charts, so they compare` : spec.description;
    cmd.addOption(new Option(spec.key === ARROW_SCALE ? '--arrow-scale <number|shared>' : spec.flags, description).helpGroup('Chart options, for every chart (above the manifest\'s own values):'));
  }
  return cmd
    .addHelpText(
      'after',
      `
Out paths are relative to the manifest's folder (or --out-dir) and stay inside it, unless
--allow-outside (or allowOutside: true in the manifest) lets them out. A chart option given here
applies to every chart, above the manifest's defaults and each chart's own value. A chart is
up to date when its output holds what the same request (with these options) and gradplot
version wrote (recorded in .gradplot-cache.json beside the outputs), so a changed option
renders the charts again.

Examples:
  gradplot batch examples/gallery.yaml
  gradplot batch plots.yaml --jobs 2 --out-dir build/plots
  gradplot batch plots.yaml --shard 2/4 --json
  gradplot batch plots.yaml --theme dark --arrow-scale shared`,
    )
    .action(async (file: string, flags: BatchFlags) => {
      stopTimings();
      // Loaded here, so that drawing one chart never pays for YAML and the pool.
      const [{ loadManifest }, { runBatch }] = await Promise.all([import('./manifest.js'), import('./batch.js')]);
      const chartOptions = Object.fromEntries(Object.entries(flags).filter(([k]) => !OWN_FLAGS.includes(k)));
      const manifest = await loadManifest(file, { outDir: flags.outDir, chartOptions, allowOutside: flags.allowOutside });
      for (const note of manifest.notes) io.stderr.write(`gradplot: note: ${note}\n`);
      const { summary, interrupted } = await runBatch(manifest, {
        jobs: flags.jobs ?? defaultJobs(),
        shard: flags.shard,
        force: flags.force,
        failFast: flags.failFast,
        quiet: flags.quiet,
        stderr: io.stderr,
        env: io.env,
        signal: io.signal,
      });
      if (flags.json) io.stdout.write(JSON.stringify(summary, null, 2) + '\n');
      if (interrupted) throw interrupted;
      if (summary.failed) {
        throw new RunError(`${summary.failed} of ${summary.total} charts failed:\n${failureLines(summary).map((l) => `  ${l}`).join('\n')}`);
      }
    });
}

/** The `schema` subcommand: the manifest's JSON Schema on stdout or in a file. */
export function schemaCommand(io: Io): Command {
  return new Command('schema')
    .description('print the JSON Schema (draft 2020-12) of batch manifests, for editors and CI checks')
    .option('-o, --out <file>', 'write it to this file (atomically) instead of stdout')
    .action(async ({ out }: { out?: string }) => {
      const { manifestSchema } = await import('./schema.js');
      const text = JSON.stringify(manifestSchema(), null, 2) + '\n';
      if (out === undefined || out === '-') io.stdout.write(text);
      else {
        await writeOutput(out, [text]).catch((error: Error) => {
          throw writeFailure(out, error);
        });
      }
    });
}

function parseJobs(value: string): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1)) throw new InvalidArgumentError(`expected a whole number of worker threads, at least 1, got ${JSON.stringify(value)}`);
  return n;
}

/** Reads `i/n` with whole numbers 1 ≤ i ≤ n; throws InvalidArgumentError naming what is accepted. */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const [index, count] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  if (!(index >= 1 && index <= count)) {
    throw new InvalidArgumentError(`expected i/n with whole numbers 1 ≤ i ≤ n (e.g. 2/4), got ${JSON.stringify(value)}`);
  }
  return { index, count };
}
