import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';
import { mark } from '../util/timings.js';
import { loadEngine } from './load-engine.js';

/** Formats the renderer makes from a Vega-Lite spec. */
export type ChartFormat = 'png' | 'svg' | 'pdf' | 'vl.json' | 'html';

export interface RenderOptions {
  /** Pixel ratio of PNG output. Default 2. */
  scale?: number;
}

/** Fixed so the same chart gives the same PDF bytes on every run. */
const PDF_DATE = new Date(Date.UTC(2000, 0, 1));

/**
 * Renders a Vega-Lite spec headlessly (as `vl2png` does) to the bytes of one
 * format. Vega and canvas are imported here, on first use, so runs that only
 * export data never load them.
 */
export async function render(spec: TopLevelSpec, format: ChartFormat, options: RenderOptions = {}): Promise<Buffer> {
  if (format === 'vl.json') return Buffer.from(specJson(spec));
  const { vega, compile } = await loadEngine();
  mark('import vega');
  const compiled = compile(spec).spec;
  mark('compile');
  if (format === 'html') {
    const { htmlPage } = await import('./html.js');
    return Buffer.from(htmlPage(compiled, titleOf(spec)));
  }
  registerFonts();
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: refusingLoader() });
  try {
    if (format === 'svg') {
      vega.resetSVGDefIds();
      return Buffer.from(await view.toSVG());
    }
    if (format === 'pdf') {
      const canvas = (await view.toCanvas(1, { type: 'pdf' })) as unknown as PdfCanvas;
      return canvas.toBuffer('application/pdf', { creationDate: PDF_DATE, modDate: PDF_DATE });
    }
    const canvas = (await view.toCanvas(options.scale ?? 2)) as unknown as PngCanvas;
    mark('draw');
    // No row filters and zlib level 3: for flat-colour charts, a smaller file than the defaults in a third of the time.
    return canvas.toBuffer('image/png', { compressionLevel: 3, filters: canvasModule().Canvas.PNG_FILTER_NONE });
  } finally {
    view.finalize();
  }
}

/** The spec as indented JSON, with each datum of its inline data on one line: as readable, and about half the size. */
function specJson(spec: TopLevelSpec): string {
  const rows: string[] = [];
  // Data rows become numbered placeholders, swapped for their one-line JSON at the end.
  const text = JSON.stringify(
    spec,
    (key, value) =>
      key === 'values' && Array.isArray(value)
        ? value.map((d) => (typeof d === 'object' && d !== null ? `\u0000${rows.push(JSON.stringify(d)) - 1}` : d))
        : value,
    2,
  );
  return text.replace(/"\\u0000(\d+)"/g, (_, i: string) => rows[Number(i)]) + '\n';
}

function titleOf(spec: TopLevelSpec): string {
  const title = spec.title;
  const text = typeof title === 'object' && title !== null && !Array.isArray(title) ? title.text : title;
  return Array.isArray(text) ? text.join(' ') : String(text ?? 'gradplot');
}

interface PngCanvas {
  toBuffer(mime: 'image/png', options: { compressionLevel: number; filters: number }): Buffer;
}
interface PdfCanvas {
  toBuffer(mime: 'application/pdf', meta: { creationDate: Date; modDate: Date }): Buffer;
}

/** A Vega loader that reads nothing: every chart's data is inline, so any file or URL is refused. */
export function refusingLoader() {
  const refuse = (uri: unknown) => Promise.reject(new Error(`gradplot does not let charts read files or URLs (asked for ${String(uri)})`));
  return { load: refuse, sanitize: refuse, http: refuse, file: refuse };
}

let fontsRegistered = false;

// The shipped DejaVu Sans makes text (and so layout) the same on every machine.
function canvasModule(): typeof import('canvas') {
  return createRequire(import.meta.url)('canvas') as typeof import('canvas');
}

function registerFonts(): void {
  if (fontsRegistered) return;
  const { registerFont } = canvasModule();
  const dir = fileURLToPath(new URL('../../fonts/', import.meta.url));
  registerFont(`${dir}DejaVuSans.ttf`, { family: 'DejaVu Sans' });
  registerFont(`${dir}DejaVuSans-Bold.ttf`, { family: 'DejaVu Sans', weight: 'bold' });
  fontsRegistered = true;
}
