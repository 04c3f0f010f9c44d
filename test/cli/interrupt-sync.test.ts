import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/batch/summary.js';
import { withManifest } from '../batch/helpers.js';
import { BIN, cli, ROOT, tempDir } from '../helpers.js';

// Prints `loading mathjs` / `loading vega` on stderr as the command starts loading that library.
const ANNOUNCE = pathToFileURL(join(ROOT, 'test', 'fixtures', 'announce-bundles.mjs')).href;

/** A tower x^x^…^x of 333: accepted, and among the slowest expressions to compile. */
const TOWER = Array.from({ length: 333 }, () => 'x').join('^');

/** About 40,000 arrows: Vega draws them for a second or more. */
const LARGE_CHART = ['--fn', 'sin_xy', '--range', '-3,3', '--step', '0.03', '--max-arrows', '100000', '-o', 'out.png'];

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the real command and sends it each signal of `steps` as its stderr first shows that step's text. */
function interruptAt(args: string[], steps: [text: string, signal: NodeJS.Signals][], cwd: string): Promise<Ended & { stdout: string }> {
  const child = spawn(process.execPath, ['--import', ANNOUNCE, BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
  let [stdout, stderr, next] = ['', '', 0];
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => {
    stderr += d;
    while (next < steps.length && stderr.includes(steps[next]![0])) child.kill(steps[next++]![1]);
  });
  return new Promise((resolve) => child.on('close', (code, ended) => resolve({ code, signal: ended, stderr, stdout })));
}

/** Runs the real command and sends it `signal` as it prints `loading <library>`: within a synchronous stretch. */
function interruptWhileLoading(library: string, args: string[], signal: NodeJS.Signals, cwd: string): Promise<Ended & { stdout: string }> {
  return interruptAt(args, [[`loading ${library}\n`, signal]], cwd);
}

describe('a signal during synchronous work (compiling an expression, drawing a chart)', () => {
  it.each([
    ['compiling an expression', 'SIGINT', 'mathjs', ['--expr', TOWER, '--range', '0.5,1.5', '--step', '0.0005', '-o', 'out.csv']],
    ['drawing a large chart', 'SIGINT', 'vega', LARGE_CHART],
    ['drawing a large chart', 'SIGHUP', 'vega', LARGE_CHART],
  ] as const)('while %s, %s ends the process at once, by that signal, and writes nothing', { timeout: 30_000 }, async (_, signal, library, args) => {
    const dir = tempDir();
    const out = args.at(-1)!;
    writeFileSync(join(dir, out), 'previous output');
    const { stdout: _stdout, ...ended } = await interruptWhileLoading(library, [...args], signal, dir);
    expect(ended).toEqual({ code: null, signal, stderr: `loading ${library}\n` });
    expect(readdirSync(dir)).toEqual([out]);
    expect(readFileSync(join(dir, out), 'utf8')).toBe('previous output');
  });
});

describe('a batch whose main thread is drawing when the first SIGINT comes', () => {
  it('finishes the charts in progress, starts no more, and exits 130 with only whole files', { timeout: 60_000 }, async () => {
    const charts = Array.from({ length: 6 }, (_, i) => ({ out: `out/c${i}.png`, fn: 'sin_xy', range: [-3, 3], step: 0.05 }));
    const dir = withManifest(charts);
    // One thread: every chart is drawn on the main thread, whose drawing holds off the signal's handler.
    const r = await interruptWhileLoading('vega', ['batch', 'plots.yaml', '--jobs', '1', '--json'], 'SIGINT', dir);
    expect([r.code, r.signal]).toEqual([130, null]);
    expect(r.stderr).toMatch(/^gradplot: SIGINT: finishing the charts in progress and starting no more/m);
    expect(r.stderr).toMatch(/gradplot: interrupted by SIGINT; no chart was left half-written\n$/);
    const summary = JSON.parse(r.stdout) as Summary;
    expect([summary.interrupted, summary.failed]).toEqual([true, 0]);
    expect(summary.rendered).toBeGreaterThan(0);
    expect(summary.cancelled).toBeGreaterThan(0);
    const files = readdirSync(join(dir, 'out')).filter((f) => f !== '.gradplot-cache.json').sort();
    expect(files).toEqual(summary.charts.filter((c) => c.status === 'rendered').map((c) => c.out.slice('out/'.length)).sort());
    for (const png of files) expect(() => PNG.sync.read(readFileSync(join(dir, 'out', png))), png).not.toThrow();
  });
});

describe('a batch with a chart that draws long', () => {
  it('draws it on a worker even with --jobs 1, so a second SIGINT while it draws ends the batch at once', { timeout: 60_000 }, async () => {
    const dir = withManifest([{ out: 'out/long.png', fn: 'sin_xy', range: [-3, 3], step: 0.03, maxArrows: 100_000 }]);
    const r = await interruptAt(
      ['batch', 'plots.yaml', '--jobs', '1', '--json'],
      [
        ['loading vega in a worker\n', 'SIGINT'],
        ['finishing the charts in progress', 'SIGINT'],
      ],
      dir,
    );
    expect([r.code, r.signal]).toEqual([130, null]);
    expect(r.stderr).not.toMatch(/^loading vega\n/m);
    expect(r.stderr).toMatch(/^\[1\/1\] cancelled out\/long\.png\ngradplot: interrupted by SIGINT; the charts in progress were stopped and their temporary files removed\n$/m);
    expect(readdirSync(join(dir, 'out')).filter((f) => f !== '.gradplot-cache.json')).toEqual([]);
  });
});

describe('a run inside another program (main with io.signal)', () => {
  it('stops through its AbortSignal before writing, even one aborted before the run began', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'out.csv'), 'previous output');
    const r = await cli(['--fn', 'xy', '--step', '0.5', '-o', 'out.csv'], { cwd: dir, signal: AbortSignal.abort('SIGTERM') });
    expect([r.status, r.stderr]).toEqual([143, 'gradplot: interrupted by SIGTERM; no chart was left half-written\n']);
    expect(readdirSync(dir)).toEqual(['out.csv']);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('previous output');
  });
});

describe('a signal while writing to stdout', () => {
  it('stops the output and exits with the signal status, not as a failed write', async () => {
    const { main } = await import('../../src/cli.js');
    const stop = new AbortController();
    let [stdout, stderr] = [0, ''];
    const status = await main(['node', 'gradplot', '--fn', 'sin_xy', '--step', '0.005', '--format', 'csv', '-o', '-'], {
      stdout: new Writable({
        write(chunk: Buffer, _encoding, done) {
          stdout += chunk.length;
          stop.abort('SIGINT');
          done();
        },
      }),
      stderr: new Writable({
        write(chunk: Buffer, _encoding, done) {
          stderr += chunk;
          done();
        },
      }),
      env: {},
      signal: stop.signal,
    });
    expect([status, stderr]).toEqual([130, 'gradplot: interrupted by SIGINT; the output on stdout stops short\n']);
    expect(stdout).toBeGreaterThan(0);
  });
});
