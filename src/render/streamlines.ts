import type { Streamline } from '../core/streamlines.js';
import { headEncoding, headMark } from './arrows.js';
import { MAGNITUDE } from '../chart-kinds.js';
import type { ArrowPaint } from './color.js';


/** Widths by |∇f| with `magnitude`, from |∇f| = 0 to the largest, in pixels. */
const WIDTH_RANGE = [0.5, 3];
/** About this many pixels of line per arrowhead. */
const HEAD_SPACING_PX = 70;
/** Points of a line closer than this to the last one drawn are left out of the picture, in pixels. */
const MIN_GAP_PX = 1;
/** Length of an arrowhead, in pixels, for lines up to about 2 px wide. */
const HEAD_PX = 7;

/** How the lines are drawn. */
export interface StreamlineStyle {
  /** Pixels per data unit along x0 and x1, to place and turn the heads as they appear. */
  sx: number;
  sy: number;
  /** Width in pixels, or `magnitude`. */
  width: number | typeof MAGNITUDE;
  /** The arrows' colouring: one colour, or |∇f| on the shared scale. */
  paint: ArrowPaint;
  /** Largest |∇f| on the colour and width scales. */
  maxMag: number;
  /** A tooltip per head (x0, x1, |∇f|). */
  tooltip: boolean;
  x: (field: string) => Record<string, unknown>;
  y: (field: string) => Record<string, unknown>;
}

// Fewer digits keep the inline data small; they are far below a pixel.
const short = (v: number) => Number(v.toPrecision(6));

/**
 * The streamlines as Vega-Lite layers: the lines, then arrowheads spread
 * evenly along each (about one per HEAD_SPACING_PX, at least one a line),
 * pointing the way the flow goes. One colour and width draw each line as one
 * path; colour or width by |∇f| draws it segment by segment, with round caps
 * so the joints do not show.
 */
export function streamlineLayers(lines: Streamline[], style: StreamlineStyle): Record<string, unknown>[] {
  const { paint, x, y } = style;
  const byMagnitude = style.width === MAGNITUDE || paint.mark.color === undefined;
  const width = style.width === MAGNITUDE ? WIDTH_RANGE[1] : style.width;
  const headPx = Math.max(HEAD_PX, 3 * width);
  const tip = style.tooltip
    ? { tooltip: [
        { field: 'x0', type: 'quantitative', format: '.4~g' },
        { field: 'x1', type: 'quantitative', format: '.4~g' },
        { field: 'mag', type: 'quantitative', title: '|∇f|', format: '.6~g' },
      ] }
    : {};
  // Width reads its own copy of |∇f|: Vega-Lite merges legends by field, and the heads' colour legend reads `mag`.
  const strokeWidth =
    style.width === MAGNITUDE
      ? { strokeWidth: { field: 'widthMag', type: 'quantitative', scale: { domain: [0, style.maxMag || 1], range: WIDTH_RANGE }, legend: null } }
      : {};
  const widthTransform = style.width === MAGNITUDE ? [{ calculate: 'datum.mag', as: 'widthMag' }] : [];
  const linesLayer = byMagnitude
    ? {
        data: { values: segments(lines, style.sx, style.sy) },
        transform: [...paint.shaft.transform, ...widthTransform],
        mark: { type: 'rule', ...paint.mark, strokeCap: 'round', ...(style.width === MAGNITUDE ? {} : { strokeWidth: width }) },
        encoding: { x: x('x0'), y: y('x1'), x2: { field: 'x2' }, y2: { field: 'y2' }, ...paint.shaft.encoding, ...strokeWidth },
      }
    : {
        data: { values: vertices(lines, style.sx, style.sy) },
        mark: { type: 'line', ...paint.mark, strokeWidth: width, strokeCap: 'round', strokeJoin: 'round', interpolate: 'linear' },
        encoding: { x: x('x0'), y: y('x1'), detail: { field: 'line', type: 'nominal' }, order: { field: 'i', type: 'quantitative' } },
      };
  const headsLayer = {
    data: { values: heads(lines, style.sx, style.sy, (2 * headPx) ** 2) },
    mark: headMark(paint.mark),
    encoding: headEncoding(x('x0'), y('x1'), { ...paint.head, ...tip }),
  };
  return [linesLayer, headsLayer];
}

