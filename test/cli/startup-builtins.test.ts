import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from '../helpers.js';

const REPORT = join(ROOT, 'test', 'fixtures', 'report-builtins.cjs');

// The built-in modules the real command loaded in one run.
function builtinsOf(args: string[]): string[] {
  const dir = tempDir();
  const report = join(dir, 'builtins.txt');
  const r = spawnSync(process.execPath, ['--require', REPORT, BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, REPORT_BUILTINS: report } });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(report, 'utf8').split('\n');
}

// Each costs milliseconds to load: a command that starts no thread and no process does without them,
// and one that writes only its output file makes no stream for stdout (net, tty).
const NO_THREADS = ['worker_threads', 'child_process', 'perf_hooks'];
const NO_STDOUT = ['net', 'tty'];

describe('the commands that draw nothing', () => {
  it.each([
    ['list', ['list'], NO_THREADS],
    ['--help', ['--help'], NO_THREADS],
    ['a CSV of the default grid', ['--fn', 'xy', '-o', 'xy.csv'], [...NO_THREADS, ...NO_STDOUT]],
  ])('%s loads none of the built-ins it does not use', (_, args, unused) => {
    const loaded = builtinsOf(args);
    expect(loaded).toContain('fs'); // the report works
    for (const name of unused) expect(loaded).not.toContain(name);
  });

  it('a large grid loads worker_threads to compute it on every core; a CSV on stdout loads a stream for it', () => {
    expect(builtinsOf(['--fn', 'xy', '--step', '0.004', '-o', 'xy.vl.json'])).toContain('worker_threads');
    expect(builtinsOf(['--fn', 'xy', '-o', '-', '--format', 'csv'])).toContain('net');
  });
});
