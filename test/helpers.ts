import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The command npm installs. */
export const BIN = join(ROOT, 'bin', 'gradplot.js');
// Copied from the project's shared/reference: the book's own algorithm on the default grid.
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

/** A reference CSV of ../shared/reference as rows of numbers (header dropped). */
export function readReference(name: string): number[][] {
  const lines = readFileSync(join(REFERENCE, `${name}.csv`), 'utf8').trim().split('\n');
  return lines.slice(1).map((line) => line.split(',').map(Number));
}
