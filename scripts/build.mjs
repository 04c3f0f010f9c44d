// Builds what the package runs: dist/ from TypeScript (tsc) and the browser
// tooltip script that .html charts inline (vega-tooltip is published as ESM only).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';

execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
await build({
  entryPoints: ['vega-tooltip'],
  bundle: true,
  minify: true,
  format: 'iife',
  globalName: 'vegaTooltip',
  outfile: 'dist/assets/vega-tooltip.min.js',
  logLevel: 'warning',
});
