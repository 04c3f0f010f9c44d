import type { TopLevelSpec } from 'vega-lite';

/** The longer side of each panel's plot area, in pixels, unless a width or height is given. */
export const PANEL_SIZE = 320;

/** Panels per row: two, as the book's 2 × 2 figure. */
const COLUMNS = 2;

/** One panel: its title and the layer only it draws. */
export interface Panel {
  title: string;
  layer: Record<string, unknown>;
}

/**
 * One chart per panel, two to a row, each drawing the shared layers (the
 * field, its background, markers) under its own layer, on the same axes.
 * Inline data of the shared layers goes once into `datasets`, which every
 * panel reads by name, so the spec does not grow with the number of panels.
 */
export function panelSpec(top: Record<string, unknown>, rows: unknown[], shared: Record<string, unknown>[], panels: Panel[]): TopLevelSpec {
  const { width, height, data: _data, layer: _layer, resolve, ...rest } = top;
  const datasets: Record<string, unknown> = { field: rows };
  const layers = shared.map((layer, i) => {
    const values = (layer.data as { values?: unknown } | undefined)?.values;
    if (!values) return layer;
    datasets[`layer${i}`] = values;
    return { ...layer, data: { name: `layer${i}` } };
  });
  const columns = Math.min(COLUMNS, panels.length);
  // The shared layers' legends (f, |∇f|, critical points) once, beside the end of the first row.
  const quiet = layers.map(withoutLegends);
  return {
    ...rest,
    // Centred over the panels, as over a single chart.
    title: { ...(rest.title as object), anchor: 'middle' },
    datasets,
    columns,
    concat: panels.map((panel, i) => ({
      title: panel.title,
      width,
      height,
      data: { name: 'field' },
      layer: [...(i === columns - 1 ? layers : quiet), panel.layer],
      // Each panel's own colour scales: one panel shows their legends, the others hide them, and shared scales would merge the two.
      resolve: { ...(resolve as object), scale: { ...(resolve as { scale?: object } | undefined)?.scale, color: 'independent' } },
    })),
  } as unknown as TopLevelSpec;
}

/** Channels that make legends. */
const LEGEND_CHANNELS = new Set(['color', 'fill', 'stroke', 'shape', 'size', 'opacity', 'fillOpacity', 'strokeOpacity', 'strokeWidth', 'strokeDash']);

// A layer (and its sub-layers) with every legend off.
function withoutLegends(layer: Record<string, unknown>): Record<string, unknown> {
  const encoding = layer.encoding as Record<string, Record<string, unknown>> | undefined;
  const sub = layer.layer as Record<string, unknown>[] | undefined;
  return {
    ...layer,
    ...(encoding ? { encoding: Object.fromEntries(Object.entries(encoding).map(([k, v]) => [k, LEGEND_CHANNELS.has(k) && v && 'field' in v ? { ...v, legend: null } : v])) } : {}),
    ...(sub ? { layer: sub.map(withoutLegends) } : {}),
  };
}
