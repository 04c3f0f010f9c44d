import type { TopLevelSpec } from 'vega-lite';
import { compile } from 'vega-lite';
import * as vega from 'vega';
import { Handler } from 'vega-tooltip';
import { refusingLoader } from '../render/refusing-loader.js';

/** The signal holding the iteration the paths are drawn up to. */
export const SHOWN = 'shown';

type Layer = Record<string, unknown> & { layer?: Layer[]; transform?: unknown[]; encoding?: Record<string, unknown>; data?: { values?: unknown[] } };

// The descent paths' layer of a quiver spec: its rows are path points, each with its optimizer and step.
function isPathLayer(layer: Layer): boolean {
  const first = layer.data?.values?.[0] as Record<string, unknown> | undefined;
  return Array.isArray(layer.layer) && first !== undefined && 'step' in first && 'optimizer' in first;
}

/**
 * The chart with its paths drawn up to iteration `shown` (the signal SHOWN,
 * which the page moves without compiling the chart again) and a ball where
 * each path is at that iteration. A chart without paths is returned as it is.
 */
export function animated(spec: TopLevelSpec, shown: number): TopLevelSpec {
  const layers = (spec as { layer?: Layer[] }).layer;
  if (!layers?.some(isPathLayer)) return spec;
  const halo = (spec as { background?: string }).background ?? 'white';
  const layer = layers.map((l) => {
    if (!isPathLayer(l)) return l;
    // The lines' own place and colour.
    const { x, y, stroke } = l.layer![0].encoding ?? {};
    const ball = {
      transform: [{ filter: `datum.step === ${SHOWN}` }],
      mark: { type: 'point', shape: 'circle', filled: true, opacity: 1, size: 180, stroke: halo, strokeWidth: 1.5 },
      encoding: { x, y, fill: stroke },
    };
    return { ...l, transform: [{ filter: `datum.step <= ${SHOWN}` }, ...(l.transform ?? [])], layer: [...l.layer!, ball] };
  });
  return { ...spec, params: [{ name: SHOWN, value: shown }], layer } as unknown as TopLevelSpec;
}

const tooltip = new Handler();

/** Draws a Vega-Lite spec as SVG into `container` (replacing what was there once it is drawn), reading no file or URL. */
export async function drawChart(container: HTMLElement, spec: TopLevelSpec): Promise<vega.View> {
  const target = document.createElement('div');
  const view = new vega.View(vega.parse(compile(spec).spec), {
    renderer: 'svg',
    container: target,
    hover: true,
    tooltip: tooltip.call,
    loader: refusingLoader() as unknown as vega.Loader,
  });
  await view.runAsync();
  container.replaceChildren(target);
  return view;
}

/** The data point under a mouse event on the chart, or undefined outside the plot area. */
export function dataPoint(view: vega.View, container: HTMLElement, event: MouseEvent): [number, number] | undefined {
  const box = container.querySelector('svg')?.getBoundingClientRect();
  if (!box) return undefined;
  const [ox, oy] = view.origin();
  const [px, py] = [event.clientX - box.left - ox, event.clientY - box.top - oy];
  if (px < 0 || py < 0 || px > view.width() || py > view.height()) return undefined;
  return [view.scale('x').invert(px) as number, view.scale('y').invert(py) as number];
}
