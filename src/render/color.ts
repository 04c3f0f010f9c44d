import { MAGNITUDE, type LengthMode, type Theme } from '../chart-kinds.js';


/** How the arrows are coloured: mark properties, and what the shafts and the heads (and dots) add to their layers. */
export interface ArrowPaint {
  /** One colour for every arrow, or nothing when the colour is encoded. */
  mark: { color?: string };
  shaft: { transform: Record<string, unknown>[]; encoding: Record<string, unknown> };
  head: Record<string, unknown>;
}

/** |∇f| this close to the largest, relative to it, counts as the same: a plane's field is one colour. */
const SAME = 1e-6;

/**
 * One CSS colour for every arrow, or `magnitude`: |∇f| on viridis over
 * [0, maxMag] with a legend titled |∇f|. The colour scale follows the length
 * mode (√ for sqrt, symlog for log, whose ln(1 + m) it equals), so colour and
 * length tell the same story. Only the part of viridis with 3:1 contrast
 * against the theme's ground is used; a field whose |∇f| is the same
 * everywhere (from `minMag` to `maxMag`) is drawn in `single`, with no legend.
 */
export function arrowPaint(color: string, length: LengthMode, theme: Theme, { minMag, maxMag, single }: { minMag: number; maxMag: number; single: string }): ArrowPaint {
  if (color === MAGNITUDE && maxMag - minMag <= SAME * maxMag) color = single;
  if (color !== MAGNITUDE) return { mark: { color }, shaft: { transform: [], encoding: {} }, head: {} };
  const type = length === 'sqrt' ? 'sqrt' : length === 'log' ? 'symlog' : 'linear';
  // Viridis's yellows vanish on white and its purples on the dark ground.
  const scheme = { name: 'viridis', extent: theme === 'dark' ? [0.42, 1] : [0, 0.58] };
  // An all-zero field still needs a scale that is not a single point.
  const scale = { type, scheme, domain: [0, maxMag || 1] };
  return {
    mark: {},
    // Heads use `fill` and shafts `stroke` (not `color`, which the background uses) on the same scale. A legend fed by a
    // stroke and a fill shows symbols, not a gradient, and Vega-Lite merges legends by field: so the shafts read a copy.
    shaft: {
      transform: [{ calculate: 'datum.mag', as: 'shaftMag' }],
      encoding: { stroke: { field: 'shaftMag', type: 'quantitative', scale, legend: null } },
    },
    head: { fill: { field: 'mag', type: 'quantitative', scale, title: '|∇f|', legend: { format: '.3~r', ...(type === 'symlog' && maxMag >= 10 ? { values: decades(maxMag) } : {}) } } },
  };
}

// 0 and the largest powers of ten up to `max` ≥ 10 (at most five): ticks a symlog legend can fit without overlap.
function decades(max: number): number[] {
  const top = Math.floor(Math.log10(max));
  const first = Math.max(0, top - 4);
  return [0, ...Array.from({ length: top - first + 1 }, (_, i) => 10 ** (first + i))];
}
