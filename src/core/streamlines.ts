import type { Range, ScalarFunction } from '../function-types.js';
import { LIMITS } from '../util/limits.js';
import { numericalGradient, type GradientOptions } from './gradient.js';
import { points, type Points } from './points.js';
import { SegmentHash } from './segment-hash.js';

/** Lines across the longer side of the plot when no density is given. */
export const DEFAULT_DENSITY = 16;
const DEFAULT_BOX: Range = [-2, 2];
/** Pixels along the longer side when no scale is given, as a chart's default. */
const DEFAULT_SIZE_PX = 480;

export interface StreamlineOptions extends GradientOptions {
  /** The box the lines stay in, in data units: the chart's grid ranges. Default [-2, 2] each. */
  xrange?: Range;
  yrange?: Range;
  /** Pixels per data unit along x0 and x1; separations and step sizes are measured in these pixels. Default: 480 px for the longer side, the same scale on both. */
  scale?: readonly [number, number];
  /** About this many lines across the longer side of the box: lines start `d` = longer side / density pixels apart. Default 16. */
  density?: number;
  /** Follow +∇f instead of −∇f. Default false. */
  ascent?: boolean;
  /** Seed points (x0, x1): one line through each, in order, and no others. Default: evenly spaced lines over the whole box. */
  starts?: readonly (readonly [number, number])[];
  /** Longest line, in data units (both ways from its seed together). Default: no limit. */
  maxLength?: number;
}

/** One streamline: its points in the direction of the flow, and |∇f| at each. */
export interface Streamline {
  /** Rows (x0, x1), from where the flow comes to where it goes. */
  points: Points;
  magnitude: Float64Array;
}

/** Largest step along a line, in pixels (a sixth of the separation when that is less). */
const MAX_STEP_PX = 5;
/** Steps shrink down to this fraction of the largest, then the line stops (a critical point, or the flow turning back). */
const MIN_STEP = 1 / 1024;
/** Most a line may turn over one step, in radians; a sharper turn halves the step. */
const MAX_TURN = 0.2;
/** Below this fraction of the box's largest |∇f| a point counts as critical. */
const FLAT = 1e-10;
/** Evenly spaced lines shorter than this many separations are dropped: stubs between converging lines. */
const MIN_LENGTH = 1;

/**
 * Evenly spaced streamlines of −∇f (+∇f with `ascent`), after Jobard and Lefer
 * (1997): each new line starts at a separation d from the lines already drawn
 * (beside one of them, or on a regular grid when none is left to grow from) and
 * stops where it comes closer than d/2 to another line, at the box's edge, at
 * `maxLength`, or near a critical point (|∇f| negligible, or the flow turning
 * back so that the step shrinks to nothing). Distances are in pixels (`scale`),
 * so lines look evenly spaced whatever the aspect. Integration is classical
 * RK4 along the unit direction of the flow, in pixel arc length, with the step
 * halved where the line turns sharply; ∇f is `numericalGradient` of `fn` with
 * the given method, at the points themselves. Deterministic.
 */
export function streamlines(fn: ScalarFunction, options: StreamlineOptions = {}): Streamline[] {
  const { xrange = DEFAULT_BOX, yrange = DEFAULT_BOX } = options;
  const s = DEFAULT_SIZE_PX / Math.max(xrange[1] - xrange[0], yrange[1] - yrange[0]);
  return new Placement(fn, { ...options, xrange, yrange, scale: options.scale ?? [s, s] }).run();
}

/** The options with the box and the scale settled. */
type Settled = StreamlineOptions & Required<Pick<StreamlineOptions, 'xrange' | 'yrange' | 'scale'>>;

// Points are kept in pixels from the box's lower-left corner, y up: (X, Y) = ((x0 − x0min)·sx, (x1 − x1min)·sy).
class Placement {
  private readonly sx: number;
  private readonly sy: number;
  private readonly width: number;
  private readonly height: number;
  /** Separation of seeds, pixels. */
  private readonly d: number;
  private readonly step: number;
  private readonly flow: Flow;
  private readonly hash: SegmentHash;
  private readonly maxLength: number;
  private flat = 0;
  private readonly lines: Streamline[] = [];
  private readonly trace = new Trace();