// The points of each line worth drawing: the ends, and each point at least MIN_GAP_PX from the one kept before it
// (near a minimum, or in a steep valley, the integration takes many tiny steps that no one could see).
function drawn({ points }: Streamline, sx: number, sy: number): number[] {
  const p = points.data;
  const kept = [0];
  for (let i = 1; i < points.count; i++) {
    const k = kept[kept.length - 1];
    const far = Math.hypot((p[2 * i] - p[2 * k]) * sx, (p[2 * i + 1] - p[2 * k + 1]) * sy) >= MIN_GAP_PX;
    if (far || i === points.count - 1) kept.push(i);
  }
  return kept;
}

// The drawn points of every line, as rows for a `line` mark.
function vertices(lines: Streamline[], sx: number, sy: number): { line: number; i: number; x0: number; x1: number }[] {
  const rows: { line: number; i: number; x0: number; x1: number }[] = [];
  lines.forEach((l, line) => {
    const p = l.points.data;
    drawn(l, sx, sy).forEach((k, i) => rows.push({ line, i, x0: short(p[2 * k]), x1: short(p[2 * k + 1]) }));
  });
  return rows;
}

// The segments between drawn points of every line, with the mean |∇f| of their ends.
function segments(lines: Streamline[], sx: number, sy: number): { x0: number; x1: number; x2: number; y2: number; mag: number }[] {
  const rows: { x0: number; x1: number; x2: number; y2: number; mag: number }[] = [];
  for (const l of lines) {
    const [p, m] = [l.points.data, l.magnitude];
    const kept = drawn(l, sx, sy);
    for (let j = 0; j + 1 < kept.length; j++) {
      const [a, b] = [kept[j], kept[j + 1]];
      rows.push({ x0: short(p[2 * a]), x1: short(p[2 * a + 1]), x2: short(p[2 * b]), y2: short(p[2 * b + 1]), mag: short((m[a] + m[b]) / 2) });
    }
  }
  return rows;
}

/**
 * Arrowheads along each line, ⌈length / HEAD_SPACING_PX⌉ (rounded to nearest, at least one) of them at the
 * middles of equal parts, tips on the line, turned along it as it appears (`sx`, `sy` pixels per data unit).
 */
export function heads(lines: Streamline[], sx: number, sy: number, size: number): { x0: number; x1: number; angle: number; size: number; mag: number }[] {
  const rows: { x0: number; x1: number; angle: number; size: number; mag: number }[] = [];
  for (const { points, magnitude } of lines) {
    const p = points.data;
    const n = points.count;
    const seg = new Float64Array(n);
    let total = 0;
    for (let i = 0; i + 1 < n; i++) {
      seg[i] = Math.hypot((p[2 * i + 2] - p[2 * i]) * sx, (p[2 * i + 3] - p[2 * i + 1]) * sy);
      total += seg[i];
    }
    if (!(total > 0)) continue;
    const count = Math.max(1, Math.round(total / HEAD_SPACING_PX));
    let [i, before] = [0, 0];
    for (let k = 0; k < count; k++) {
      const at = ((k + 0.5) * total) / count;
      while (i < n - 2 && before + seg[i] < at) before += seg[i++];
      while (seg[i] === 0 && i < n - 2) i++;
      const t = seg[i] > 0 ? Math.min(1, (at - before) / seg[i]) : 0;
      const [dx, dy] = [p[2 * i + 2] - p[2 * i], p[2 * i + 3] - p[2 * i + 1]];
      rows.push({
        x0: short(p[2 * i] + t * dx),
        x1: short(p[2 * i + 1] + t * dy),
        angle: short((Math.atan2(dx * sx, dy * sy) * 180) / Math.PI),
        size,
        mag: short(magnitude[i] + t * (magnitude[i + 1] - magnitude[i])),
      });
    }
  }
  return rows;
}
