import type { DescentPath } from '../core/descent.js';
import { describeOptimizer } from '../core/optimizers.js';

/** Path colours, by optimizer in the order given: red first, as the book draws its paths. */
const PATH_COLORS = ['#d62728', '#1f77b4', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#bcbd22', '#7f7f7f'];

/** One point of a path, as the chart's data. */
interface PathPoint {
  /** The path's number, from 1, as the CSV's `path`. */
  path: number;
  /** Its optimizer, as the legend names it: `Adam lr 0.3`. */
  optimizer: string;
  step: number;
  x0: number;
  x1: number;
  f: number | null;
  mag: number | null;
  /** `start`, `end`, or null between. */
  role: 'start' | 'end' | null;
}

/** The legend's names of the paths' optimizers, each once, in the order given. */
export function pathLabels(paths: readonly DescentPath[]): string[] {
  return [...new Set(paths.map((p) => describeOptimizer(p.optimizer)))];
}

function rows(paths: readonly DescentPath[], numbers: readonly number[]): PathPoint[] {
  const finite = (v: number) => (Number.isFinite(v) ? v : null);
  return paths.flatMap((p, i) =>
    Array.from({ length: p.count }, (_, k) => ({
      path: numbers[i],
      optimizer: describeOptimizer(p.optimizer),
      step: k,
      x0: p.points[2 * k],
      x1: p.points[2 * k + 1],
      f: finite(p.f[k]),
      mag: finite(Math.hypot(p.gradient[2 * k], p.gradient[2 * k + 1])),
      role: k === 0 ? 'start' : k === p.count - 1 ? 'end' : null,
    })),
  );
}

export interface PathLayerOptions {
  /** Every optimizer's label, so each keeps its colour in every panel. */
  labels: string[];
  /** Numbers of `paths` (from 1), as in the CSV. */
  numbers: number[];
  x: (field: string) => Record<string, unknown>;
  y: (field: string) => Record<string, unknown>;
  /** Outline around the start and end markers. */
  halo: string;
  tooltip: boolean;
  /** Legends for colour and markers; off in panels, whose titles name the optimizer. */
  legend: boolean;
}

/**
 * Descent paths over the field: each a line through its points with a dot at
 * each, coloured by optimizer (a legend with its name and lr), the start a
 * square and the end a diamond. Tooltips give step, x0, x1, f and |∇f|.
 */
export function pathLayer(paths: readonly DescentPath[], { labels, numbers, x, y, halo, tooltip, legend }: PathLayerOptions): Record<string, unknown> {
  const range = labels.map((_, i) => PATH_COLORS[i % PATH_COLORS.length]);
  const color = { field: 'optimizer', type: 'nominal', title: 'descent', scale: { domain: labels, range }, legend: legend ? { symbolSize: 60, symbolStrokeWidth: 2.5 } : null };
  const tip = tooltip
    ? {
        tooltip: [
          { field: 'optimizer', type: 'nominal' },
          { field: 'step', type: 'quantitative' },
          { field: 'x0', type: 'quantitative', format: '.6~g' },
          { field: 'x1', type: 'quantitative', format: '.6~g' },
          { field: 'f', type: 'quantitative', format: '.6~g' },
          { field: 'mag', type: 'quantitative', title: '|∇f|', format: '.6~g' },
        ],
      }
    : {};
  const at = { x: x('x0'), y: y('x1') };
  return {
    data: { values: rows(paths, numbers) },
    layer: [
      { mark: { type: 'line', strokeWidth: 1.8, opacity: 0.9 }, encoding: { ...at, detail: { field: 'path', type: 'nominal' }, order: { field: 'step', type: 'quantitative' }, color } },
      { mark: { type: 'point', shape: 'circle', filled: true, opacity: 1, size: 24 }, encoding: { ...at, color, ...tip } },
      {
        transform: [{ filter: 'datum.role !== null' }],
        mark: { type: 'point', filled: true, opacity: 1, size: 110, stroke: halo, strokeWidth: 1.2 },
        encoding: {
          ...at,
          color,
          shape: { field: 'role', type: 'nominal', title: 'path', scale: { domain: ['start', 'end'], range: ['square', 'diamond'] }, legend: legend ? {} : null },
          ...tip,
        },
      },
    ],
  };
}