  constructor(
    fn: ScalarFunction,
    private readonly options: Settled,
  ) {
    const { xrange, yrange, scale, density = DEFAULT_DENSITY } = options;
    [this.sx, this.sy] = scale;
    this.width = (xrange[1] - xrange[0]) * this.sx;
    this.height = (yrange[1] - yrange[0]) * this.sy;
    this.d = Math.max(this.width, this.height) / density;
    this.step = Math.min(MAX_STEP_PX, this.d / 6);
    this.maxLength = options.maxLength ?? Infinity;
    this.flow = new Flow(fn, options, this.sx, this.sy);
    this.hash = new SegmentHash(this.width, this.height, this.d, this.step);
  }

  run(): Streamline[] {
    const seeds = this.seedGrid();
    if (this.options.starts) {
      for (const [x0, x1] of this.options.starts) {
        if (this.full()) break;
        const [X, Y] = this.pixel(x0, x1);
        // A seed outside the box, or on a line already drawn (whose line it would be), adds nothing.
        if (!(X >= 0 && X <= this.width && Y >= 0 && Y <= this.height) || this.hash.near(X, Y, X, Y, this.d / 2)) continue;
        this.traceFrom(X, Y);
        this.commit(0);
      }
      return this.lines;
    }
    // Jobard–Lefer: grow beside each line in the order they were drawn; when none is left, the next free grid seed.
    let grown = 0;
    for (let s = 0; s < seeds.length && !this.full(); s += 2) {
      if (!this.tryStart(seeds[s], seeds[s + 1])) continue;
      while (grown < this.lines.length && !this.full()) this.growBeside(grown++);
    }
    return this.lines;
  }

  private full(): boolean {
    return this.lines.length >= LIMITS.streamlines.max;
  }

