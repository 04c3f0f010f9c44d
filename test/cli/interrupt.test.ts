import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../helpers.js';

const exited = (child: ReturnType<typeof spawn>) => new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

describe('Ctrl-C, a closed terminal or a cancelled job during a long export', () => {
  it.each([
    ['SIGHUP', 129],
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s exits %i, keeps the existing file, and leaves no temporary file', async (signal, exitStatus) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.csv'), 'previous export');
    const child = spawn(BIN, ['--fn', 'sin_xy', '--step', '0.002', '-o', 'big.csv'], { cwd: dir });
    // Interrupt once the temporary file is being written.
    for (let i = 0; i < 1200 && !readdirSync(dir).some((f) => f.endsWith('.tmp')); i++) await new Promise((r) => setTimeout(r, 25));
    expect(readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(true);
    const status = exited(child);
    child.kill(signal);
    expect(await status).toBe(exitStatus);
    expect(readdirSync(dir)).toEqual(['big.csv']);
    expect(readFileSync(join(dir, 'big.csv'), 'utf8')).toBe('previous export');
  });
});
