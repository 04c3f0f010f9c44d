import { textWidth } from './text-width.js';

/** The legend's geometry, in pixels: its column's offset from the plot when beside it, stroke, gaps and rows; inside the plot, its box's padding, inset and clearance from every path. */
export const KEY = { offset: 18, stroke: 10, labelGap: 7, titleLine: 13, titleGap: 4, row: 13, padding: 6, inset: 6, clearance: 8 };

/** The legend's two title lines: what it is, and what the markers mean. */
export const KEY_TITLES = ['descent', '■ start ◆ end'];

/** Sizes and colours of the legend's text, from the chart's legend config. */
export interface KeyText {
  labelFontSize: number;
  titleFontSize: number;
  labelColor: string;
  titleColor: string;
}

/** The legend's text style from the chart's legend config (Vega's colours where it gives none). */
export function keyText(legend: Record<string, unknown>): KeyText {
  const { labelFontSize, titleFontSize, labelColor = '#000', titleColor = '#000' } = legend as Partial<KeyText>;
  return { labelFontSize: labelFontSize ?? 10, titleFontSize: titleFontSize ?? 11, labelColor, titleColor };
}

/** Where the legend's lines start, in pixels from the plot's top-left, and the box under them when it lies inside the plot. */
export interface KeyPlace {
  left: number;
  top: number;
  /** Inside the plot: an opaque box of the chart's background colour, with a thin edge. */
  box?: { width: number; height: number };
}

/** The legend's width and height without its box: the widest of its title lines and its rows (stroke, gap, label). */
export function keyBlock(labels: readonly string[], text: KeyText): { width: number; height: number } {
  const titles = KEY_TITLES.map((t) => textWidth(t, text.titleFontSize, true));
  const rows = labels.map((l) => KEY.stroke + KEY.labelGap + textWidth(l, text.labelFontSize));
  return { width: Math.max(...titles, ...rows), height: keyHeight(labels) };
}

/** The legend's height without its box: its title lines, a gap, a row per label. */
export function keyHeight(labels: readonly string[]): number {
  return KEY.titleLine * KEY_TITLES.length + KEY.titleGap + KEY.row * labels.length;
}

/** Middles of the legend's lines from its top: the titles', then one per label. */
export function keyRows(labels: readonly string[]): { titles: number[]; rows: number[] } {
  const titles = KEY_TITLES.map((_, i) => KEY.titleLine * (i + 0.5));
  const rows = labels.map((_, i) => KEY.titleLine * KEY_TITLES.length + KEY.titleGap + KEY.row * (i + 0.5));
  return { titles, rows };
}

/** Beside the plot, in the legend column: its top at the column's top, or its last row at the plot's bottom (below other legends). */
export function besidePlace(labels: readonly string[], plot: { width: number; height: number }, belowOthers: boolean): KeyPlace {
  return { left: plot.width + KEY.offset, top: belowOthers ? plot.height - keyHeight(labels) : 0 };
}

/**
 * Inside the plot, in the corner whose box lies farthest from every mark it
 * must not cover (segments of the paths' lines and their points, in pixels, as
 * x0, y0, x1, y1 rows; a point is a segment of no length); undefined when no
 * corner keeps KEY.clearance from them all, or the box does not fit.
 */
export function cornerPlace(block: { width: number; height: number }, plot: { width: number; height: number }, marks: Float64Array): KeyPlace | undefined {
  const box = { width: block.width + 2 * KEY.padding, height: block.height + 2 * KEY.padding };
  if (box.width + 2 * KEY.inset > plot.width || box.height + 2 * KEY.inset > plot.height) return undefined;
  const [right, bottom] = [plot.width - KEY.inset - box.width, plot.height - KEY.inset - box.height];
  // matplotlib's order: upper right, upper left, lower left, lower right; the first of the farthest wins.
  const corners = [[right, KEY.inset], [KEY.inset, KEY.inset], [KEY.inset, bottom], [right, bottom]];
  let best: { at: number[]; gap: number } | undefined;
  for (const at of corners) {
    const gap = rectGap(at[0], at[1], at[0] + box.width, at[1] + box.height, marks);
    if (gap >= KEY.clearance && (!best || gap > best.gap)) best = { at, gap };
  }
  return best && { left: best.at[0] + KEY.padding, top: best.at[1] + KEY.padding, box };
}

/** The least distance from the rectangle [x0, x1] × [y0, y1] to any of the segments (rows x0, y0, x1, y1); 0 when one touches it. */
export function rectGap(x0: number, y0: number, x1: number, y1: number, segments: Float64Array): number {
  let least = Infinity;
  for (let i = 0; i + 3 < segments.length && least > 0; i += 4) {
    const [ax, ay, bx, by] = [segments[i], segments[i + 1], segments[i + 2], segments[i + 3]];
    // The segment's bounding box is no nearer than the segment: past the least gap so far, it cannot lower it.
    const boxGap = Math.hypot(Math.max(x0 - Math.max(ax, bx), 0, Math.min(ax, bx) - x1), Math.max(y0 - Math.max(ay, by), 0, Math.min(ay, by) - y1));
    if (boxGap < least) least = Math.min(least, segmentGap(x0, y0, x1, y1, ax, ay, bx, by));
  }
  return least;
}

// Distance from a rectangle to a segment: 0 if they meet, else the least of the endpoints' distances to the rectangle and the corners' to the segment.
function segmentGap(x0: number, y0: number, x1: number, y1: number, ax: number, ay: number, bx: number, by: number): number {
  if (clipsRect(x0, y0, x1, y1, ax, ay, bx, by)) return 0;
  const ends = Math.min(pointToRect(ax, ay, x0, y0, x1, y1), pointToRect(bx, by, x0, y0, x1, y1));
  const corners = Math.min(pointToSegment(x0, y0, ax, ay, bx, by), pointToSegment(x1, y0, ax, ay, bx, by), pointToSegment(x0, y1, ax, ay, bx, by), pointToSegment(x1, y1, ax, ay, bx, by));
  return Math.min(ends, corners);
}

const pointToRect = (px: number, py: number, x0: number, y0: number, x1: number, y1: number) => Math.hypot(Math.max(x0 - px, 0, px - x1), Math.max(y0 - py, 0, py - y1));

function pointToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const [dx, dy] = [bx - ax, by - ay];
  const len = dx * dx + dy * dy;
  const t = len > 0 ? Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / len)) : 0;
  return Math.hypot(ax + t * dx - px, ay + t * dy - py);
}

// Whether the segment meets the rectangle (Liang–Barsky clipping).
function clipsRect(x0: number, y0: number, x1: number, y1: number, ax: number, ay: number, bx: number, by: number): boolean {
  const [dx, dy] = [bx - ax, by - ay];
  let [t0, t1] = [0, 1];
  // Each edge's p and q: the segment enters where p < 0, leaves where p > 0, and runs outside along the edge where p = 0 and q < 0.
  const edge = (p: number, q: number) => {
    if (p === 0) return q >= 0;
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    return t0 <= t1;
  };
  return edge(-dx, ax - x0) && edge(dx, x1 - ax) && edge(-dy, ay - y0) && edge(dy, y1 - ay);
}
