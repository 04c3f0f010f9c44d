import { CRITICAL_KINDS, type CriticalKind, type CriticalPoint } from '../core/critical.js';

const SHAPES: Record<CriticalKind, string> = { minimum: 'circle', maximum: 'triangle-up', saddle: 'cross' };
/** One colour apart from every arrow and background scheme; shapes tell the kinds apart. */
const MARKER_COLOR = '#e0007a';

/**
 * Critical points as symbols on top of the arrows, one shape per kind, with a
 * legend of the kinds present and a tooltip. `x` and `y` give the axes'
 * encodings, shared with the arrows.
 */
export function markerLayer(
  points: CriticalPoint[],
  halo: string,
  x: (field: string) => Record<string, unknown>,
  y: (field: string) => Record<string, unknown>,
): Record<string, unknown> | undefined {
  if (points.length === 0) return undefined;
  const kinds = CRITICAL_KINDS.filter((k) => points.some((p) => p.kind === k));
  return {
    description: 'critical',
    data: { values: points },
    mark: { type: 'point', filled: true, opacity: 1, size: 110, color: MARKER_COLOR, stroke: halo, strokeWidth: 2 },
    encoding: {
      x: x('x0'),
      y: y('x1'),
      shape: { field: 'kind', type: 'nominal', title: 'critical point', scale: { domain: kinds, range: kinds.map((k) => SHAPES[k]) } },
      tooltip: [
        { field: 'kind', type: 'nominal' },
        { field: 'x0', type: 'quantitative', format: '.6~g' },
        { field: 'x1', type: 'quantitative', format: '.6~g' },
        { field: 'f', type: 'quantitative', format: '.6~g' },
      ],
    },
  };
}
