// Builds what the package runs:
//   dist/            the library, compiled by tsc (with .d.ts), imported as 'gradplot'
//   dist/cli/        the command line, bundled by esbuild so a run loads a few files instead of
//                    hundreds of modules; what only some runs need (Vega, the expression parser,
//                    the HTML page, batch) sits in chunks loaded on first use
//   dist/bundles/    Vega with Vega-Lite, and mathjs, each in one CommonJS bundle with V8's code cache
//                    for it, made by scripts/code-caches.mjs rendering sample charts (see src/util/bundle.ts)
//   dist/assets/     the browser tooltip script that .html charts inline (vega-tooltip is ESM only)
//   dist/gradplot.blob  the start-up snapshot that bin/gradplot starts Node.js from (src/snapshot.ts),
//                    made from dist/snapshot/, with the Node.js binary it fits in gradplot.blob.node
// dist/cli/ sits at the same depth as dist/render/, so paths relative to import.meta.url
// (fonts/, dist/assets/) resolve the same way from both.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
// What every bundle of the command line shares: minified for Node.js 20. canvas is a native addon;
// mathjs is loaded from its own single-file build on demand (its bundle, or node_modules).
const forNode = { bundle: true, platform: 'node', target: 'node20', minify: true, external: ['canvas', 'mathjs'], logLevel: 'warning' };
// CommonJS bundles that hold Vega, which gets our vega-canvas (src/render/vega-canvas.cjs).
const commonJs = { ...forNode, format: 'cjs', alias: { 'vega-canvas': './src/render/vega-canvas.cjs' } };

await build({
  ...forNode,
  entryPoints: { gradplot: 'src/bin.ts', worker: 'src/batch/worker.ts', 'field-worker': 'src/parallel/field-worker.ts', 'data-worker': 'src/output/data-worker.ts' },
  outdir: 'dist/cli',
  splitting: true,
  format: 'esm',
  // Bundled CommonJS dependencies (commander) call require() for Node's built-ins.
  banner: { js: "import { createRequire as __gradplotRequire } from 'node:module'; const require = __gradplotRequire(import.meta.url);" },
});
// Vega with Vega-Lite, and mathjs, each as one CommonJS function, run by src/util/bundle.ts with V8's code cache.
await build({
  ...commonJs,
  entryPoints: { engine: 'src/render/engine.ts', mathjs: 'mathjs/lib/browser/math.js' },
  outdir: 'dist/bundles',
  outExtension: { '.js': '.cjs' },
  banner: { js: '(function (require, module, exports) {' },
  footer: { js: '})' },
});
// The start-up snapshot (src/snapshot.ts): the whole CLI with Vega in one script, as `node --build-snapshot`
// needs, with `import.meta.url` and `require` standing for values the snapshot sets when it starts.
// Every module the bundle requires (Node's built-ins, canvas) is required on first use of one of its
// properties, so the snapshot holds none that is only used after start (worker_threads, vm, ...).
await build({
  ...commonJs,
  entryPoints: ['src/snapshot.ts'],
  outfile: 'dist/snapshot/gradplot.cjs',
  define: { 'import.meta.url': '__gradplot.url' },
  banner: { js: 'const __gradplot = { url: undefined, require }; (function (require) {' },
  footer: { js: '})((id) => { let m; return new Proxy({}, { get: (_, key) => (m ??= __gradplot.require(id))[key] }); });' },
});
await build({
  entryPoints: ['vega-tooltip'],
  bundle: true,
  minify: true,
  format: 'iife',
  globalName: 'vegaTooltip',
  outfile: 'dist/assets/vega-tooltip.min.js',
  logLevel: 'warning',
});

// The code caches, and the start-up snapshot with the Node.js binary it fits (which bin/gradplot checks
// before using it). Both are made for Node.js run without options: V8 refuses a cache or a snapshot made
// with other V8 options, so NODE_OPTIONS of the environment (as in CI) must not get into them.
const plain = { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '' } };
execFileSync(process.execPath, ['scripts/code-caches.mjs'], plain);
execFileSync(process.execPath, ['--snapshot-blob', 'dist/gradplot.blob', '--build-snapshot', 'dist/snapshot/gradplot.cjs'], plain);
writeFileSync('dist/gradplot.blob.node', `${process.execPath}\n`);
