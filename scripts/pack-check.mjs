#!/usr/bin/env node
// Packs gradplot from a clean copy of the checkout (no dist/: `npm pack` must build it), checks what
// the tarball holds, installs it into an empty folder offline (dependencies from npm's cache, the
// canvas addon copied from this checkout instead of compiled again), and runs what users run: the
// command for a PNG and an SVG, and the library import. Prints one line per step; exits 1 on failure.
//
//   node scripts/pack-check.mjs
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAX_UNPACKED = 5_000_000;
// Made for one machine (a V8 snapshot, code caches) or running code when imported: never shipped.
const NOT_SHIPPED = /\.(blob|cache|node)$|^dist\/(bin|snapshot)\b|^dist\/bundles\/.*\.js$/;

const work = mkdtempSync(join(tmpdir(), 'gradplot-pack-'));
const step = (text) => process.stdout.write(`pack-check: ${text}\n`);
const run = (file, args, cwd, env = {}) =>
  execFileSync(file, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
const npm = (args, cwd) => run(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, cwd);

try {
  // A clean checkout: the files git would have, with this checkout's node_modules for the build.
  const checkout = join(work, 'checkout');
  const files = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], ROOT).split('\0').filter(Boolean);
  for (const file of files) {
    try {
      cpSync(join(ROOT, file), join(checkout, file));
    } catch (error) {
      if (error.code !== 'ENOENT') throw error; // deleted, not yet committed
    }
  }
  symlinkSync(join(ROOT, 'node_modules'), join(checkout, 'node_modules'), 'junction');

  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], checkout).replace(/^[^[]*/, ''));
  const shipped = packed.files.map((f) => f.path);
  step(`${packed.filename}: ${shipped.length} files, ${(packed.unpackedSize / 1e6).toFixed(2)} MB unpacked`);
  if (packed.unpackedSize >= MAX_UNPACKED) throw new Error(`unpacked size ${packed.unpackedSize} bytes is not under ${MAX_UNPACKED}`);
  const wrong = shipped.filter((path) => NOT_SHIPPED.test(path));
  if (wrong.length) throw new Error(`the tarball holds files it must not ship: ${wrong.join(', ')}`);
  const manifest = JSON.parse(readFileSync(join(checkout, 'package.json'), 'utf8'));
  for (const needed of [manifest.main, manifest.bin.gradplot, 'dist/cli/gradplot.cjs', 'dist/cli/main.cjs', 'dist/bundles/vega.cjs', 'fonts/DejaVuSans.ttf']) {
    if (!shipped.includes(needed)) throw new Error(`the tarball lacks ${needed}`);
  }

  // An empty project that depends on the tarball, installed offline: its lock file pins the
  // dependencies this checkout's lock file pins (their tarballs are in npm's cache since `npm ci`), and
  // canvas's compiled addon is copied from this checkout.
  const app = join(work, 'app');
  mkdirSync(app);
  const tarball = `file:../${packed.filename}`;
  const root = { name: 'app', private: true, type: 'module', dependencies: { gradplot: tarball } };
  writeFileSync(join(app, 'package.json'), JSON.stringify(root, null, 2));
  const pinned = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')).packages;
  const { name, version, dependencies, bin, engines, license } = manifest;
  const packages = {
    '': { name: root.name, dependencies: root.dependencies },
    'node_modules/gradplot': { version, resolved: tarball, integrity: packed.integrity, license, dependencies, bin, engines },
  };
  for (const [path, entry] of Object.entries(pinned)) if (path.startsWith('node_modules/') && !entry.dev && path !== `node_modules/${name}`) packages[path] = entry;
  writeFileSync(join(app, 'package-lock.json'), JSON.stringify({ name: root.name, lockfileVersion: 3, requires: true, packages }, null, 2));
  npm(['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], app);
  cpSync(join(ROOT, 'node_modules', 'canvas', 'build'), join(app, 'node_modules', 'canvas', 'build'), { recursive: true });
  step('installed offline into an empty folder');

  // The command as npm linked it, with a cache folder of its own.
  const command = join(app, 'node_modules', '.bin', process.platform === 'win32' ? 'gradplot.cmd' : 'gradplot');
  const env = { GRADPLOT_CACHE_DIR: join(work, 'cache'), NODE_OPTIONS: '' };
  for (const format of ['png', 'svg']) {
    run(command, ['--fn', 'himmelblau', '--color', 'magnitude', '-o', `chart.${format}`], app, env);
    const bytes = readFileSync(join(app, `chart.${format}`));
    const ok = format === 'png' ? bytes.subarray(1, 4).toString() === 'PNG' && bytes.readUInt32BE(16) > 500 : /^<svg[^>]*>[\s\S]*<\/svg>$/.test(bytes.toString().trim());
    if (!ok) throw new Error(`gradplot -o chart.${format} wrote no ${format.toUpperCase()}`);
    step(`gradplot -o chart.${format}: ${bytes.length} bytes`);
  }

  // The library, imported by name from the folder it was installed in.
  const script = `import { gradientField, render } from 'gradplot';
    const { field, spec } = await gradientField({ expr: 'x0*x1', step: 0.5 });
    const png = await render(spec, 'png');
    console.log(JSON.stringify({ count: field.points.count, g: Array.from(field.gradient.data.subarray(0, 2), (g) => +g.toFixed(6)), png: png.subarray(1, 4).toString() }));`;
  writeFileSync(join(app, 'use.mjs'), script);
  const result = JSON.parse(run(process.execPath, [join(app, 'use.mjs')], app, env));
  if (JSON.stringify(result) !== JSON.stringify({ count: 81, g: [-2, -2], png: 'PNG' })) throw new Error(`the library gave ${JSON.stringify(result)}`);
  step(`import 'gradplot': a field of ${result.count} points and a PNG`);
  step('ok');
} catch (error) {
  process.stderr.write(`pack-check: ${error.stderr || error.message}\n`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
