/** A legend as far as its height goes: a colour gradient, or a list of `entries` symbols. */
export interface LegendSize {
  kind: 'gradient' | 'symbol';
  entries: number;
}

/** Vega's defaults and what a legend adds around them, in pixels. */
const GRADIENT_PX = 200;
const MIN_GRADIENT_PX = 60;
const TITLE_PX = 22;
const ROW_PX = 16;
const GAP_PX = 14;
/** How far legends may reach below the plot area: the x axis's labels and title are there. */
const BELOW_PX = 36;
/** Width of one entry of a legend laid out in rows under the plot. */
const ENTRY_PX = 90;

/**
 * Where the legends go, as Vega-Lite's `config.legend`: in one column beside
 * the plot, their gradients shortened (down to MIN_GRADIENT_PX) and long lists
 * split into two columns so the column ends near the plot's bottom; when even
 * that is too tall, in rows under the plot. Never a blank band under a short plot.
 */
export function legendLayout(legends: LegendSize[], { width, height }: { width: number; height: number }): Record<string, unknown> {
  if (legends.length === 0) return {};
  const room = height + BELOW_PX;
  const gradients = legends.filter((l) => l.kind === 'gradient').length;
  const stacked = (columns: number) => legends.reduce((h, l) => h + TITLE_PX + GAP_PX + (l.kind === 'symbol' ? Math.ceil(l.entries / columns) * ROW_PX : 0), 0);
  for (const columns of [1, 2]) {
    const gradientLength = gradients ? Math.min(GRADIENT_PX, Math.floor((room - stacked(columns)) / gradients)) : GRADIENT_PX;
    if (gradientLength >= MIN_GRADIENT_PX) return { gradientLength, ...(columns > 1 ? { columns } : {}) };
  }
  return { orient: 'bottom', direction: 'horizontal', gradientLength: Math.max(MIN_GRADIENT_PX, Math.min(GRADIENT_PX, Math.floor(width / 3))), columns: Math.max(1, Math.floor(width / ENTRY_PX)) };
}

/** Ticks on an axis `px` long: one per 80 px across, 50 px up, at least 2; Vega rounds to nice values. */
export function tickCount(px: number, axis: 'x' | 'y'): number {
  return Math.max(2, Math.round(px / (axis === 'x' ? 80 : 50)));
}

type Encoded = { field?: string; legend?: { type?: string; values?: unknown[] } | null; scale?: { domain?: unknown[] } };

/**
 * The legends the layers will get: one per field encoded with a legend (Vega-Lite
 * merges layers' legends of one field), symbols for shapes and `type: 'symbol'`.
 */
export function legendsOf(layers: { encoding?: Record<string, Encoded> }[]): LegendSize[] {
  const out: LegendSize[] = [];
  const seen = new Set<string>();
  for (const layer of layers) {
    for (const [channel, e] of Object.entries(layer.encoding ?? {})) {
      if (!['color', 'fill', 'stroke', 'shape'].includes(channel) || !e?.field || e.legend === null || seen.has(e.field)) continue;
      seen.add(e.field);
      const symbol = channel === 'shape' || e.legend?.type === 'symbol';
      out.push({ kind: symbol ? 'symbol' : 'gradient', entries: symbol ? (e.legend?.values ?? e.scale?.domain ?? []).length : 0 });
    }
  }
  return out;
}
