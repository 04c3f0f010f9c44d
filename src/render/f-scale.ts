import { formatNumber } from '../util/format-number.js';
import type { ColorScaleKind, Theme } from '../chart-kinds.js';


/** What the colour scale needs to know of f over the grid's ranges. */
export interface FExtent {
  min: number;
  max: number;
  /** The median of |f|: a scale whose top is 100× this spans decades. */
  typical: number;
}

/** f spans decades when its largest |f| is this many times its median |f|. */
const DECADES = 100;

/** The extent of the finite values; undefined when there is none. */
export function fExtent(values: ArrayLike<number>): FExtent | undefined {
  const finite: number[] = [];
  let [min, max] = [Infinity, -Infinity];
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (!Number.isFinite(v)) continue;
    finite.push(Math.abs(v));
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (finite.length === 0) return undefined;
  finite.sort((a, b) => a - b);
  return { min, max, typical: finite[Math.floor(finite.length / 2)] };
}

/** A scale as Vega-Lite takes it, and the legend that goes with it. */
export interface FScale {
  kind: ColorScaleKind;
  /** Colours centred on f = 0. */
  diverging: boolean;
  type: 'linear' | 'log' | 'symlog';
  domain: [number, number];
  /** symlog's linear part around 0: a power of ten at or below the median |f|. */
  constant?: number;
  /** Round values inside the domain for the legend when Vega's own ticks would not do (log, symlog). */
  ticks?: number[];
}

/**
 * The colour scale for f when none is asked for: signed f diverges around 0,
 * and f whose largest |f| is at least DECADES times its median is drawn on a
 * log scale (symlog when f reaches 0 or changes sign). Throws RangeError for
 * `log` over f that is not positive everywhere.
 */
export function fScale(extent: FExtent, asked?: ColorScaleKind): FScale {
  const { min, max, typical } = extent;
  const signed = min < 0 && max > 0;
  const top = Math.max(-min, max);
  const decades = typical > 0 ? top / typical >= DECADES : top > 0 && min <= 0 && max >= 0;
  const kind = asked ?? (decades ? (min > 0 ? 'log' : 'symlog') : signed ? 'diverging' : 'linear');
  if (kind === 'log' && !(min > 0)) {
    throw new RangeError(`log needs f > 0 everywhere on the chart, but f reaches ${formatNumber(min)}; use symlog`);
  }
  // A flat f still needs a scale that is not a single point.
  const domain: [number, number] = max > min ? [min, max] : [min - 1, max + 1];
  const diverging = kind === 'diverging' || (kind === 'symlog' && signed);
  const type = kind === 'diverging' ? 'linear' : kind;
  if (type === 'log') return { kind, diverging, type, domain, ticks: decadeTicks(domain[0], domain[1]) };
  if (type === 'symlog') {
    const constant = 10 ** Math.floor(Math.log10(typical > 0 ? typical : top || 1));
    const ticks = [
      ...decadeTicks(constant, -domain[0]).map((v) => -v).reverse(),
      ...(domain[0] <= 0 && domain[1] >= 0 ? [0] : []),
      ...decadeTicks(constant, domain[1]),
    ].filter((v) => v >= domain[0] && v <= domain[1]);
    return { kind, diverging, type, domain, constant, ticks };
  }
  return { kind, diverging, type, domain };
}

/** Every power of ten in [lo, hi]; none unless 0 < lo ≤ hi. */
export function powersOfTen(lo: number, hi: number): number[] {
  const powers: number[] = [];
  if (!(lo > 0) || !(hi >= lo)) return powers;
  for (let k = Math.ceil(Math.log10(lo) - 1e-9); k <= Math.floor(Math.log10(hi) + 1e-9); k++) powers.push(Number(`1e${k}`));
  return powers;
}

/** Powers of ten in [lo, hi] for a legend: every other one when there are more than six, keeping the largest. */
export function decadeTicks(lo: number, hi: number): number[] {
  const powers = powersOfTen(lo, hi);
  const every = powers.length > 6 ? 2 : 1;
  return powers.filter((_, i) => (powers.length - 1 - i) % every === 0);
}

/** Where the colours go: under the arrows (a heatmap), or as lines that must read on the plain ground. */
export type FUse = 'fill' | 'line';

/**
 * The Vega-Lite `scale` of f: the asked scheme, or a colour-blind-safe default
 * (viridis, or greys under arrows that viridis already colours, light on the
 * light theme and dark on the dark one; blueorange diverging). Lines default to colours that keep a contrast of 3:1 with the
 * theme's ground: magma's darker part on white, its lighter part on the dark
 * ground, and for signed f blue through grey to orange.
 */
export function colorScale(scale: FScale, { use, theme, colormap, arrowsByMagnitude = false }: { use: FUse; theme: Theme; colormap?: string; arrowsByMagnitude?: boolean }): Record<string, unknown> {
  const { type, domain, diverging, constant } = scale;
  const base = { type, domain, clamp: true, nice: false, ...(type === 'linear' ? { zero: false } : {}), ...(constant !== undefined ? { constant } : {}), ...(diverging ? { domainMid: 0 } : {}) };
  if (colormap) return { ...base, scheme: colormap };
  if (use === 'fill' && arrowsByMagnitude && !diverging) return { ...base, scheme: { name: 'greys', extent: theme === 'dark' ? [1, 0.45] : [0, 0.55] } };
  if (use === 'fill') return { ...base, scheme: diverging ? 'blueorange' : 'viridis' };
  if (diverging) {
    // A piecewise scale through 0: negative levels blue, positive orange, 0 itself grey.
    const range = theme === 'dark' ? ['#6ea8ff', '#9a9a9a', '#ffa95c'] : ['#1f5a9e', '#8c8c8c', '#b3570b'];
    const { domainMid: _, ...rest } = base as typeof base & { domainMid?: number };
    return { ...rest, domain: [domain[0], 0, domain[1]], range, interpolate: 'lab' };
  }
  return { ...base, scheme: { name: 'magma', extent: theme === 'dark' ? [0.62, 1] : [0, 0.65] } };
}
