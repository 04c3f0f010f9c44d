import type { Format } from './chart-kinds.js';
import { optionsText } from './options-text.js';
import { csvText, jsonText, pathRecord, streamlineRows } from './output/data.js';
import { threadedChunks } from './output/threaded-data.js';
import type { Chunks } from './output/write.js';
import type { Plot } from './plot.js';
import { render } from './render/render.js';

/** The bytes of one output format of a plot, as chunks to write. */
export async function produce(plot: Plot, format: Format): Promise<Chunks> {
  if (format === 'csv') return threadedChunks(plot.field, csvText());
  if (format === 'explorer') {
    const { explorerPage, startingOptions } = await import('./render/explorer.js');
    return [explorerPage(optionsText(startingOptions(plot.request)))];
  }
  if (format === 'json') {
    const { out: _out, format: _format, ...request } = plot.request;
    const fn = { name: plot.function.name, formula: plot.function.formula };
    const extra = {
      ...(plot.check ? { check: plot.check } : {}),
      ...(plot.critical ? { critical: plot.critical } : {}),
      ...(plot.paths ? { paths: plot.paths.map(pathRecord) } : {}),
      ...(plot.quiver?.streamlines ? { streamlines: streamlineRows(plot.quiver.streamlines) } : {}),
    };
    return threadedChunks(plot.field, jsonText({ request, function: fn, ...extra }));
  }
  if (!plot.quiver) throw new Error('produce: this plot was made without its chart');
  return [await render(plot.quiver.spec, format, { scale: plot.request.scale, dpi: plot.request.dpi })];
}
