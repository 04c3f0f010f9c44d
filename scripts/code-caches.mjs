// Makes V8's code caches of the build's bundles (dist/bundles/*.cache, see src/util/bundle.ts):
// renders sample charts and an expression through them, then saves what V8 compiled.
// scripts/build.mjs runs it after the bundles are built, with no NODE_OPTIONS.
import { writeFileSync } from 'node:fs';

const { gradientField, render } = await import('../dist/index.js');
const { bundleCodeCaches } = await import('../dist/util/bundle.js');
const samples = [{ fn: 'xy' }, { fn: 'himmelblau', color: 'magnitude', background: 'contour', critical: true, key: true }, { expr: 'sin(x0*x1)', check: true }];
for (const options of samples) {
  const { spec } = await gradientField(options);
  for (const format of ['png', 'svg', 'pdf']) await render(spec, format);
}
for (const [name, cache] of bundleCodeCaches()) writeFileSync(`dist/bundles/${name}.cache`, cache);
