/**
 * The command line:
 *
 *   argv ──commander (strings)──▶ resolveRequest(raw, 'cli') ──▶ PlotRequest ──plot──▶ field + chart ──produce──▶ file | stdout
 *
 * `main(argv, io)` touches the outside world only through `io` (streams, environment, an
 * AbortSignal for SIGINT/SIGTERM/SIGHUP), so it runs inside a test as in its own process.
 * Exit status: 0 done; 2 the input was wrong and nothing was written; 1 the work failed;
 * 128 + the signal's number when stopped while writing (before that, the signal itself ends the process).
 */
import { Command, CommanderError, Option } from 'commander';
import { batchCommand, schemaCommand } from './batch/command.js';
import { Interrupted, watchSignals } from './batch/interrupt.js';
import { notFinite } from './core/field.js';
import { InputError } from './errors.js';
import { exploreCommand } from './explore.js';
import { BUILTINS } from './functions/builtins.js';
import { processIo, type Io } from './io.js';
import { notApplied } from './notes.js';
import { OPTIONS } from './options.js';
import { listCritical } from './output/critical-list.js';
import { BINARY_FORMATS } from './output/format.js';
import { isTerminal } from './output/write.js';
import type { Plot } from './plot.js';
import { describeArrowGrid, thinned } from './render/arrow-grid.js';
import { largestMagnitude } from './render/arrows.js';
import { resolveRequest, type PlotRequest } from './request.js';
import { runRequest } from './run.js';
import { nearest } from './util/nearest.js';
import { mark, printTimings } from './util/timings.js';
import { VERSION } from './version.js';
import { grouped } from './util/format-number.js';

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

function program(io: Io, argv: readonly string[]): Command {
  const cmd = new Command('gradplot')
    .description('Draw the gradient field of a function of two variables as a quiver chart.')
    .usage('[options] | <command> [options]')
    .version(VERSION)
    .option('--debug', 'show stack traces of failures')
    .enablePositionalOptions()
    .allowExcessArguments()
    .helpCommand('help [command]', 'show the help of a command')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput(outputTo(io));
  // Values stay strings here: resolveRequest reads every door's values with the same parsers and words.
  for (const spec of OPTIONS) {
    const option = new Option(spec.flags, spec.description);
    // A repeated option (--start) collects its values into a list.
    if (spec.repeatable) option.argParser((value: string, previous: unknown) => [...((previous as string[] | undefined) ?? []), value]);
    cmd.addOption(option);
  }
  cmd.addHelpText(
    'after',
    `
Each chart option is also a key of a batch manifest and of the library's options
(--arrow-scale is arrowScale); the same value is checked with the same words everywhere.
A chart option that does not change the chosen output (--theme with a .csv) gets a note.

Examples:
  gradplot --fn xy --range -2,2 --step 0.25 -o xy.png
  gradplot --expr "sin(x0*x1)" -o field.svg
  gradplot --fn sum_sq --xrange -3,3 --yrange -1,1 --step 0.5 -o field.csv
  gradplot --fn ch06 --method analytic --descent sgd:0.95,adam:0.3 --start -7,2 --panels -o paths.png
  gradplot --fn himmelblau --streamlines --background contour -o flow.png
  gradplot list
  gradplot help batch`,
  );
  cmd.action(async (flags: Record<string, unknown>, command: Command) => {
    if (command.args.length) throw unknownCommand(command.args[0]!, cmd);
    const { debug: _debug, ...raw } = flags;
    return runChartCommand(raw, io);
  });
  cmd
    .command('list')
    .description('list the built-in functions with their formulas, default ranges and path starts')
    .action(() => {
      io.stdout.write(listing());
    });
  // The batch line's sixty chart options are set up only when the batch command may run or show its help.
  const batch = batchCommand(io, { chartOptions: argv.includes('batch') });
  for (const sub of [batch, schemaCommand(io), exploreCommand(io)]) cmd.addCommand(sub.copyInheritedSettings(cmd));
  return cmd;
}

function outputTo(io: Io) {
  return {
    writeOut: (text: string) => void io.stdout.write(text),
    writeErr: (text: string) => void io.stderr.write(text),
    outputError: (text: string, write: (text: string) => void) => write(`gradplot: ${commanderMessage(text)}`),
  };
}

function unknownCommand(name: string, cmd: Command): InputError {
  const names = cmd.commands.map((c) => c.name()).concat('help');
  const guess = nearest(name, names);
  return new InputError('', `unknown command '${name}'${guess ? ` (did you mean '${guess}'?)` : ''}; the commands are ${names.join(', ')}, or chart options alone (see gradplot --help)`);
}

// Commander's own errors, in gradplot's form; unknown options point at --help.
function commanderMessage(text: string): string {
  const message = text.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ');
  return `${message}${message.startsWith('unknown option') ? ' (see gradplot --help)' : ''}\n`;
}

// `-h 1e-3` means --help to commander: a mistyped difference step must not print help and exit 0.
function checkShortH(args: string[]): void {
  const at = args.indexOf('-h');
  const next = args[at + 1];
  if (at >= 0 && next !== undefined && next.trim() !== '' && Number.isFinite(Number(next))) {
    throw new InputError('', `-h is --help, not the difference step; write --h ${next}`);
  }
}

