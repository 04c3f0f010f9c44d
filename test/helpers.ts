import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The command npm installs. */
export const BIN = join(ROOT, 'bin', 'gradplot.js');
// The book's own numerical_gradient on -2..2 step 0.25 (its README.md says how it was made).
export const REFERENCE = join(ROOT, 'test', 'fixtures', 'reference');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

/** Runs the real built binary, as a user would, in `cwd`. */
export function gradplot(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): RunResult {
  const r = spawnSync(BIN, args, {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    input: options.input,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString(), stdoutBytes: r.stdout };
}

/** A new empty folder for one test's files. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'gradplot-test-'));
}

/** A reference CSV of test/fixtures/reference as rows of numbers (header dropped). */
export function readReference(name: string): number[][] {
  const lines = readFileSync(join(REFERENCE, `${name}.csv`), 'utf8').trim().split('\n');
  return lines.slice(1).map((line) => line.split(',').map(Number));
}

/** What one in-process run was given besides argv. */
export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Aborted to stop the run as a signal would (its reason the signal's name). */
  signal?: AbortSignal;
  /** Run the build (dist/) rather than the sources: a batch's worker threads start only from the build. */
  built?: boolean;
}

/**
 * Runs the command line in this process (`main(argv, io)`), in `cwd`, and
 * collects what it writes: the same result as the real binary, without
 * starting a process.
 */
export async function cli(args: string[], options: RunOptions = {}): Promise<RunResult> {
  const { main } = options.built ? ((await import(join(ROOT, 'dist', 'cli.js'))) as typeof import('../src/cli.js')) : await import('../src/cli.js');
  const [out, err] = [collector(), collector()];
  const before = process.cwd();
  process.chdir(options.cwd ?? ROOT);
  try {
    const status = await main(['node', 'gradplot', ...args], {
      stdout: out.stream,
      stderr: err.stream,
      env: { ...process.env, ...options.env },
      signal: options.signal ?? new AbortController().signal,
    });
    const stdoutBytes = Buffer.concat(out.chunks);
    return { status, stdout: stdoutBytes.toString(), stderr: Buffer.concat(err.chunks).toString(), stdoutBytes };
  } finally {
    process.chdir(before);
  }
}

function collector(): { stream: Writable; chunks: Buffer[] } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, chunks };
}
/** An expression that takes about a microsecond a point: 24 products of a sine and a cosine. */
export const SLOW_EXPR = Array.from({ length: 24 }, (_, i) => `sin(x0*${i + 1}+x1)*cos(x1*${i + 1}-x0)`).join(' + ');
