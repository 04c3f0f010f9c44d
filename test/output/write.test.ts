import { execFileSync } from 'node:child_process';
import { chmodSync, createReadStream, lstatSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutput } from '../../src/output/write.js';
import { tempDir } from '../helpers.js';

describe('writeOutput', () => {
  it('replaces the file only when every chunk is written', async () => {
    const dir = tempDir();
    const path = join(dir, 'field.csv');
    await writeOutput(path, ['a,b\n', '1,2\n']);
    expect(readFileSync(path, 'utf8')).toBe('a,b\n1,2\n');
  });

  it('leaves the existing file intact and no temporary file when producing the bytes fails midway', async () => {
    const dir = tempDir();
    const path = join(dir, 'field.csv');
    writeFileSync(path, 'good');
    function* failing() {
      yield 'x0,x1\n';
      throw new Error('render failed');
    }
    await expect(writeOutput(path, failing())).rejects.toThrow('render failed');
    expect(readFileSync(path, 'utf8')).toBe('good');
    expect(readdirSync(dir)).toEqual(['field.csv']);
  });

  it('writes straight into a FIFO, which stays a FIFO', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const read = new Promise<string>((resolve, reject) => {
      let text = '';
      createReadStream(fifo, 'utf8').on('data', (d) => (text += d)).on('end', () => resolve(text)).on('error', reject);
    });
    await writeOutput(fifo, ['a,b\n', '1,2\n']);
    expect(await read).toBe('a,b\n1,2\n');
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipe']);
  });

  it('writes into the character device a link names, and keeps the link', async () => {
    const dir = tempDir();
    const link = join(dir, 'null.csv');
    symlinkSync('/dev/null', link);
    await writeOutput(link, ['a,b\n']);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('/dev/null');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync(dir)).toEqual(['null.csv']);
  });

  it('writes the target of a link to a regular file, atomically, and keeps the link', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.csv'), 'old');
    symlinkSync('real.csv', join(dir, 'link.csv'));
    await writeOutput(join(dir, 'link.csv'), ['new']);
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.csv'), 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['link.csv', 'real.csv']);
  });

  it('creates the missing target of a dangling link', async () => {
    const dir = tempDir();
    symlinkSync('made.csv', join(dir, 'link.csv'));
    await writeOutput(join(dir, 'link.csv'), ['new']);
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'made.csv'), 'utf8')).toBe('new');
  });

  it('keeps the permissions of the file it replaces', async () => {
    const dir = tempDir();
    const path = join(dir, 'field.csv');
    writeFileSync(path, 'old');
    chmodSync(path, 0o640);
    await writeOutput(path, ['new']);
    expect(statSync(path).mode & 0o7777).toBe(0o640);
    expect(readFileSync(path, 'utf8')).toBe('new');
  });

  it('refuses a folder with a message', async () => {
    const dir = tempDir();
    await expect(writeOutput(dir, ['x'])).rejects.toThrow(/is a folder/);
  });

  it('stops before renaming once its signal is aborted: the old file stays, no temporary file', async () => {
    const dir = tempDir();
    const path = join(dir, 'field.csv');
    writeFileSync(path, 'good');
    const controller = new AbortController();
    const reason = new Error('stopped');
    function* chunks() {
      yield 'a';
      controller.abort(reason);
      yield 'b';
    }
    await expect(writeOutput(path, chunks(), { signal: controller.signal })).rejects.toBe(reason);
    expect(readFileSync(path, 'utf8')).toBe('good');
    expect(readdirSync(dir)).toEqual(['field.csv']);
  });
});
