/**
 * `gradplot batch` and `gradplot schema`:
 *
 *   manifest ──loadManifest──▶ checked charts ──runBatch──▶ outputs, progress (stderr), summary (stderr | --json stdout)
 *
 * Exit status as the CLI's: 2 the manifest has problems (nothing rendered); 1 some
 * charts failed (the others are written); 128 + signal when interrupted.
 */
import { Command, InvalidArgumentError } from 'commander';
import { OPTIONS } from '../options.js';
import { RunError } from '../run.js';
import { stopTimings } from '../util/timings.js';
import { defaultJobs } from './pool.js';
import { parseShard, type Shard } from './shard.js';
import { ARROW_SCALE, SHARED } from './shared-scale.js';
import { failureLines } from './summary.js';

interface BatchFlags {
  jobs?: number;
  outDir?: string;
  shard?: Shard;
  arrowScale?: string;
  force?: boolean;
  failFast?: boolean;
  quiet?: boolean;
  json?: boolean;
}

/** The `batch` subcommand: many charts from one manifest. */
export function batchCommand(): Command {
  const cmd = new Command('batch')
    .description('render the charts of a manifest (YAML or JSON) in parallel, skipping those up to date')
    .argument('<manifest>', 'a .yaml, .yml or .json file: `defaults` and a list of `charts`, each with an out path (see `gradplot schema`)')
    .option('-j, --jobs <n>', 'threads drawing charts, the main thread included (default: the cores that are idle)', parseJobs)
    .option('--out-dir <dir>', 'folder the out paths are relative to (default: the manifest\'s folder)')
    .option('--shard <i/n>', 'render only share i of n, e.g. 2/4: a CI matrix of n jobs renders each chart once', parseShard);
  const arrowScale = OPTIONS.find((o) => o.key === ARROW_SCALE);
  if (arrowScale) {
    cmd.option('--arrow-scale <scale>', `${arrowScale.description}, for every chart; or "${SHARED}": one scale across all the charts, so they compare`);
  }
  return cmd
    .option('--force', 'render every chart, also those up to date')
    .option('--fail-fast', 'start no chart after the first failure')
    .option('-q, --quiet', 'print only errors')
    .option('--json', 'print the summary as JSON on stdout')
    .addHelpText(
      'after',
      `
Out paths are relative to the manifest's folder (or --out-dir). A chart is up to date when its
output holds what the same request and gradplot version wrote (recorded in .gradplot-cache.json
beside the outputs).

Examples:
  gradplot batch examples/gallery.yaml
  gradplot batch plots.yaml --jobs 2 --out-dir build/plots
  gradplot batch plots.yaml --shard 2/4 --json`,
    )
    .action(async (file: string, flags: BatchFlags) => {
      stopTimings();
      // Loaded here, so that drawing one chart never pays for YAML and the pool.
      const [{ loadManifest }, { runBatch }] = await Promise.all([import('./manifest.js'), import('./batch.js')]);
      const manifest = await loadManifest(file, { outDir: flags.outDir, arrowScale: flags.arrowScale });
      const { summary, interrupted } = await runBatch(manifest, {
        jobs: flags.jobs ?? defaultJobs(),
        shard: flags.shard,
        force: flags.force,
        failFast: flags.failFast,
        quiet: flags.quiet,
      });
      if (flags.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
      if (interrupted) throw interrupted;
      if (summary.failed) {
        throw new RunError(`${summary.failed} of ${summary.total} charts failed:\n${failureLines(summary).map((l) => `  ${l}`).join('\n')}`);
      }
    });
}

/** The `schema` subcommand: the manifest's JSON Schema on stdout. */
export function schemaCommand(): Command {
  return new Command('schema').description('print the JSON Schema (draft 2020-12) of batch manifests, for editors and CI checks').action(async () => {
    const { manifestSchema } = await import('./schema.js');
    process.stdout.write(JSON.stringify(manifestSchema(), null, 2) + '\n');
  });
}

function parseJobs(value: string): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1)) throw new InvalidArgumentError(`expected a whole number of worker threads, at least 1, got ${JSON.stringify(value)}`);
  return n;
}
