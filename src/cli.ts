/**
 * The command line:
 *
 *   argv ──parseOptions──▶ PlotOptions ──resolveRequest──▶ PlotRequest ──plot──▶ field + chart ──produce──▶ file | stdout
 *
 * Exit status: 0 done; 2 the input was wrong and nothing was written; 1 the work failed.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { batchCommand, schemaCommand } from './batch/command.js';
import { Interrupted } from './batch/interrupt.js';
import type { CriticalPoint } from './core/critical.js';
import { InputError } from './errors.js';
import { exploreCommand } from './explore.js';
import { BUILTINS } from './functions/builtins.js';
import { OPTIONS, OptionValueError, parseOptions, type PlotOptions } from './options.js';
import { BINARY_FORMATS } from './output/format.js';
import { removeUnfinished } from './output/write.js';
import type { Plot } from './plot.js';
import { resolveRequest, type PlotRequest } from './request.js';
import { runRequest } from './run.js';
import { mark, printTimings } from './util/timings.js';
import { VERSION } from './version.js';

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

function program(): Command {
  const cmd = new Command('gradplot')
    .description('Draw the gradient field of a function of two variables as a quiver chart.')
    .version(VERSION)
    .option('--debug', 'show stack traces of failures')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`gradplot: ${commanderMessage(text)}`) });
  for (const spec of OPTIONS) {
    const option = new Option(spec.flags, spec.description);
    if (option.required) {
      option.argParser((value: string, previous: unknown) => {
        try {
          spec.parse(value);
        } catch (e) {
          if (e instanceof OptionValueError) throw new InvalidArgumentError(`expected ${e.expected}`);
          throw e;
        }
        return spec.repeatable ? [...((previous as string[] | undefined) ?? []), value] : value;
      });
    }
    cmd.addOption(option);
  }
  cmd.addHelpText(
    'after',
    `
Examples:
  gradplot --fn xy --range -2,2 --step 0.25 -o xy.png
  gradplot --expr "sin(x0*x1)" -o field.svg
  gradplot --fn sum_sq --xrange -3,3 --yrange -1,1 --step 0.5 -o field.csv
  gradplot --fn ch06 --method analytic --descent sgd:0.95,adam:0.3 --start -7,2 --panels -o paths.png
  gradplot list`,
  );
  cmd.action(async (flags: Record<string, unknown>) => {
    const { debug: _debug, ...raw } = flags;
    await draw(raw);
  });
  cmd
    .command('list')
    .description('list the built-in functions with their formulas, default ranges and path starts')
    .action(() => {
      process.stdout.write(listing());
    });
  for (const sub of [batchCommand(), schemaCommand(), exploreCommand()]) cmd.addCommand(sub.copyInheritedSettings(cmd));
  return cmd;
}

// Commander's own errors, in gradplot's form; unknown options point at --help.
function commanderMessage(text: string): string {
  const message = text.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ');
  return `${message}${message.startsWith('unknown option') ? ' (see gradplot --help)' : ''}\n`;
}

/** argv values are checked once by commander (for its error) and read here into typed options. */
function toOptions(raw: Record<string, unknown>): PlotOptions {
  const { options, errors } = parseOptions(raw);
  if (errors.length) throw new InputError(errors[0].key, errors[0].detail);
  return options;
}

async function draw(raw: Record<string, unknown>): Promise<void> {
  const request = resolveRequest(toOptions(raw));
  if (request.out === undefined && !request.check) {
    throw new InputError('out', 'missing: give an output file such as field.png, or - with --format');
  }
  if (request.out === '-' && BINARY_FORMATS.includes(request.format!) && process.stdout.isTTY) {
    throw new InputError('format', `${request.format} is binary and stdout is a terminal; write to a file or pipe it`);
  }
  // Ctrl-C or a cancelled job during a long export: the target is untouched (writes are atomic); remove the
  // temporary file too, and exit 128 + the signal's number.
  for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      removeUnfinished();
      process.exit(status);
    });
  }
  report(await runRequest(request));
}

// Messages about the run go to stderr; the check is the output itself when there is no file.
function report({ request, quiver, check, critical, pathNotes }: Plot): void {
  const drawn = quiver && quiver.subGrid.nx * quiver.subGrid.ny;
  if (quiver && quiver.subGrid.stride > 1) {
    const [n, of] = [drawn!.toLocaleString('en-US'), (request.nx * request.ny).toLocaleString('en-US')];
    process.stderr.write(
      `gradplot: note: drawing ${n} of ${of} grid points as arrows (every ${ordinal(quiver.subGrid.stride)} point on each axis); ` +
        `--max-arrows ${request.maxArrows} sets the limit\n`,
    );
  }
  if (quiver?.skipped) {
    process.stderr.write(`gradplot: warning: ${quiver.skipped} of ${drawn} points have no finite f or gradient and are left out of the chart\n`);
  }
  if (check) {
    const at = (p: number[]) => `(${p.map((v) => +v.toPrecision(6)).join(', ')})`;
    const line =
      `check (${describeMethod(request)}): largest |Δ∇f| = ${check.maxAbs.toExponential(3)} at ${at(check.atAbs)}, ` +
      `largest relative = ${check.maxRel.toExponential(3)} at ${at(check.atRel)}\n`;
    (request.out === undefined ? process.stdout : process.stderr).write(line);
  }
  if (critical) process.stderr.write(listCritical(critical));
  for (const note of pathNotes ?? []) process.stderr.write(`gradplot: note: ${note}\n`);
}

// One line per critical point; values within 1e-12 of zero print as 0 (Newton leaves such dust).
function listCritical(points: CriticalPoint[]): string {
  const n = (v: number) => (Math.abs(v) < 1e-12 ? '0' : String(+v.toPrecision(6)));
  const head = `gradplot: ${points.length} critical point${points.length === 1 ? '' : 's'} (∇f = 0)${points.length ? ':' : ''}\n`;
  return head + points.map((p) => `  ${p.kind.padEnd(10)} x0 = ${n(p.x0)}, x1 = ${n(p.x1)}, f = ${n(p.f)}\n`).join('');
}

// 2nd, 3rd, 11th, 41st.
function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th')}`;
}

function describeMethod({ method, h }: PlotRequest): string {
  return method === 'analytic' ? 'analytic' : `${method}, h = ${h}`;
}

function listing(): string {
  const rows = BUILTINS.map((b) => [
    [b.name, ...b.aliases].join(', '),
    b.formula,
    `${b.range[0].join(',')} × ${b.range[1].join(',')} step ${b.step}`,
    b.start.join(','),
    b.note ?? '',
  ]);
  const header = ['name', 'f(x0, x1)', 'default grid', 'start', ''];
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => r[c].length)));
  return [header, ...rows].map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()).join('\n') + '\n';
}

/** Runs the CLI on `argv` (as process.argv) and resolves to the exit status. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  mark('start+imports');
  // A reader that goes away early (`gradplot --help | head -1`) ends the output, quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  try {
    await program().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : EXIT_USAGE;
    }
    if (error instanceof InputError) {
      process.stderr.write(`gradplot: ${error.message}\n${error.context ? error.context + '\n' : ''}`);
      return EXIT_USAGE;
    }
    if (error instanceof Interrupted) {
      process.stderr.write(`gradplot: ${error.message}\n`);
      return error.status;
    }
    process.stderr.write(debug ? `${(error as Error).stack}\n` : `gradplot: ${(error as Error).message}\n`);
    return EXIT_FAILED;
  } finally {
    printTimings();
  }
}
