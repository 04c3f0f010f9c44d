#!/usr/bin/env node
// Benchmark (not a test): 50 charts of the default grid (fn xy, png) drawn by one `gradplot batch`
// (default --jobs, --jobs 1, --jobs 2), by one gnuplot process (pngcairo, the same pixel size, from
// gradplot's CSV), by one matplotlib process (the same pixel count), and by 50 separate gradplot
// runs; the cases run interleaved, round after round. Prints wall and CPU times (CPU: user +
// system of all threads) and the median ratios of the rounds; exits 1 when a target is missed.
//
//   npm run build && node bench/batch.mjs [charts] [rounds]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, CHART, gnuplotScript, interleave, median, PEERS, peers, run, Table } from './measure.mjs';

const CHARTS = Number(process.argv[2] ?? 50);
const ROUNDS = Number(process.argv[3] ?? 3);
const work = mkdtempSync(join(tmpdir(), 'gradplot-bench-'));
const { python, gnuplot } = peers();
const charts = Array.from({ length: CHARTS }, (_, i) => ({ out: `xy-${i}.png`, fn: 'xy' }));
writeFileSync(join(work, 'plots.json'), JSON.stringify({ charts }));
run(BIN, ['--fn', 'xy', '-o', 'xy.csv'], { cwd: work });

const cpu = {};
const timed = (name, file, args) => () => {
  const r = run(file, args, { cwd: work });
  (cpu[name] ??= []).push(r.cpu);
  return r.time;
};
const batch = (jobs) => ['batch', 'plots.json', '--force', '--quiet', ...(jobs ? ['--jobs', String(jobs)] : [])];
const cases = {
  default: timed('default', BIN, batch()),
  'jobs 1': timed('jobs 1', BIN, batch(1)),
  'jobs 2': timed('jobs 2', BIN, batch(2)),
};
if (gnuplot) cases.gnuplot = timed('gnuplot', gnuplot, [gnuplotScript(work, 'xy.csv', 'png', CHARTS)]);
if (python) cases.matplotlib = timed('matplotlib', python, [join(PEERS, 'charts.py'), String(CHARTS), String(CHART.width * CHART.scale), String(CHART.height * CHART.scale), '.']);
const t = interleave(cases, ROUNDS);
// 50 separate runs take long: one round, for scale.
const separate = [0];
for (const { out } of charts) separate[0] += run(BIN, ['--fn', 'xy', '-o', out], { cwd: work }).time;
rmSync(work, { recursive: true, force: true });

const table = new Table();
const cpuNote = (name) => `CPU ${(median(cpu[name]) / 1000).toFixed(2)} s`;
if (gnuplot) table.compare(`batch of ${CHARTS} (default --jobs) against gnuplot, one process`, t.default, 'gnuplot', t.gnuplot, 0.6, { note: `${cpuNote('default')}; gnuplot ${cpuNote('gnuplot')}` });
if (python) table.compare(`batch of ${CHARTS} (default --jobs) against matplotlib, one process`, t.default, 'matplotlib', t.matplotlib, 0.3, { note: `matplotlib ${cpuNote('matplotlib')}` });
table.compare('speed-up: --jobs 1 time / --jobs 2 time', t['jobs 1'], '--jobs 2', t['jobs 2'], 1.5, { atMost: false, note: `jobs 1 ${cpuNote('jobs 1')}, jobs 2 ${cpuNote('jobs 2')}` });
table.compare('  --jobs 2 against --jobs 1 in CPU time', cpu['jobs 2'], '--jobs 1', cpu['jobs 1']);
table.compare('default --jobs against --jobs 1', t.default, '--jobs 1', t['jobs 1']);
table.note(`${CHARTS} separate runs (one round)`, separate[0], '', `${(separate[0] / median(t.default)).toFixed(1)}x the batch`);
table.print(`gradplot batch benchmark, ${CHARTS} charts (fn xy, png), ${ROUNDS} rounds, ${availableParallelism()} cores`);
if (table.missed) process.exitCode = 1;
