#!/usr/bin/env node
// The benchmark (not a test): gradplot against starting Node.js at all, and against the peers
// users would pick instead (gnuplot, matplotlib, numpy), all in this one run. Cases run
// interleaved, round after round, so a noisy machine slows every side alike; each figure is the
// median of the rounds' ratios, with their range. Exits 1 when a median ratio misses its target by
// more than NOISE. Needs the build; the peers come from `bash scripts/setup.sh --bench`.
//
//   npm run bench            (this, then the other benchmarks: bench/all.mjs)
//   node bench/run.mjs [rounds]
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, CHART, gnuplotScript, interleave, median, PEERS, peers, ROOT, run, Table } from './measure.mjs';

const ROUNDS = Number(process.argv[2] ?? 11);
const work = mkdtempSync(join(tmpdir(), 'gradplot-bench-'));
const table = new Table();
const { python, gnuplot } = peers();
const node = (args, options) => run(process.execPath, args, { cwd: work, ...options });
const gradplot = (args, options) => run(BIN, args, { cwd: work, ...options });
const wall = (f) => () => f().time;

// 1. One chart, and the commands that draw nothing, against `node -e 0` and the peers.
{
  gradplot(['--fn', 'xy', '-o', 'xy.csv']);
  const phases = [];
  const cases = {
    node: wall(() => node(['-e', '0'])),
    png: () => {
      const r = gradplot(['--fn', 'xy', '-o', 'xy.png'], { env: { GRADPLOT_TIMINGS: '1' } });
      phases.push(r.stderr.match(/timings: (.*)/)[1]);
      return r.time;
    },
    svg: wall(() => gradplot(['--fn', 'xy', '-o', 'xy.svg'])),
    pdf: wall(() => gradplot(['--fn', 'xy', '-o', 'xy.pdf'])),
    csv: wall(() => gradplot(['--fn', 'xy', '-o', 'out.csv'])),
    version: wall(() => gradplot(['--version'])),
    list: wall(() => gradplot(['list'])),
  };
  if (gnuplot) {
    const [png, svg] = ['png', 'svg'].map((format) => gnuplotScript(work, 'xy.csv', format, 1));
    Object.assign(cases, {
      'gnuplot png': wall(() => run(gnuplot, [png], { cwd: work })),
      'gnuplot svg': wall(() => run(gnuplot, [svg], { cwd: work })),
      'gnuplot start': wall(() => run(gnuplot, ['-e', 'exit'], { cwd: work })),
    });
  }
  if (python) cases.seed = wall(() => run(python, [join(PEERS, 'seed.py'), 'seed.png', String(CHART.width * CHART.scale), String(CHART.height * CHART.scale)], { cwd: work }));
  const t = interleave(cases, ROUNDS);
  const keys = [...phases[0].matchAll(/([a-z +]+) ([\d.]+) ms/g)].map((m) => m[1].trim());
  const phase = (k) => median(phases.map((p) => Number(p.match(new RegExp(`${k.replace('+', '\\+')} ([\\d.]+) ms`))[1])));
  const breakdown = `median ms: ${keys.map((k) => `${k} ${phase(k).toFixed(0)}`).join(', ')}`;
  table.compare('gradplot --fn xy -o xy.png', t.png, 'node -e 0', t.node, 2, { note: breakdown });
  table.compare('gradplot --fn xy -o xy.svg', t.svg, 'node -e 0', t.node, 1.5);
  table.compare('gradplot --version', t.version, 'node -e 0', t.node, 1.3);
  table.compare('gradplot list', t.list, 'node -e 0', t.node, 1.3);
  table.compare('gradplot --fn xy -o xy.csv', t.csv, 'node -e 0', t.node, 1.3);
  table.compare('gradplot --fn xy -o xy.pdf', t.pdf, 'node -e 0', t.node);
  if (gnuplot) {
    table.compare('gradplot png against gnuplot pngcairo', t.png, 'gnuplot png', t['gnuplot png']);
    table.compare('gradplot svg against gnuplot svg', t.svg, 'gnuplot svg', t['gnuplot svg']);
    table.compare('gradplot --version against gnuplot -e exit', t.version, 'gnuplot start', t['gnuplot start']);
    table.compare('  gnuplot -e exit against node -e 0', t['gnuplot start'], 'node -e 0', t.node);
  }
  if (python) table.compare("gradplot png against the seed's matplotlib script", t.png, 'seed.py', t.seed);
}

