import type { Canvas } from 'canvas';
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../errors.js';
import { LIMITS } from '../util/limits.js';
import { load } from '../startup/load.js';
import { mark } from '../util/timings.js';
import { randomHex } from '../util/random-hex.js';
import { canvasAddon } from './canvas-addon.js';
import { refusingLoader } from './refusing-loader.js';
import { reusedExpressions } from './reused-expressions.js';
import { compileByShape } from './shape-compile.js';
import { isOpaqueColor, releaseSurface, takeSurface } from './surfaces.js';
import { measureWithFontMetrics } from './text-width.js';
import { compileChart } from './vega-twin.js';
import { CHART_FORMATS, type ChartFormat } from '../chart-kinds.js';
import { grouped } from '../util/format-number.js';

export { refusingLoader };


export interface RenderOptions {
  /** Pixel ratio of PNG output. Default 2. */
  scale?: number;
  /** Resolution a PNG states (its pHYs), in dots per inch. Default 96 × scale: the chart's CSS size when printed. */
  dpi?: number;
}

/** Pixels per inch of a CSS pixel. */
const CSS_DPI = 96;

/** Charts this thread has begun to draw. */
let chartsDrawn = 0;

/** Fixed so the same chart gives the same PDF bytes on every run. */
const PDF_DATE = new Date(Date.UTC(2000, 0, 1));

/**
 * Renders a Vega-Lite spec headlessly (as `vl2png` does) to the bytes of one
 * format. Vega and canvas are imported here, on first use, so runs that only
 * export data never load them.
 */
export async function render(spec: TopLevelSpec, format: ChartFormat, options: RenderOptions = {}): Promise<Buffer> {
  if (!(CHART_FORMATS as readonly unknown[]).includes(format)) {
    throw new InputError('format', `expected one of ${CHART_FORMATS.join(', ')}, got ${JSON.stringify(format)}`, undefined, 'library');
  }
  if (format === 'vl.json') return Buffer.from(specJson(spec));
  const { vega, compile } = await load('vega');
  measureWithFontMetrics(vega);
  mark('import vega');
  if (format === 'html') {
    const { htmlPage } = await import('./html.js');
    return Buffer.from(htmlPage(compileChart(compile, spec), titleOf(spec)));
  }
  // Vega-Lite's compile and Vega's parse once per shape of chart, and expression code made once, from a
  // thread's second chart on: what that costs on the first chart only pays back on later ones.
  const first = chartsDrawn++ === 0;
  const runtime = first ? vega.parse(compileChart(compile, spec)) : compileByShape(spec, (s) => vega.parse(compileChart(compile, s)));
  mark('compile');
  const refused: string[] = [];
  const expr = first ? {} : { expr: reusedExpressions(vega) };
  const view = new vega.View(runtime as import('vega').Runtime, { renderer: 'none', loader: refusingLoader(), logger: watchLoads(refused), ...expr } as import('vega').ViewOptions);
  try {
    return await pictureOf(view, format, options);
  } finally {
    view.finalize();
    // Vega draws an empty chart when data fails to load; a chart that asked for a file or URL is an error.
    if (refused.length) throw new Error(`the chart asks for data from ${refused[0]}, and gradplot reads no files or URLs`);
  }
}

/** The view's picture in one format. */
async function pictureOf(view: import('vega').View, format: 'png' | 'svg' | 'pdf', options: RenderOptions): Promise<Buffer> {
  if (format === 'svg') {
    const { vega } = await load('vega');
    return oneAtATime(async () => {
      vega.resetSVGDefIds();
      return Buffer.from(await view.toSVG());
    });
  }
  // Only pixels and PDF need the canvas addon: an SVG is text, laid out with the fonts' metrics.
  canvasAddon();
  if (format === 'pdf') {
    // 'glyph' embeds the font and writes text as text (selectable); node-canvas's default draws it as paths.
    const canvas = (await view.toCanvas(1, { type: 'pdf', context: { textDrawingMode: 'glyph' } })) as unknown as PdfCanvas;
    return canvas.toBuffer('application/pdf', { creationDate: PDF_DATE, modDate: PDF_DATE });
  }
  const scale = options.scale ?? 2;
  const surface = await drawOnSurface(view, scale);
  mark('draw');
  // No row filters and zlib level 3, chosen with bench/png-encoder.mjs. Encoded on libuv's thread pool,
  // so a batch thread draws its next chart meanwhile; the surface is reused only once it is encoded.
  const resolution = Math.round(options.dpi ?? CSS_DPI * scale);
  const config = { compressionLevel: 3 as const, filters: canvasAddon().Canvas.PNG_FILTER_NONE, resolution };
  return new Promise((resolve, reject) =>
    surface.toBuffer(
      (error, png) => {
        releaseSurface(surface);
        if (error) reject(error);
        else resolve(png);
      },
      'image/png',
      config,
    ),
  );
}

