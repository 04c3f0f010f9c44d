#!/usr/bin/env node
// The cost of streamlines (not a test): the default streamline chart against the
// default quiver chart, both whole runs of the gradplot command, run alternately
// so a noisy machine moves both sides together. Prints the minimum and median of
// each and their ratio, and exits 1 when the ratio of the minima is over TARGET
// by more than NOISE. Needs the build (npm run build).
//
//   node bench/streamlines.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'gradplot.js');
const TARGET = 1.5;
const NOISE = 1.1;
const RUNS = 15;
const work = mkdtempSync(join(tmpdir(), 'gradplot-bench-'));

const CASES = [
  { name: 'gradplot --fn xy -o xy.png (quiver)', args: ['--fn', 'xy', '-o', 'quiver.png'] },
  { name: 'gradplot --fn xy --streamlines -o xy.png', args: ['--fn', 'xy', '--streamlines', '-o', 'lines.png'] },
];

function time(args) {
  const start = performance.now();
  const r = spawnSync(BIN, args, { cwd: work, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`gradplot ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return ms;
}

const times = CASES.map(() => []);
for (let run = 0; run < RUNS; run++) CASES.forEach((c, i) => times[i].push(time(c.args)));
rmSync(work, { recursive: true, force: true });

const min = (xs) => Math.min(...xs);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [i, c] of CASES.entries()) console.log(`${c.name.padEnd(44)} min ${min(times[i]).toFixed(1)} ms, median ${median(times[i]).toFixed(1)} ms`);
const ratio = min(times[1]) / min(times[0]);
const ok = ratio <= TARGET * NOISE;
console.log(`streamlines / quiver: ${ratio.toFixed(2)}x (target ${TARGET}x) ${ok ? 'ok' : 'MISSED'}`);
process.exitCode = ok ? 0 : 1;
