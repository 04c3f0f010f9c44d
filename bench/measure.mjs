// What the benchmarks share: running commands, interleaved rounds, ratios per round, the peers.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The command users run. */
export const BIN = join(ROOT, 'bin', 'gradplot.js');
export const PEERS = join(ROOT, 'bench', 'peers');
/** A target is missed only when the median ratio is over target × NOISE. */
export const NOISE = 1.1;
/** gradplot's default chart of xy: 541 × 556 CSS pixels, PNGs at pixel ratio 2. */
export const CHART = { width: 541, height: 556, scale: 2 };

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Wall time in ms of one command, its CPU time (user + system, its threads and children, in ms, to
 * 10 ms), and its stderr; a failure stops the benchmark.
 */
export function run(file, args, { cwd, env = {}, input } = {}) {
  const cpu0 = childrenCpu();
  const start = performance.now();
  const r = spawnSync(file, args, { cwd, input, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  const time = performance.now() - start;
  if (r.status !== 0) throw new Error(`${file} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr}`);
  return { time, cpu: childrenCpu() - cpu0, stderr: r.stderr };
}

// CPU time of this process's waited-for children (Linux: cutime + cstime of /proc/self/stat, in ticks of 10 ms).
function childrenCpu() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return NaN;
  }
}

/**
 * Runs every case once per round, in a different order each round, `rounds`
 * times: all cases see the same machine. Gives each case's wall times, in
 * round order.
 */
export function interleave(cases, rounds) {
  const names = Object.keys(cases);
  const times = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    const order = names.map((_, i) => names[(i + r) % names.length]);
    const measured = {};
    for (const n of order) measured[n] = cases[n]();
    for (const n of names) times[n].push(measured[n]);
  }
  return times;
}

/** The ratio of each round (a / b) and their median and range. */
export function ratio(a, b) {
  const each = a.map((x, i) => x / b[i]);
  return { median: median(each), min: Math.min(...each), max: Math.max(...each) };
}

/** A table of rows of cells, printed with padded columns. */
export class Table {
  rows = [];
  missed = 0;

  /**
   * One comparison: `times` against `baseline`, the median ratio (with its
   * range) and, with a target, whether it is met. `atMost` false means the
   * ratio must be at least the target.
   */
  compare(name, times, baselineName, baseline, target, { atMost = true, note = '' } = {}) {
    const r = ratio(times, baseline);
    let verdict = '';
    if (target !== undefined) {
      const ok = atMost ? r.median <= target * NOISE : r.median >= target / NOISE;
      verdict = `${atMost ? '≤' : '≥'} ${target} ${ok ? 'ok' : 'MISSED'}`;
      if (!ok) this.missed++;
    }
    this.rows.push([name, fmt(median(times)), baselineName, fmt(median(baseline)), `${r.median.toFixed(2)}x`, `${r.min.toFixed(2)}–${r.max.toFixed(2)}`, verdict, note]);
    return r;
  }

  /** A row with a measure and no ratio. */
  note(name, time, verdict = '', note = '') {
    this.rows.push([name, time === undefined ? '' : fmt(time), '', '', '', '', verdict, note]);
  }

  print(title) {
    const header = ['case', 'median', 'against', 'its median', 'ratio', 'range', 'target', ''];
    const all = [header, ...this.rows];
    const widths = header.map((_, c) => Math.max(...all.map((r) => String(r[c]).length)));
    console.log(`${title}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus()[0].model.trim()} ×${cpus().length}, Node.js ${process.version}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    for (const r of all) console.log(r.map((cell, c) => String(cell).padEnd(widths[c])).join('  ').trimEnd());
    if (this.missed) console.log(`${this.missed} target(s) missed`);
  }
}

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

/** A Python 3 with numpy and matplotlib, a gnuplot: the peers (bash scripts/setup.sh --bench), or undefined. */
export function peers() {
  const works = (file, args) => spawnSync(file, args, { stdio: 'ignore' }).status === 0;
  const python = ['/usr/bin/python3', 'python3'].find((p) => works(p, ['-c', 'import numpy, matplotlib']));
  const gnuplot = works('gnuplot', ['--version']) ? 'gnuplot' : undefined;
  if (!python || !gnuplot) console.log('note: peers missing (bash scripts/setup.sh --bench installs gnuplot, numpy and matplotlib); their rows are left out\n');
  return { python, gnuplot };
}

/**
 * A gnuplot script that draws `charts` quiver charts of gradplot's CSV of the
 * default xy grid (arrows along −∇f, the longest 0.9 of a cell, as gradplot),
 * with the same pixel size, to `<out>-<i>.<ext>`.
 */
export function gnuplotScript(dir, csv, format, charts, out = 'gnuplot') {
  const terminal = format === 'png' ? `pngcairo size ${CHART.width * CHART.scale},${CHART.height * CHART.scale}` : `svg size ${CHART.width},${CHART.height}`;
  const s = (0.9 * 0.25) / Math.sqrt(8);
  const lines = [
    "set datafile separator ','",
    `set terminal ${terminal}`,
    'set size ratio -1',
    'set xrange [-2.3:2.3]',
    'set yrange [-2.3:2.3]',
    "set xlabel 'x0'",
    "set ylabel 'x1'",
    'set grid',
    "set title 'f(x0, x1) = x0*x1'",
  ];
  for (let i = 0; i < charts; i++) {
    lines.push(`set output '${out}-${i}.${format}'`, `plot '${csv}' skip 1 using 1:2:(-$4*${s}):(-$5*${s}) with vectors lc rgb '#666666' notitle`);
  }
  const file = join(dir, `${out}-${format}-${charts}.gp`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}