// The chart command: its flags become one request, run to its output.
async function runChartCommand(raw: Record<string, unknown>, io: Io): Promise<void> {
  const request = resolveRequest(raw, 'cli');
  if (request.out === undefined && !request.check) {
    throw new InputError('out', 'missing: give an output file such as field.png, or - with --format');
  }
  const terminal = request.out === '-' ? io.stdout.isTTY : request.out !== undefined && isTerminal(request.out);
  if (terminal && BINARY_FORMATS.includes(request.format!)) {
    const where = request.out === '-' ? 'stdout' : request.out;
    throw new InputError('format', `${request.format} is binary and ${where} is a terminal; write to a file or pipe it`);
  }
  for (const note of notApplied(Object.keys(raw).filter((k) => raw[k] !== undefined), request)) io.stderr.write(`gradplot: note: ${note}\n`);
  // Until writing begins there is no file to remove, so a signal ends the process at once (even while compiling or
  // drawing, which no handler could interrupt); while writing, it stops the write and removes the temporary file.
  const signals = watchSignals(undefined, undefined, io.signal, { catchNow: false });
  try {
    // stdout only for `-`: making the stream loads modules that a run writing a file never needs.
    const stdout = request.out === '-' ? io.stdout : undefined;
    writeRunMessages(await runRequest(request, { stdout, signal: signals.signal, writing: signals.catchSignals }), io);
  } catch (error) {
    // What went to stdout cannot be taken back.
    if (error instanceof Interrupted && request.out === '-') throw new Interrupted(error.signal, error.status, 'the output on stdout stops short');
    throw error;
  } finally {
    signals.finish();
  }
}

// Messages about the run go to stderr; the check is the output itself when there is no file.
function writeRunMessages({ request, field, quiver, check, critical, stepProblem, pathNotes }: Plot, io: Io): void {
  if (stepProblem) io.stderr.write(`gradplot: warning: ${tooSmallStep(request.h, stepProblem)}\n`);
  const drawn = quiver && quiver.arrowGrid.x.kept * quiver.arrowGrid.y.kept;
  if (quiver && request.arrows && thinned(quiver.arrowGrid)) {
    const [n, of] = [grouped(drawn!), grouped(request.nx * request.ny)];
    io.stderr.write(
      `gradplot: note: drawing ${n} of ${of} grid points as arrows (${describeArrowGrid(quiver.arrowGrid)}); ` +
        `--max-arrows ${request.maxArrows} sets the limit\n`,
    );
  }
  const missing = request.format === 'csv' || request.format === 'json' ? notFinite(field) : 0;
  if (missing) {
    const cells = request.format === 'json' ? 'null' : 'empty';
    io.stderr.write(`gradplot: warning: f or ∇f is not finite at ${missing} of ${field.f.length} grid points; their cells are ${cells}\n`);
  }
  for (const note of quiver?.notes ?? []) io.stderr.write(`gradplot: note: ${note}\n`);
  for (const warning of quiver?.warnings ?? []) io.stderr.write(`gradplot: warning: ${warning}\n`);
  if (quiver?.skipped) {
    io.stderr.write(`gradplot: warning: ${quiver.skipped} of ${drawn} points have no finite f or gradient and are left out of the chart\n`);
  }
  if (check) {
    const at = (p: number[]) => `(${p.map((v) => +v.toPrecision(6)).join(', ')})`;
    const line =
      `check (${describeMethod(request)}): largest |Δ∇f| = ${check.maxAbs.toExponential(3)} at ${at(check.atAbs)}, ` +
      `largest relative = ${check.maxRel.toExponential(3)} at ${at(check.atRel)}\n`;
    (request.out === undefined ? io.stdout : io.stderr).write(line);
  }
  if (critical) io.stderr.write(listCritical(critical, { spacing: Math.min(request.xstep, request.ystep), flat: largestMagnitude(field) === 0, format: request.format }));
  for (const note of pathNotes ?? []) io.stderr.write(`gradplot: note: ${note}\n`);
}

function tooSmallStep(h: number, problem: NonNullable<Plot['stepProblem']>): string {
  const why =
    problem.kind === 'rounding'
      ? `at x${problem.axis} = ${+problem.at.toPrecision(6)}, (x + h) − x is ${+problem.step.toPrecision(3)}, not ${h}`
      : '∇f is 0 at every grid point while f is not constant';
  return `--h ${h} is too small for this grid: ${why}; the gradient is mostly rounding (--check compares it with the exact one): use a larger --h, such as 1e-4`;
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

/**
 * Runs the CLI on `argv` (as process.argv) and resolves to the exit status. All it touches of the
 * outside world is `io` (the process's own by default), so that it also runs inside a test.
 */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  return run(argv, io);
}

async function run(argv: string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  mark('start+imports');
  const cmd = program(io, argv);
  try {
    if (argv.length <= 2) {
      io.stderr.write(cmd.helpInformation());
      return EXIT_USAGE;
    }
    checkShortH(argv.slice(2));
    const [first, second] = argv.slice(2);
    if (first === 'help' && second !== undefined && second !== 'help' && !cmd.commands.some((c) => c.name() === second)) throw unknownCommand(second, cmd);
    await cmd.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : EXIT_USAGE;
    }
    if (error instanceof InputError) {
      io.stderr.write(`gradplot: ${error.message}\n${error.context ? error.context + '\n' : ''}`);
      return EXIT_USAGE;
    }
    if (error instanceof Interrupted) {
      io.stderr.write(`gradplot: ${error.message}\n`);
      return error.status;
    }
    io.stderr.write(debug ? `${(error as Error).stack}\n` : `gradplot: ${(error as Error).message}\n`);
    return EXIT_FAILED;
  } finally {
    printTimings();
  }
}