// 2. The numeric core: a million points of sin_xy against the same central differences inline.
{
  const dist = (path) => import(join(ROOT, 'dist', path));
  const { numericalGradient } = await dist('core/gradient.js');
  const { axis, meshgrid } = await dist('core/grid.js');
  const { findBuiltin } = await dist('functions/builtins.js');
  const { compileExpression } = await dist('functions/expression.js');
  const xs = axis(-2, 2, 0.004);
  const grid = meshgrid(xs, xs);
  const h = 1e-4;
  const timed = (f) => () => {
    const t = performance.now();
    f();
    return performance.now() - t;
  };
  const fn = findBuiltin('sin_xy');
  const expr = await compileExpression('sin(x0*x1)');
  const t = interleave(
    {
      inline: timed(() => {
        const { data, count } = grid;
        const out = new Float64Array(2 * count);
        for (let i = 0; i < count; i++) {
          const [x0, x1] = [data[2 * i], data[2 * i + 1]];
          out[2 * i] = (Math.sin((x0 + h) * x1) - Math.sin((x0 - h) * x1)) / (2 * h);
          out[2 * i + 1] = (Math.sin(x0 * (x1 + h)) - Math.sin(x0 * (x1 - h))) / (2 * h);
        }
      }),
      core: timed(() => numericalGradient(fn, grid)),
      expr: timed(() => numericalGradient(expr, grid)),
    },
    15,
  );
  table.compare(`numericalGradient sin_xy, ${grid.count.toLocaleString('en-US')} points`, t.core, 'inline loop', t.inline, 1.3);
  table.compare('  same, --expr "sin(x0*x1)"', t.expr, '--fn sin_xy', t.core, 1.5);
  const csv = (fn) => wall(() => gradplot([...fn, '--step', '0.004', '-o', 'grid.csv']));
  const cli = interleave({ fn: csv(['--fn', 'sin_xy']), expr: csv(['--expr', 'sin(x0*x1)']) }, 3);
  table.compare('gradplot --expr "sin(x0*x1)" 1001² grid → .csv', cli.expr, '--fn sin_xy', cli.fn, 1.5);

  // f and ∇f of a large grid on every core (no target: the speed-up).
  const { sampleGrid } = await dist('parallel/sample.js');
  for (const step of [0.004, 0.002]) {
    const ax = axis(-2, 2, step);
    const on = (threads) => async () => {
      const start = performance.now();
      await sampleGrid(fn, { kind: 'builtin', name: 'sin_xy' }, ax, ax, {}, threads);
      return performance.now() - start;
    };
    const [one, all] = [[], []];
    for (let i = 0; i < 5; i++) {
      one.push(await on(1)());
      all.push(await on(availableParallelism())());
    }
    table.compare(`  grid f and ∇f, ${(ax.length ** 2).toLocaleString('en-US')} points, ${availableParallelism()} threads`, all, '1 thread', one);
  }
}

// 3. A 4-million-point CSV against numpy's savetxt of the same columns, and its peak memory.
{
  const args = ['--fn', 'sin_xy', '--step', '0.002', '-o', 'big.csv'];
  const cases = { gradplot: wall(() => gradplot(args)) };
  if (python) cases.numpy = wall(() => run(python, [join(PEERS, 'savetxt.py'), 'numpy.csv'], { cwd: work }));
  const t = interleave(cases, 3);
  if (python) table.compare('gradplot --step 0.002 (4,004,001 points) → .csv', t.gradplot, 'np.savetxt %.17g', t.numpy, 0.3);
  else table.note('gradplot --step 0.002 (4,004,001 points) → .csv', median(t.gradplot));
  // Peak memory is read by a preloaded module, so this runs the JavaScript entry (the same code).
  for (const out of ['big.csv', 'big.png']) {
    const r = node(['--import', join(ROOT, 'bench', 'maxrss.mjs'), BIN, ...args.slice(0, -1), out]);
    const mb = Number(r.stderr.match(/maxrss: (\d+)/)[1]) / 1024;
    const limit = out.endsWith('csv') ? 300 : undefined;
    const verdict = limit === undefined ? '' : mb <= limit ? `≤ ${limit} MB ok` : `> ${limit} MB MISSED`;
    if (verdict.includes('MISSED')) table.missed++;
    table.note(`  peak memory, → .${out.split('.')[1]} (${availableParallelism()} threads)`, r.time, verdict, `peak ${mb.toFixed(0)} MB`);
  }
}

rmSync(work, { recursive: true, force: true });
table.print(`gradplot benchmark, ${ROUNDS} rounds`);
if (table.missed) process.exitCode = 1;
