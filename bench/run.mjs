#!/usr/bin/env node
// The benchmark of issue 6 (not a test): every figure is a ratio to a baseline
// measured in the same run, so a noisy machine moves both sides together.
// Prints a table (min and median of several runs) and exits 1 when a ratio
// misses its target by more than NOISE. Needs the build (npm run build); no network.
//
//   npm run bench
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// The command users run.
const BIN = join(ROOT, 'bin', 'gradplot.js');
const NOISE = 1.1; // a target is missed only when the ratio is over target × NOISE
const dist = (path) => import(join(ROOT, 'dist', path));
const { numericalGradient } = await dist('core/gradient.js');
const { axis, meshgrid } = await dist('core/grid.js');
const { findBuiltin } = await dist('functions/builtins.js');
const { compileExpression } = await dist('functions/expression.js');
const { sampleGrid } = await dist('parallel/sample.js');

const rows = [];
let missed = 0;
const work = mkdtempSync(join(tmpdir(), 'gradplot-bench-'));

const min = (xs) => Math.min(...xs);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

/** Wall time of a command in ms, with what it printed on stderr. */
function command(file, args, { env = {} } = {}) {
  const start = performance.now();
  const r = spawnSync(file, args, { cwd: work, encoding: 'utf8', env: { ...process.env, ...env } });
  const time = performance.now() - start;
  if (r.status !== 0) throw new Error(`${file} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { time, stderr: r.stderr };
}
const node = (args, options) => command(process.execPath, args, options);
const gradplot = (args, options) => command(BIN, args, options);

/** Runs `a` and `b` alternately `runs` times, so both see the same machine. */
function pair(a, b, runs) {
  const [ta, tb] = [[], []];
  for (let i = 0; i < runs; i++) {
    ta.push(a());
    tb.push(b());
  }
  return [ta, tb];
}

/** One table row; a target makes it pass or miss on the ratio of the minima. */
function report(name, times, baselineName, baseline, target, extra = '') {
  const ratio = baseline ? min(times) / min(baseline) : undefined;
  const verdict = target === undefined || ratio === undefined ? '' : ratio <= target * NOISE ? `≤ ${target} ok` : `> ${target} MISSED`;
  if (verdict.includes('MISSED')) missed++;
  rows.push([name, ms(min(times)), ms(median(times)), baselineName ?? '', baseline ? ms(min(baseline)) : '', ratio ? `${ratio.toFixed(2)}x` : '', verdict, extra]);
}

// 1. Start-up: a whole default chart against starting Node.js at all.
{
  const runs = 15;
  const phases = [];
  const [bare, chart] = pair(
    () => node(['-e', '0']).time,
    () => {
      const r = gradplot(['--fn', 'xy', '-o', 'xy.png'], { env: { GRADPLOT_TIMINGS: '1' } });
      phases.push(r.stderr.match(/timings: (.*)/)[1]);
      return r.time;
    },
    runs,
  );
  report('gradplot --fn xy -o xy.png (start-up)', chart, 'node -e 0', bare, 3);
  const keys = [...phases[0].matchAll(/([a-z +]+) ([\d.]+) ms/g)].map((m) => m[1].trim());
  const breakdown = keys.map((k) => `${k} ${median(phases.map((p) => Number(p.match(new RegExp(`${k.replace('+', '\\+')} ([\\d.]+) ms`))[1]))).toFixed(0)}`);
  rows[rows.length - 1][7] = `median ms: ${breakdown.join(', ')}`;
}

// 2. Numeric core: one million points of sin_xy against the same central differences written inline.
const xs = axis(-2, 2, 0.004);
const grid = meshgrid(xs, xs);
{
  const h = 1e-4;
  const inline = () => {
    const t = performance.now();
    const { data, count } = grid;
    const out = new Float64Array(2 * count);
    for (let i = 0; i < count; i++) {
      const [x0, x1] = [data[2 * i], data[2 * i + 1]];
      out[2 * i] = (Math.sin((x0 + h) * x1) - Math.sin((x0 - h) * x1)) / (2 * h);
      out[2 * i + 1] = (Math.sin(x0 * (x1 + h)) - Math.sin(x0 * (x1 - h))) / (2 * h);
    }
    return performance.now() - t;
  };
  const fn = findBuiltin('sin_xy');
  const core = () => {
    const t = performance.now();
    numericalGradient(fn, grid);
    return performance.now() - t;
  };
  const [base, ours] = pair(inline, core, 21);
  const rate = (grid.count / min(ours)) * 1000;
  report(`numericalGradient sin_xy, ${grid.count.toLocaleString('en-US')} points`, ours, 'inline loop', base, 1.3, `${(rate / 1e6).toFixed(1)} M points/s`);

  // 3. --expr against --fn on the same function, in the core and end to end.
  const expr = await compileExpression('sin(x0*x1)');
  const viaExpr = () => {
    const t = performance.now();
    numericalGradient(expr, grid);
    return performance.now() - t;
  };
  const [fnTimes, exprTimes] = pair(core, viaExpr, 21);
  report('  same, --expr "sin(x0*x1)"', exprTimes, '--fn sin_xy', fnTimes, 1.5);
  const csv = (fnArgs) => () => gradplot([...fnArgs, '--step', '0.004', '-o', 'grid.csv']).time;
  const [fnCli, exprCli] = pair(csv(['--fn', 'sin_xy']), csv(['--expr', 'sin(x0*x1)']), 3);
  report('gradplot --expr "sin(x0*x1)" 1001² grid → .csv', exprCli, '--fn sin_xy', fnCli, 1.5);

  // 4. Worker threads on a million points and more (no target: report the speed-up).
  for (const step of [0.004, 0.002]) {
    const ax = axis(-2, 2, step);
    const timed = async (threads) => {
      const t = performance.now();
      await sampleGrid(fn, { kind: 'builtin', name: 'sin_xy' }, ax, ax, {}, threads);
      return performance.now() - t;
    };
    const threads = availableParallelism();
    const [single, threaded] = [[], []];
    for (let i = 0; i < 5; i++) {
      single.push(await timed(1));
      threaded.push(await timed(threads));
    }
    const count = (ax.length ** 2).toLocaleString('en-US');
    report(`  grid, f and ∇f, ${count} points, ${threads} threads`, threaded, '1 thread', single, undefined, `speed-up ${(min(single) / min(threaded)).toFixed(2)}x`);
  }
}

// 5. A 4-million-point grid: CSV export within 512 MB, and a chart thinned to --max-arrows.
for (const out of ['big.csv', 'big.png']) {
  // Peak memory is read by a preloaded module, so this runs the JavaScript entry (the same code).
  const r = node(['--import', join(ROOT, 'bench', 'maxrss.mjs'), BIN, '--fn', 'sin_xy', '--step', '0.002', '-o', out]);
  const mb = Number(r.stderr.match(/maxrss: (\d+)/)[1]) / 1024;
  const ok = mb <= 512 * NOISE ? '≤ 512 MB ok' : '> 512 MB MISSED';
  if (!ok.endsWith('ok')) missed++;
  rows.push([`gradplot --step 0.002 (4,004,001 points) → .${out.split('.')[1]}`, ms(r.time), '', '', '', '', ok, `peak ${mb.toFixed(0)} MB`]);
}

// 6. One chart of each output format.
{
  const bare = Array.from({ length: 5 }, () => node(['-e', '0']).time);
  for (const format of ['png', 'svg', 'pdf', 'vl.json', 'html', 'csv', 'json']) {
    const times = Array.from({ length: 3 }, () => gradplot(['--fn', 'xy', '-o', `chart.${format}`]).time);
    report(`gradplot --fn xy -o chart.${format}`, times, 'node -e 0', bare);
  }
}

rmSync(work, { recursive: true, force: true });
const header = ['case', 'min', 'median', 'baseline', 'baseline min', 'ratio', 'target', ''];
const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => r[c].length)));
console.log(`gradplot benchmark, ${new Date().toISOString().slice(0, 10)}, ${cpus()[0].model.trim()} ×${cpus().length}, Node.js ${process.version}`);
for (const r of [header, ...rows]) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd());
if (missed) {
  console.log(`${missed} target(s) missed`);
  process.exitCode = 1;
}
