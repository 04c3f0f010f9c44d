import type { TopLevelSpec } from 'vega-lite';
import type { Field } from '../core/field.js';
import type { Range } from '../functions/types.js';
import { drawHeads, layoutArrows, type Arrow } from './arrows.js';

/** What the chart needs besides the field. */
export interface ChartOptions {
  /** The chart's title, e.g. the formula. */
  title: string;
  /** A first word for the subtitle, e.g. the built-in's name. */
  subtitle?: string;
  /** Grid ranges and spacing, in data units. */
  xrange: Range;
  yrange: Range;
  step: number;
  /** Draw +∇f instead of −∇f. Default false. */
  ascent?: boolean;
  /** Length of the longer side of the plot area, in pixels. Default 480. */
  size?: number;
}

/** The book's arrow colour. */
export const ARROW_COLOR = '#666666';
export const FONT = 'DejaVu Sans';
const DEFAULT_SIZE = 480;
const TOOLTIP = [
  { field: 'x0', type: 'quantitative', format: '.4~g' },
  { field: 'x1', type: 'quantitative', format: '.4~g' },
  { field: 'f', type: 'quantitative', format: '.6~g' },
  { field: 'g0', type: 'quantitative', title: '∂f/∂x0', format: '.6~g' },
  { field: 'g1', type: 'quantitative', title: '∂f/∂x1', format: '.6~g' },
  { field: 'mag', type: 'quantitative', title: '|∇f|', format: '.6~g' },
];
// A triangle with its apex at the origin, so the symbol sits on the arrow's tip; Vega scales ±1 to ±√size/2 px.
const HEAD_PATH = 'M0,0L-0.5,1L0.5,1Z';

/** The chart, its arrows and how many points were left out for not being finite. */
export interface Quiver {
  spec: TopLevelSpec;
  arrows: Arrow[];
  skipped: number;
}

/**
 * A Vega-Lite quiver chart of the field: one arrow (a rule for the shaft, a
 * rotated triangle for the head) per grid point. Both axes share one pixel
 * scale so angles on screen are the true angles, and the domain covers every
 * arrow so none is clipped.
 */
export function quiverSpec(field: Field, options: ChartOptions): Quiver {
  const { xrange, yrange, step, ascent = false, size = DEFAULT_SIZE } = options;
  const { arrows, skipped } = layoutArrows(field, { step, ascent });
  const pad = 0.15 * step;
  const xdomain = extent(arrows, 'ax', 'tx', xrange, pad);
  const ydomain = extent(arrows, 'ay', 'ty', yrange, pad);
  const pixelsPerUnit = size / Math.max(xdomain[1] - xdomain[0], ydomain[1] - ydomain[0]);
  drawHeads(arrows, pixelsPerUnit);
  const width = Math.round((xdomain[1] - xdomain[0]) * pixelsPerUnit);
  const height = Math.round((ydomain[1] - ydomain[0]) * pixelsPerUnit);
  const x = (field: string) => ({ field, type: 'quantitative' as const, scale: { domain: xdomain, nice: false, zero: false }, title: 'x0' });
  const y = (field: string) => ({ field, type: 'quantitative' as const, scale: { domain: ydomain, nice: false, zero: false }, title: 'x1' });
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: options.title,
      subtitle: [options.subtitle, ascent ? 'arrows: +∇f (ascent)' : 'arrows: −∇f (descent)'].filter(Boolean).join(' · '),
    },
    width,
    height,
    background: 'white',
    // aria off: a description per arrow would bury the chart in hundreds of labels.
    config: { aria: false, font: FONT, axis: { gridColor: '#e4e4e4', labelFontSize: 11, titleFontSize: 12 }, title: { fontSize: 15 } },
    data: { values: arrows },
    layer: [
      {
        transform: [{ filter: '!datum.dot' }],
        mark: { type: 'rule', color: ARROW_COLOR, strokeWidth: 1.4 },
        encoding: { x: x('ax'), y: y('ay'), x2: { field: 'bx' }, y2: { field: 'by' }, tooltip: TOOLTIP },
      },
      {
        transform: [{ filter: '!datum.dot' }],
        mark: { type: 'point', shape: HEAD_PATH, filled: true, opacity: 1, color: ARROW_COLOR, strokeWidth: 0 },
        encoding: {
          x: x('tx'),
          y: y('ty'),
          angle: { field: 'angle', type: 'quantitative', scale: null },
          size: { field: 'size', type: 'quantitative', scale: null },
          tooltip: TOOLTIP,
        },
      },
      {
        transform: [{ filter: 'datum.dot' }],
        mark: { type: 'point', shape: 'circle', filled: true, opacity: 1, color: ARROW_COLOR, size: 6, strokeWidth: 0 },
        encoding: { x: x('ax'), y: y('ay'), tooltip: TOOLTIP },
      },
    ],
  } as TopLevelSpec;
  return { spec, arrows, skipped };
}

// The smallest [min, max] holding the grid range and both ends of every arrow, widened by `pad`.
function extent(arrows: Arrow[], a: 'ax' | 'ay', b: 'tx' | 'ty', range: Range, pad: number): [number, number] {
  let [lo, hi] = range;
  for (const arrow of arrows) {
    lo = Math.min(lo, arrow[a], arrow[b]);
    hi = Math.max(hi, arrow[a], arrow[b]);
  }
  return [lo - pad, hi + pad];
}
