// Builds what the package runs:
//   dist/            the library, compiled by tsc (with .d.ts), imported as 'gradplot'
//   dist/cli/        the command line, bundled by esbuild so a run loads a few files instead of
//                    hundreds of modules; what only some runs need (Vega, the expression parser,
//                    the HTML page, batch) sits in chunks loaded on first use
//   dist/assets/     the browser tooltip script that .html charts inline (vega-tooltip is ESM only)
// dist/cli/ sits at the same depth as dist/render/, so paths relative to import.meta.url
// (fonts/, dist/assets/) resolve the same way from both.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
await build({
  entryPoints: { gradplot: 'src/bin.ts', worker: 'src/batch/worker.ts', 'field-worker': 'src/parallel/field-worker.ts' },
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  // canvas is a native addon; mathjs is loaded from its own single-file build on demand.
  external: ['canvas', 'mathjs'],
  // Bundled CommonJS dependencies (commander) call require() for Node's built-ins.
  banner: { js: "import { createRequire as __gradplotRequire } from 'node:module'; const require = __gradplotRequire(import.meta.url);" },
  logLevel: 'warning',
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