/**
 * Draws the view at pixel ratio `scale` on a surface of its size (see
 * surfaces.ts), set up as Vega's headless renderer sets up a canvas of its own.
 */
async function drawOnSurface(view: import('vega').View, scale: number): Promise<Canvas> {
  await view.runAsync();
  // What vega-view's width() and height() read to size a headless canvas; not public API.
  const { _viewWidth, _viewHeight } = view as unknown as { _viewWidth: number; _viewHeight: number };
  const padding = view.padding() as { left: number; right: number; top: number; bottom: number };
  const width = Math.max(0, _viewWidth + padding.left + padding.right) * scale;
  const height = Math.max(0, _viewHeight + padding.top + padding.bottom) * scale;
  if (Math.max(width, height) > LIMITS.pixelsPerSide.max) {
    const { max, what } = LIMITS.pixelsPerSide;
    throw new Error(`the chart is larger than the renderer draws (${grouped(max)} ${what}); use a smaller --width, --height or --scale`);
  }
  // A fractional size (or none, should those fields change) is Vega's to handle: let it make that canvas itself.
  if (!Number.isInteger(width) || !Number.isInteger(height)) return (await view.toCanvas(scale)) as unknown as Canvas;
  // Vega fills the background over the whole surface: under an opaque one, the surface needs no alpha channel.
  const background = view.background() as unknown;
  const surface = takeSurface(width, height, typeof background === 'string' && isOpaqueColor(background));
  const context = surface.getContext('2d') as unknown as { pixelRatio: number };
  context.pixelRatio = scale;
  await view.toCanvas(scale, { externalContext: context });
  return surface;
}

let svgTurn: Promise<unknown> = Promise.resolve();

// SVG ids come from one counter per thread, reset before each chart: SVGs are drawn one at a time so
// the same chart gets the same ids (and bytes) even when a thread renders several charts at once.
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const turn = svgTurn.then(work, work);
  svgTurn = turn.catch(() => undefined);
  return turn;
}

/** A Vega logger that keeps quiet but notes every data source that failed to load. */
function watchLoads(refused: string[]) {
  let level = 0;
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    warn(message: unknown, source?: unknown) {
      if (message === 'Loading failed') refused.push(String(source));
      return logger;
    },
    error(...args: unknown[]) {
      console.error(...args);
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/** The spec as indented JSON, with each datum of its inline data on one line: as readable, and about half the size. */
function specJson(spec: TopLevelSpec): string {
  const rows: string[] = [];
  // Data rows become numbered placeholders, swapped for their one-line JSON at the end; the random tag
  // keeps a text of the spec (a title) from reading as one.
  const tag = randomHex(2);
  const text = JSON.stringify(
    spec,
    (key, value) =>
      key === 'values' && Array.isArray(value)
        ? value.map((d) => (typeof d === 'object' && d !== null ? `\u0000${tag}:${rows.push(JSON.stringify(d)) - 1}` : d))
        : value,
    2,
  );
  return text.replace(new RegExp(`"\\\\u0000${tag}:(\\d+)"`, 'g'), (_, i: string) => rows[Number(i)]) + '\n';
}

function titleOf(spec: TopLevelSpec): string {
  const title = spec.title;
  const text = typeof title === 'object' && title !== null && !Array.isArray(title) ? title.text : title;
  return Array.isArray(text) ? text.join(' ') : String(text ?? 'gradplot');
}

interface PdfCanvas {
  toBuffer(mime: 'application/pdf', meta: { creationDate: Date; modDate: Date }): Buffer;
}
