#!/usr/bin/env node
// Benchmark (not a test): 50 charts of the default grid (fn xy, png) rendered
// as one `gradplot batch` (--jobs 1 and --jobs 2) and as 50 separate `gradplot`
// processes, one after another. Prints a table of wall times (the batch: the
// best of three runs) and ratios to the separate runs; exits 1 if
// `batch --jobs 1` takes more than a fifth of them.
//
//   npm run build && node bench/batch.mjs [charts]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/gradplot.js', import.meta.url));
const CHARTS = Number(process.argv[2] ?? 50);
const TARGET = 1 / 5;
const REPEAT = 3;

// Wall time of one gradplot command in seconds; a failure stops the benchmark.
function gradplot(args, cwd) {
  const start = process.hrtime.bigint();
  const r = spawnSync(BIN, args, { cwd, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`gradplot ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return seconds;
}

// A new folder for one case's files, removed after it.
function inTempDir(work) {
  const dir = mkdtempSync(join(tmpdir(), 'gradplot-bench-'));
  try {
    return work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function separate() {
  return inTempDir((dir) => {
    let seconds = 0;
    for (let i = 0; i < CHARTS; i++) seconds += gradplot(['--fn', 'xy', '-o', `xy-${i}.png`], dir);
    return seconds;
  });
}

function batch(jobs) {
  return inTempDir((dir) => {
    const charts = Array.from({ length: CHARTS }, (_, i) => ({ out: `xy-${i}.png`, fn: 'xy' }));
    writeFileSync(join(dir, 'plots.json'), JSON.stringify({ charts }));
    const runs = Array.from({ length: REPEAT }, () => gradplot(['batch', 'plots.json', '--jobs', String(jobs), '--force', '--quiet'], dir));
    return Math.min(...runs);
  });
}

console.log(`gradplot batch benchmark: ${CHARTS} charts (fn xy, default grid, png); ${cpus()[0]?.model ?? 'cpu'}, ${availableParallelism()} cores, Node ${process.version}\n`);
// Warm the disk cache so the first separate run is not charged for it.
inTempDir((dir) => gradplot(['--fn', 'xy', '-o', 'warm-up.png'], dir));
const base = separate();
const rows = [
  [`${CHARTS} separate processes`, base],
  ['batch --jobs 1', batch(1)],
  ['batch --jobs 2', batch(2)],
];
const table = [['case', 'total s', 'per chart s', 'ratio to separate'], ...rows.map(([name, s]) => [name, s.toFixed(2), (s / CHARTS).toFixed(3), (s / base).toFixed(3)])];
const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
for (const row of table) console.log(row.map((cell, c) => (c ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  '));
const ratio = rows[1][1] / base;
console.log(`\ntarget: batch --jobs 1 ≤ ${TARGET} of separate runs: ${ratio <= TARGET ? 'met' : 'MISSED'} (${ratio.toFixed(3)})`);
if (ratio > TARGET) process.exitCode = 1;