  /**
   * Cell centres of a grid d wide over the box, from where the flow starts highest (the largest f for −∇f):
   * a line from there tends to run the whole way down, and the lines after it stop beside it rather than
   * it being cut into pieces by them (a steep valley drawn as one line, not dashes). Also sets the
   * scale of |∇f| that counts as flat.
   */
  private seedGrid(): Float64Array {
    const [nx, ny] = [Math.max(1, Math.floor(this.width / this.d)), Math.max(1, Math.floor(this.height / this.d))];
    const cells = new Float64Array(2 * nx * ny);
    const height = new Float64Array(nx * ny);
    const dir = new Float64Array(2);
    let max = 0;
    for (let j = 0, k = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++, k++) {
        const [X, Y] = [((i + 0.5) * this.width) / nx, ((j + 0.5) * this.height) / ny];
        [cells[2 * k], cells[2 * k + 1]] = [X, Y];
        const m = this.flow.at(X, Y, dir);
        if (m > max) max = m;
        height[k] = this.flow.height(X, Y);
      }
    }
    this.flat = FLAT * max;
    // Highest first; cells without a finite f last; ties in grid order (the sort is stable).
    const order = Array.from(height.keys()).sort((a, b) => (Number.isNaN(height[b]) ? -1 : Number.isNaN(height[a]) ? 1 : height[b] - height[a]));
    const seeds = new Float64Array(2 * nx * ny);
    order.forEach((k, r) => [seeds[2 * r], seeds[2 * r + 1]] = [cells[2 * k], cells[2 * k + 1]]);
    return seeds;
  }

  // Candidates d to either side of every few points of line `index`.
  private growBeside(index: number): void {
    const { points: line } = this.lines[index];
    const p = line.data;
    const spacing = this.d / 2;
    const x0min = this.options.xrange[0];
    const x1min = this.options.yrange[0];
    let since = Infinity;
    for (let k = 0; k + 1 < line.count && !this.full(); k++) {
      const X = (p[2 * k] - x0min) * this.sx;
      const Y = (p[2 * k + 1] - x1min) * this.sy;
      const dX = (p[2 * k + 2] - x0min) * this.sx - X;
      const dY = (p[2 * k + 3] - x1min) * this.sy - Y;
      const len = Math.hypot(dX, dY);
      since += len;
      if (since < spacing || len === 0) continue;
      since = 0;
      // d along the normal, on each side.
      const nX = (-dY / len) * this.d;
      const nY = (dX / len) * this.d;
      this.tryStart(X + nX, Y + nY);
      this.tryStart(X - nX, Y - nY);
    }
  }

  // Draws a line from (X, Y) if it is inside the box and at least d from every line; true if a line was kept.
  private tryStart(X: number, Y: number): boolean {
    if (!(X >= 0 && X <= this.width && Y >= 0 && Y <= this.height)) return false;
    if (this.hash.near(X, Y, X, Y, this.d * (1 - 1e-9))) return false;
    this.traceFrom(X, Y);
    return this.commit(MIN_LENGTH * this.d);
  }

  private traceFrom(X: number, Y: number): void {
    const t = this.trace;
    t.reset();
    t.push(X, Y, NaN, 0);
    // Upstream first, at most half the length, then downstream with what is left.
    this.advance(t, -1, this.maxLength / 2);
    t.reverse();
    this.advance(t, 1, this.maxLength - t.length);
  }

  // Keeps the traced line if it is at least `minPx` long (and has a segment); true if kept.
  private commit(minPx: number): boolean {
    const t = this.trace;
    if (t.count < 2 || t.pixelLength < minPx) return false;
    const data = new Float64Array(2 * t.count);
    const magnitude = new Float64Array(t.count);
    const [x0min, x1min] = [this.options.xrange[0], this.options.yrange[0]];
    for (let k = 0; k < t.count; k++) {
      data[2 * k] = x0min + t.xy[2 * k] / this.sx;
      data[2 * k + 1] = x1min + t.xy[2 * k + 1] / this.sy;
      magnitude[k] = Number.isNaN(t.mag[k]) ? this.flow.at(t.xy[2 * k], t.xy[2 * k + 1], this.dir) : t.mag[k];
    }
    // The box's edges are exact in data units, whatever the rounding of pixels.
    const [x0max, x1max] = [this.options.xrange[1], this.options.yrange[1]];
    for (let k = 0; k < t.count; k++) {
      data[2 * k] = Math.min(Math.max(data[2 * k], x0min), x0max);
      data[2 * k + 1] = Math.min(Math.max(data[2 * k + 1], x1min), x1max);
    }
    this.hash.add(t.xy, t.count);
    this.lines.push({ points: points(data, 2), magnitude });
    return true;
  }

  private pixel(x0: number, x1: number): [number, number] {
    return [(x0 - this.options.xrange[0]) * this.sx, (x1 - this.options.yrange[0]) * this.sy];
  }

  private readonly dir = new Float64Array(2);
  private readonly k = [new Float64Array(2), new Float64Array(2), new Float64Array(2), new Float64Array(2)];

  /**
   * Extends the trace from its last point along the flow (`sense` 1) or against
   * it (−1), until a stop, adding at most `budget` data units of length.
   */
  private advance(t: Trace, sense: 1 | -1, budget: number): void {
    const k1 = this.k[0];
    const k2 = this.k[1];
    const k3 = this.k[2];
    const k4 = this.k[3];
    const { width, height, d } = this;
    const cosTurn = Math.cos(MAX_TURN);
    const cosEasy = Math.cos(MAX_TURN / 2);
    const limit = LIMITS.streamlinePoints.max;
    let s = this.step;
    let used = 0;
    while (t.count < limit && used < budget) {
      const X = t.xy[2 * t.count - 2];
      const Y = t.xy[2 * t.count - 1];
      const m = this.flow.at(X, Y, k1);
      t.mag[t.count - 1] = m;
      if (!(m > this.flat)) return;
      let nX = 0;
      let nY = 0;
      for (;;) {
        const ok =
          this.flow.at(X + (sense * s * k1[0]) / 2, Y + (sense * s * k1[1]) / 2, k2) > this.flat &&
          this.flow.at(X + (sense * s * k2[0]) / 2, Y + (sense * s * k2[1]) / 2, k3) > this.flat &&
          this.flow.at(X + sense * s * k3[0], Y + sense * s * k3[1], k4) > this.flat &&
          k1[0] * k4[0] + k1[1] * k4[1] >= cosTurn;
        if (ok) {
          nX = X + (sense * s * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0])) / 6;
          nY = Y + (sense * s * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1])) / 6;
          break;
        }
        s /= 2;
        if (s < this.step * MIN_STEP) return;
      }
      // At the edge, end exactly on it.
      let last = false;
      const out = exitFraction(X, Y, nX, nY, width, height);
      if (out < 1) {
        nX = X + out * (nX - X);
        nY = Y + out * (nY - Y);
        last = true;
      }
      // At the length budget, end exactly at it.
      let len = Math.hypot((nX - X) / this.sx, (nY - Y) / this.sy);
      if (used + len >= budget) {
        const f = (budget - used) / len;
        nX = X + f * (nX - X);
        nY = Y + f * (nY - Y);
        len = budget - used;
        last = true;
      }
      if ((nX === X && nY === Y) || this.hash.near(X, Y, nX, nY, d / 2)) return;
      t.push(nX, nY, NaN, Math.hypot(nX - X, nY - Y));
      used += len;
      t.length += len;
      if (last) return;
      // Longer steps again only where the line turned gently, or every other step would be refused.
      if (k1[0] * k4[0] + k1[1] * k4[1] >= cosEasy) s = Math.min(2 * s, this.step);
    }
  }
}

