import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';

// A program that writes `out.txt` with the build's writeOutput, its second chunk never coming, and catches no signal itself.
const WRITER = `
  const { writeOutput } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'output', 'write.js')).href)});
  async function* slow() {
    yield 'first chunk';
    await new Promise((resolve) => setTimeout(resolve, 60_000));
  }
  await writeOutput('out.txt', slow());
`;

describe('a signal while writeOutput writes, in a program that catches no signal', () => {
  it.each(['SIGHUP', 'SIGINT', 'SIGTERM'] as const)('%s removes the temporary file and ends the process by that signal', { timeout: 30_000 }, async (signal) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'out.txt'), 'previous');
    const child = spawn(process.execPath, ['--input-type=module', '-e', WRITER], { cwd: dir });
    const watcher = watch(dir, (_event, name) => {
      if (name?.endsWith('.tmp') && !child.killed) child.kill(signal);
    });
    const ended = await new Promise((resolve) => child.on('exit', (code, by) => resolve([code, by])));
    watcher.close();
    expect(ended).toEqual([null, signal]);
    expect(readdirSync(dir)).toEqual(['out.txt']);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('previous');
  });
});
