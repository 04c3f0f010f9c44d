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
  /** `start`, `end`, or `step` between. */
  role: (typeof ROLES)[number];
  /** Marker area in square pixels, and the width of its outline. */
  size: number;
  halo: number;
}

const ROLES = ['step', 'start', 'end'] as const;
const MARKERS: Record<PathPoint['role'], { size: number; halo: number }> = { step: { size: 24, halo: 0 }, start: { size: 110, halo: 1.2 }, end: { size: 110, halo: 1.2 } };

/** The legend's names of the paths' optimizers, each once, in the order given. */
export function pathLabels(paths: readonly DescentPath[]): string[] {
  return [...new Set(paths.map((p) => describeOptimizer(p.optimizer)))];
}

function rows(paths: readonly DescentPath[], numbers: readonly number[]): PathPoint[] {
  const finite = (v: number) => (Number.isFinite(v) ? v : null);
  return paths.flatMap((p, i) =>
    Array.from({ length: p.count }, (_, k) => {
      const role = k === 0 ? 'start' : k === p.count - 1 ? 'end' : 'step';
      return {
        path: numbers[i],
        optimizer: describeOptimizer(p.optimizer),
        step: k,
        x0: p.points[2 * k],
        x1: p.points[2 * k + 1],
        f: finite(p.f[k]),
        mag: finite(Math.hypot(p.gradient[2 * k], p.gradient[2 * k + 1])),
        role,
        ...MARKERS[role],
      };
    }),
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
 * square and the end a diamond (named in the legend's title). Tooltips give step, x0, x1, f and |∇f|.
 */
export function pathLayer(paths: readonly DescentPath[], { labels, numbers, x, y, halo, tooltip, legend }: PathLayerOptions): Record<string, unknown> {
  const range = labels.map((_, i) => PATH_COLORS[i % PATH_COLORS.length]);
  // The markers are named in the legend's title: a second legend would cost as much to lay out as the paths to draw.
  const color = { field: 'optimizer', type: 'nominal', title: ['descent', '■ start ◆ end'], scale: { domain: labels, range }, legend: legend ? { symbolType: 'stroke', symbolStrokeWidth: 2.5 } : null };
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
  // The colour tells paths apart unless an optimizer has several (several starts): then each path is its own line.
  const shared = new Set(paths.map((p) => describeOptimizer(p.optimizer))).size < paths.length;
  // One symbol layer for the dots and the start and end markers (their size and outline per datum): fewer layers draw faster.
  return {
    data: { values: rows(paths, numbers) },
    layer: [
      { mark: { type: 'line', strokeWidth: 1.8, opacity: 0.9 }, encoding: { ...at, ...(shared ? { detail: { field: 'path', type: 'nominal' } } : {}), order: { field: 'step', type: 'quantitative' }, color } },
      {
        mark: { type: 'point', filled: true, opacity: 1, stroke: halo },
        encoding: {
          ...at,
          color,
          shape: { field: 'role', type: 'nominal', scale: { domain: ROLES, range: ['circle', 'square', 'diamond'] }, legend: null },
          size: { field: 'size', type: 'quantitative', scale: null },
          strokeWidth: { field: 'halo', type: 'quantitative', scale: null },
          ...tip,
        },
      },
    ],
  };
}