// The fraction of the segment (X, Y) → (nX, nY) inside the box [0, w] × [0, h] before it leaves; 1 if it stays in.
function exitFraction(X: number, Y: number, nX: number, nY: number, w: number, h: number): number {
  let t = 1;
  const dX = nX - X;
  const dY = nY - Y;
  if (nX < 0) t = Math.min(t, -X / dX);
  if (nX > w) t = Math.min(t, (w - X) / dX);
  if (nY < 0) t = Math.min(t, -Y / dY);
  if (nY > h) t = Math.min(t, (h - Y) / dY);
  return Math.max(0, t);
}

// The unit direction of the drawn flow in pixels, from ∇f by the chart's method, through one scratch row.
class Flow {
  private readonly x = new Float64Array(2);
  private readonly row: Points = points(this.x, 2);
  private readonly g = new Float64Array(2);
  private readonly gradient: GradientOptions;
  private readonly sign: number;
  private readonly origin: readonly [number, number];

  constructor(
    private readonly fn: ScalarFunction,
    options: Settled,
    private readonly sx: number,
    private readonly sy: number,
  ) {
    this.gradient = { h: options.h, method: options.method };
    this.sign = options.ascent ? 1 : -1;
    this.origin = [options.xrange[0], options.yrange[0]];
  }

  /** How far the flow can still go down from pixel (X, Y): f for −∇f, −f for +∇f; NaN where f is not finite. */
  height(X: number, Y: number): number {
    this.x[0] = this.origin[0] + X / this.sx;
    this.x[1] = this.origin[1] + Y / this.sy;
    const value = -this.sign * this.fn.f(this.x);
    return Number.isFinite(value) ? value : NaN;
  }

  /** Writes the unit direction at pixel (X, Y) into `out` and returns |∇f| there; 0 where there is no direction. */
  at(X: number, Y: number, out: Float64Array): number {
    this.x[0] = this.origin[0] + X / this.sx;
    this.x[1] = this.origin[1] + Y / this.sy;
    numericalGradient(this.fn, this.row, this.gradient, this.g);
    const u = this.sign * this.g[0] * this.sx;
    const v = this.sign * this.g[1] * this.sy;
    const n = Math.hypot(u, v);
    if (!(n > 0 && Number.isFinite(n))) return 0;
    out[0] = u / n;
    out[1] = v / n;
    return Math.hypot(this.g[0], this.g[1]);
  }
}

// The line being traced, in pixels, growing at its end; `reverse` turns it round between the two halves.
class Trace {
  xy = new Float64Array(1024);
  mag = new Float64Array(512);
  count = 0;
  /** Length in data units, and in pixels. */
  length = 0;
  pixelLength = 0;

  reset(): void {
    [this.count, this.length, this.pixelLength] = [0, 0, 0];
  }

  push(X: number, Y: number, mag: number, px: number): void {
    if (this.count === this.mag.length) {
      const [xy, m] = [new Float64Array(this.xy.length * 2), new Float64Array(this.mag.length * 2)];
      xy.set(this.xy);
      m.set(this.mag);
      [this.xy, this.mag] = [xy, m];
    }
    this.xy[2 * this.count] = X;
    this.xy[2 * this.count + 1] = Y;
    this.mag[this.count++] = mag;
    this.pixelLength += px;
  }

  reverse(): void {
    const { xy, mag } = this;
    for (let a = 0, b = this.count - 1; a < b; a++, b--) {
      const x = xy[2 * a];
      const y = xy[2 * a + 1];
      const m = mag[a];
      xy[2 * a] = xy[2 * b];
      xy[2 * a + 1] = xy[2 * b + 1];
      mag[a] = mag[b];
      xy[2 * b] = x;
      xy[2 * b + 1] = y;
      mag[b] = m;
    }
  }
}
