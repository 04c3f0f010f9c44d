import { spawn } from 'node:child_process';
import { watch, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli, tempDir } from '../helpers.js';

const LONG_EXPORT = ['--fn', 'sin_xy', '--step', '0.004', '-o', 'big.csv'];

/** Resolves when a temporary file appears in `dir`: told by the file system, not by waiting a while. */
function temporaryFileIn(dir: string): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(dir, (_event, name) => {
      if (name?.endsWith('.tmp')) {
        watcher.close();
        resolve();
      }
    });
  });
}


describe('Ctrl-C, a closed terminal or a cancelled job during a long export', () => {
  it.each([
    ['SIGHUP', 129],
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s exits %i, keeps the existing file, and leaves no temporary file', async (signal, exitStatus) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.csv'), 'previous export');
    const stop = new AbortController();
    void temporaryFileIn(dir).then(() => stop.abort(signal));
    const r = await cli(LONG_EXPORT, { cwd: dir, signal: stop.signal, built: true });
    expect([r.status, r.stderr]).toEqual([exitStatus, `gradplot: interrupted by ${signal}; no chart was left half-written\n`]);
    expect(readdirSync(dir)).toEqual(['big.csv']);
    expect(readFileSync(join(dir, 'big.csv'), 'utf8')).toBe('previous export');
  });

  it('the real process maps the signal to its exit status', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.csv'), 'previous export');
    const started = temporaryFileIn(dir);
    const child = spawn(BIN, LONG_EXPORT, { cwd: dir });
    const status = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await started;
    child.kill('SIGTERM');
    expect(await status).toBe(143);
    expect(readdirSync(dir)).toEqual(['big.csv']);
    expect(readFileSync(join(dir, 'big.csv'), 'utf8')).toBe('previous export');
  });
});
