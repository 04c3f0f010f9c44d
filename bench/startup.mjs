#!/usr/bin/env node
// Start-up benchmark (not a test): each kind of command, with and without the per-user code caches,
// as a ratio to `node -e 0` timed in the same round, warm and cold (gradplot's files and caches dropped
// from the OS file cache first), on an idle machine and with one core kept busy. Needs the build.
//
//   node bench/startup.mjs [runs]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.argv[2] ?? 7);
const work = mkdtempSync(join(tmpdir(), 'gradplot-startup-'));

const KINDS = {
  '--version': ['--version'],
  list: ['list'],
  csv: ['--fn', 'xy', '-o', 'xy.csv'],
  svg: ['--fn', 'xy', '-o', 'xy.svg'],
  png: ['--fn', 'xy', '-o', 'xy.png'],
  'svg --expr': ['--expr', 'sin(x0*x1)', '-o', 'e.svg'],
};

// Each way of starting: [name, argv before the command's arguments, environment].
const node = process.execPath;
const BIN = join(ROOT, 'bin', 'gradplot.js');
const CACHE = join(work, 'cache');
const ways = [
  ['code caches', [node, BIN], { GRADPLOT_CACHE_DIR: CACHE }],
  ['no code cache', [node, BIN], { GRADPLOT_CACHE_DIR: '' }],
];
// The per-user code caches, as the first runs on a machine make them.
for (const args of [['--fn', 'xy', '-o', 'xy.svg'], ['--expr', 'x0*x1', '-o', 'xy.svg']]) time([node, BIN, ...args], ways[0][2]);

function time(argv, env = {}) {
  const start = performance.now();
  const r = spawnSync(argv[0], argv.slice(1), { cwd: work, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NODE_OPTIONS: '', ...env } });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${argv.join(' ')}: status ${r.status} ${r.stderr}`);
  return ms;
}

// gradplot's own files, and the canvas addon with its libraries, out of the OS file cache.
const ownFiles = () => {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(join(ROOT, 'dist'));
  walk(CACHE);
  walk(join(ROOT, 'node_modules', 'canvas', 'build'));
  const addon = join(ROOT, 'node_modules', 'canvas', 'build', 'Release', 'canvas.node');
  const libs = spawnSync('ldd', [addon], { encoding: 'utf8' }).stdout.match(/=> (\/\S+)/g) ?? [];
  return [...files, ...libs.map((l) => l.slice(3))];
};
const evict = (files) =>
  spawnSync('python3', ['-c', 'import os,sys\nfor p in sys.argv[1:]:\n fd=os.open(p,os.O_RDONLY); os.posix_fadvise(fd,0,0,os.POSIX_FADV_DONTNEED); os.close(fd)', ...files]);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const files = ownFiles();
const rows = [];
for (const loaded of [false, true]) {
  const busy = loaded ? spawn(node, ['-e', 'for (;;);'], { stdio: 'ignore' }) : undefined;
  for (const cold of [false, true]) {
    const t = { base: [] };
    for (let i = 0; i < RUNS; i++) {
      for (const [kind, args] of Object.entries(KINDS)) {
        for (const [way, argv, env] of ways) {
          if (cold) evict(files);
          (t[`${kind}|${way}`] ??= []).push(time([...argv, ...args], env));
        }
        t.base.push(time([node, '-e', '0']));
      }
    }
    const base = median(t.base);
    for (const kind of Object.keys(KINDS)) {
      const cells = ways.map(([way]) => `${(median(t[`${kind}|${way}`]) / base).toFixed(2)}x`);
      rows.push([loaded ? 'one core busy' : 'idle', cold ? 'cold' : 'warm', kind, ...cells, `${base.toFixed(0)} ms`]);
    }
  }
  busy?.kill();
}
rmSync(work, { recursive: true, force: true });

const head = ['machine', 'files', 'command', ...ways.map(([w]) => w), 'node -e 0'];
console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log(`\nmedians of ${RUNS} runs, as ratios to the median of \`node -e 0\` in the same rounds`);
