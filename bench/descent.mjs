#!/usr/bin/env node
// Benchmark (not a test): what descent paths add to a chart. The book's chapter 6
// chart (ch06 over contours, exact gradient) with its four optimizers × 30
// iterations from (−7, 2), against the same chart without paths, run in pairs
// (in random order) so both see the same machine: in one process (f, ∇f, paths,
// spec, PNG), as CPU time, which other work on a shared machine disturbs less
// than wall time, and as the wall time of the whole `gradplot` command. Prints
// the minimum and median of each, the ratio of the minimums (with / without),
// which is judged, and the median of the pairs' ratios; exits 1 when the ratio
// of the minimums is over 1.10.
//
//   npm run build && node bench/descent.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'gradplot.js');
const TARGET = 1.1;
const { parseOptions, resolveRequest, render } = { ...(await import(join(ROOT, 'dist', 'options.js'))), ...(await import(join(ROOT, 'dist', 'index.js'))) };
const { computePlot } = await import(join(ROOT, 'dist', 'plot.js'));

const CHART = ['--fn', 'ch06', '--method', 'analytic', '--background', 'contour'];
const PATHS = ['--descent', 'sgd:0.95,momentum:0.1,adagrad:1.5,adam:0.3', '--start', '-7,2', '--iterations', '30'];

const min = (xs) => Math.min(...xs);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

const wall = () => {
  const start = performance.now();
  return () => performance.now() - start;
};
// This process's CPU time, all its threads (PNG encoding runs on libuv's pool).
const cpu = () => {
  const start = process.cpuUsage();
  return () => {
    const { user, system } = process.cpuUsage(start);
    return (user + system) / 1000;
  };
};

/** Runs `a` and `b` in pairs, `runs` times, each pair in random order; their times in ms by `clock`. */
async function pair(a, b, runs, clock) {
  const [ta, tb] = [[], []];
  for (let i = 0; i < runs; i++) {
    const both = [[a, ta], [b, tb]];
    if (Math.random() < 0.5) both.reverse();
    for (const [f, t] of both) {
      const elapsed = clock();
      await f();
      t.push(elapsed());
    }
  }
  return [ta, tb];
}

const work = mkdtempSync(join(tmpdir(), 'gradplot-bench-'));
const command = (args) => () => {
  const r = spawnSync(BIN, [...args, '-o', 'chart.png'], { cwd: work, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`gradplot ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
};
// The command's own pipeline for a PNG (no tooltips), without starting a process or writing the file.
const inProcess = (args) => {
  const raw = {};
  for (let i = 0; i < args.length; i += 2) raw[args[i].slice(2).replace(/-([a-z])/g, (_, c) => c.toUpperCase())] = args[i + 1];
  const request = resolveRequest({ ...parseOptions({ ...raw, start: raw.start && [raw.start] }).options, out: 'chart.png' });
  return async () => render((await computePlot(request)).quiver.spec, 'png', { scale: request.scale });
};

const rows = [];
let missed = 0;
for (const [name, [withPaths, without]] of [
  // Many pairs: a run is a few tens of ms, and a clean one for each side comes only among many on a shared machine.
  ['ch06 chart, 4 optimizers × 30 iterations, in one process (field, paths, spec, PNG), CPU time', await pair(inProcess([...CHART, ...PATHS]), inProcess(CHART), 120, cpu)],
  ['the same, whole gradplot command to .png, wall time', await pair(command([...CHART, ...PATHS]), command(CHART), 12, wall)],
]) {
  // The first runs warm up the process (in one process) and the file cache.
  const [a, b] = [withPaths.slice(2), without.slice(2)];
  // The minimums are judged: a pair's ratio also carries what one chart leaves to the next (garbage, code the
  // compiler finishes on its threads), which moved the median of pairs between 0.95x and 1.3x from run to run.
  const ratio = min(a) / min(b);
  const pairs = median(a.map((t, i) => t / b[i]));
  const ok = ratio <= TARGET;
  if (!ok) missed++;
  rows.push([name, ms(min(a)), ms(median(a)), ms(min(b)), ms(median(b)), `${ratio.toFixed(3)}x`, `${pairs.toFixed(3)}x`, ok ? `≤ ${TARGET} ok` : `> ${TARGET} MISSED`]);
}
rmSync(work, { recursive: true, force: true });

const header = ['case', 'with paths (min)', 'median', 'without (min)', 'median', 'ratio of minimums', 'median of pairs', 'target'];
const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => r[c].length)));
console.log(`gradplot descent-path benchmark, ${new Date().toISOString().slice(0, 10)}, ${cpus()[0].model.trim()} ×${cpus().length}, Node.js ${process.version}, load average ${loadavg()[0].toFixed(2)}`);
for (const r of [header, ...rows]) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd());
if (missed) {
  console.log(`${missed} target(s) missed`);
  process.exitCode = 1;
}
