/**
 * The entry of gradplot's start-up snapshot. scripts/build.mjs bundles this
 * file and runs it with `node --build-snapshot`: Vega, Vega-Lite and the CLI
 * are loaded, and the chart compiler has run on sample charts, when V8 saves
 * its heap. bin/gradplot starts Node.js from that heap, so a run skips loading
 * and compiling about a megabyte of JavaScript.
 *
 * What runs here at build time must not keep anything of the machine or the
 * run: the arguments, environment, paths and canvas are all read after start.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startupSnapshot } from 'node:v8';
import { main } from './cli.js';
import { plot } from './plot.js';
import * as engine from './render/engine.js';
import { useLoadedEngine } from './render/load-engine.js';
import { resolveRequest, type RequestOptions } from './request.js';

/**
 * Where the bundle stands in for `import.meta.url` and `require` (see
 * scripts/build.mjs): both are only known once the snapshot has started.
 */
declare const __gradplot: { url: string; require: NodeJS.Require };

useLoadedEngine(engine);
// Sample charts, so V8 has compiled what a run uses when Node.js saves the heap (once the event loop
// is empty). They are drawn on canvases that do nothing (src/render/vega-canvas.cjs), with text widths
// estimated: nothing measured or drawn here is kept.
void (async () => {
  const { vega, compile } = engine;
  // Exported by vega-scenegraph, not in vega's type declarations.
  const { textMetrics } = vega as unknown as { textMetrics: { canvas(use: boolean): void } };
  const charts: RequestOptions[] = [
    { fn: 'xy', format: 'png' },
    { fn: 'himmelblau', format: 'png', color: 'magnitude', background: 'contour', critical: true, key: true },
  ];
  textMetrics.canvas(false);
  try {
    for (const options of charts) {
      const { quiver } = await plot(resolveRequest(options));
      const view = new vega.View(vega.parse(compile(quiver!.spec).spec), { renderer: 'none' });
      await view.toCanvas(2);
      await view.toSVG();
      view.finalize();
    }
  } finally {
    textMetrics.canvas(true);
  }
})();

startupSnapshot.setDeserializeMainFunction(async () => {
  // The blob is dist/gradplot.blob; the CLI's other files (worker entry points, engine) are in dist/cli/.
  const blob = snapshotBlob();
  __gradplot.url = pathToFileURL(join(dirname(blob), 'cli', 'gradplot.js')).href;
  __gradplot.require = createRequire(__gradplot.url);
  // As with an ES module's top-level await (bin/gradplot.js): if nothing is left to do while the run
  // still waits, it failed (beforeExit comes only then, not with process.exit()).
  const unsettled = () => {
    process.stderr.write('gradplot: the run stopped before it finished\n');
    process.exit(13);
  };
  process.once('beforeExit', unsettled);
  // argv is [node, ...arguments]: no script between them.
  process.exitCode = await main([process.argv[0]!, blob, ...process.argv.slice(1)]);
  process.off('beforeExit', unsettled);
});

function snapshotBlob(): string {
  const args = process.execArgv;
  const i = args.indexOf('--snapshot-blob');
  return i >= 0 ? args[i + 1]! : args.find((a) => a.startsWith('--snapshot-blob='))!.slice('--snapshot-blob='.length);
}
