import { spawnSync } from 'node:child_process';
import { lstatSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, gradplot, tempDir } from '../helpers.js';

describe('-o naming something other than a regular file', () => {
  it('a link to /dev/stdout writes into the pipe and leaves the link a link', () => {
    const dir = tempDir();
    symlinkSync('/dev/stdout', join(dir, 'out'));
    const r = gradplot(['--fn', 'xy', '--step', '1', '--format', 'csv', '-o', 'out'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('x0,x1,f,g0,g1');
    expect(r.stdout.trim().split('\n')).toHaveLength(26);
    expect(lstatSync(join(dir, 'out')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'out'))).toBe('/dev/stdout');
    expect(readdirSync(dir)).toEqual(['out']);
  });

  it('-o /dev/stdout with stdout appending to a file appends, and /dev/stdout stays a link', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'log.csv'), 'before\n');
    const r = spawnSync('sh', ['-c', `${BIN} --fn xy --step 1 --format csv -o /dev/stdout >> log.csv`], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const lines = readFileSync(join(dir, 'log.csv'), 'utf8').trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual(['before', 'x0,x1,f,g0,g1']);
    expect(lines).toHaveLength(27);
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  });

  it('a binary format into a terminal is refused as for -: exit 2, nothing written', () => {
    const dir = tempDir();
    symlinkSync('/dev/stdout', join(dir, 'tty.png'));
    // `script` gives the command a terminal as its stdout.
    const r = spawnSync('script', ['-qec', `${BIN} --fn xy -o tty.png; echo "status $?"`, '/dev/null'], { cwd: dir, encoding: 'latin1' });
    expect(r.stdout).toMatch(/gradplot: --format: png is binary and tty\.png is a terminal; write to a file or pipe it\r?\n/);
    expect(r.stdout).toMatch(/status 2/);
    expect(r.stdout).not.toContain('PNG');
    expect(lstatSync(join(dir, 'tty.png')).isSymbolicLink()).toBe(true);
  });
});
