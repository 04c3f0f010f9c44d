#!/usr/bin/env node
// Benchmark (not a test): node-canvas's PNG encoder settings on gradplot's default chart and a
// busy one (magnitude colours on a heatmap), drawn on a surface with an alpha channel (RGBA) and on
// one without (RGB, as gradplot draws a chart with an opaque background): encoding time (median of
// interleaved runs) and size. The chosen setting is in src/render/render.ts, the surfaces in
// src/render/surfaces.ts.
//
//   npm run build && node bench/png-encoder.mjs [runs]
import { join } from 'node:path';
import { median, ROOT } from './measure.mjs';

const RUNS = Number(process.argv[2] ?? 9);
const { computePlot } = await import(join(ROOT, 'dist', 'plot.js'));
const { resolveRequest } = await import(join(ROOT, 'dist', 'request.js'));
const { load } = await import(join(ROOT, 'dist', 'startup', 'load.js'));
const { canvasAddon } = await import(join(ROOT, 'dist', 'render', 'canvas-addon.js'));
const { vega, compile } = await load('vega');
const { Canvas } = canvasAddon();

const settings = [];
for (const pixels of ['RGBA', 'RGB']) for (const filters of ['NONE', 'ALL']) for (const level of [1, 2, 3, 6]) settings.push({ name: `${pixels}, level ${level}, filters ${filters}`, pixels, config: { compressionLevel: level, filters: Canvas[`PNG_FILTER_${filters}`] } });
const encode = (canvas, config) => new Promise((resolve, reject) => canvas.toBuffer((e, png) => (e ? reject(e) : resolve(png)), 'image/png', config));

for (const [chart, options] of [['default xy', { fn: 'xy' }], ['himmelblau, magnitude on heatmap', { fn: 'himmelblau', color: 'magnitude', background: 'heatmap' }]]) {
  const { quiver } = await computePlot(resolveRequest({ ...options, format: 'png' }));
  const view = new vega.View(vega.parse(compile(quiver.spec).spec), { renderer: 'none' });
  const canvas = await view.toCanvas(2);
  const rgb = new Canvas(canvas.width, canvas.height);
  const context = rgb.getContext('2d', { pixelFormat: 'RGB24' });
  context.pixelRatio = 2;
  await view.toCanvas(2, { externalContext: context });
  const surfaces = { RGBA: canvas, RGB: rgb };
  const times = settings.map(() => []);
  const sizes = [];
  for (let r = 0; r < RUNS; r++) {
    for (const [i, { pixels, config }] of settings.entries()) {
      const t = performance.now();
      const png = await encode(surfaces[pixels], config);
      times[i].push(performance.now() - t);
      sizes[i] = png.length;
    }
  }
  console.log(`${chart} (${canvas.width}×${canvas.height})`);
  for (const [i, { name }] of settings.entries()) console.log(`  ${name.padEnd(28)} ${median(times[i]).toFixed(1).padStart(6)} ms  ${(sizes[i] / 1024).toFixed(0).padStart(5)} KiB`);
  view.finalize();
}
