// Builds what the package runs, the same files on every machine:
//   dist/            the library, compiled by tsc (with .d.ts), imported as 'gradplot'
//   dist/cli/        the command line, bundled by esbuild into one CommonJS bundle (main.cjs) that
//                    gradplot.js runs with V8's code cache, made on the user's machine (as dist/bundles/);
//                    and the entry points of its worker threads, as ES modules
//   dist/bundles/    Vega with Vega-Lite, and mathjs, each in one CommonJS bundle that runs with V8's
//                    code cache, made on the user's machine (src/startup/code-cache.ts)
//   dist/assets/     the browser tooltip script that .html charts inline (vega-tooltip is ESM only), and
//                    the explorer page's script, gzipped (src/explorer/ with the CLI's modules, Vega and mathjs)
// dist/cli/ sits at the same depth as dist/render/, so paths relative to import.meta.url
// (fonts/, dist/assets/, dist/bundles/) resolve the same way from both.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
// What every bundle shares: minified for Node.js 20. canvas is a native addon.
const forNode = { bundle: true, platform: 'node', target: 'node20', minify: true, external: ['canvas'], logLevel: 'warning' };

// The CLI reaches Vega and mathjs only through their bundles: without one it would import the library's
// own src/startup/vega.js (dist/startup/vega.js, beside dist/cli/) or mathjs's package, not a copy.
const libraryOnly = {
  name: 'library-only',
  setup(b) {
    b.onResolve({ filter: /^\.\/vega\.js$/ }, (args) => (args.importer.endsWith('load.ts') ? { path: '../startup/vega.js', external: true } : undefined));
  },
};
// commander loads node:child_process as it starts; the command line gets it on first use (never, in practice).
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (args.importer.includes('node_modules/commander/') ? { path: join(process.cwd(), 'src/startup/lazy-child-process.cjs') } : undefined));
  },
};
// Each CommonJS bundle is one function, run by src/startup/code-cache.ts with V8's code cache; it gets its
// own URL for import.meta.url.
const asFunction = {
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: '(function (require, module, exports, __bundleUrl) {' },
  footer: { js: '})' },
};
// The command line, as such a bundle (dist/cli/main.cjs), started by dist/cli/gradplot.cjs.
await build({ ...forNode, ...asFunction, external: [...forNode.external, 'mathjs'], entryPoints: { main: 'src/bin.ts' }, outdir: 'dist/cli', plugins: [libraryOnly, lazyChildProcess] });
// What starts it: CommonJS, so that a command that imports no ES module never loads Node's ES module loader.
await build({
  ...forNode,
  entryPoints: { gradplot: 'src/startup/run-cli.ts' },
  outdir: 'dist/cli',
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  define: { 'import.meta.url': '__entryUrl' },
  banner: { js: "const __entryUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// The entry points of worker threads.
await build({
  ...forNode,
  external: [...forNode.external, 'mathjs'],
  entryPoints: { worker: 'src/batch/worker.ts', 'field-worker': 'src/parallel/field-worker.ts', 'data-worker': 'src/output/data-worker.ts' },
  outdir: 'dist/cli',
  splitting: true,
  format: 'esm',
  plugins: [libraryOnly],
  // Bundled CommonJS dependencies call require() for Node's built-ins.
  banner: { js: "import { createRequire as __gradplotRequire } from 'node:module'; const require = __gradplotRequire(import.meta.url);" },
});
// Vega with Vega-Lite (with our vega-canvas), and mathjs.
await build({
  ...forNode,
  ...asFunction,
  alias: { 'vega-canvas': './src/startup/vega-canvas.cjs' },
  entryPoints: { vega: 'src/startup/vega.ts', mathjs: 'mathjs/lib/browser/math.js' },
  outdir: 'dist/bundles',
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
// The explorer page's script: the command line's own modules for the browser. A module with a sibling
// <name>.browser.ts (mathjs loading, the threads of sampling) is swapped for it.
const browserTwins = {
  name: 'browser-twins',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/.*\.js$/ }, ({ path, resolveDir }) => {
      const twin = join(resolveDir, path.replace(/\.js$/, '.browser.ts'));
      return existsSync(twin) ? { path: twin } : undefined;
    });
  },
};
await build({
  entryPoints: ['src/explorer/app.ts'],
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  outfile: 'dist/assets/explorer.js',
  plugins: [browserTwins],
  logLevel: 'warning',
});
// Only `explore` reads the page's script (Vega, Vega-Lite and mathjs for the browser, over a third of the
// package): it ships compressed.
writeFileSync('dist/assets/explorer.js.gz', gzipSync(readFileSync('dist/assets/explorer.js'), { level: 9 }));
rmSync('dist/assets/explorer.js');
