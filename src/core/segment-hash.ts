/**
 * The segments of the lines drawn so far, bucketed by the cell (`cell` pixels
 * wide) of their first end, for the question "is any segment within r of this
 * one?". Segments are at most `longest` pixels long.
 */
export class SegmentHash {
  private readonly nx: number;
  private readonly ny: number;
  private readonly head: Int32Array;
  private next = new Int32Array(4096);
  /** Both ends of each segment: X0, Y0, X1, Y1. */
  private ends = new Float64Array(4 * 4096);
  private count = 0;

  constructor(
    width: number,
    height: number,
    private readonly cell: number,
    private readonly longest: number,
  ) {
    this.nx = Math.floor(width / cell) + 1;
    this.ny = Math.floor(height / cell) + 1;
    this.head = new Int32Array(this.nx * this.ny).fill(-1);
  }

  /** Adds the segments of a polyline of `count` points (X, Y rows). */
  add(xy: Float64Array, count: number): void {
    for (let k = 0; k + 1 < count; k++) {
      if (this.count === this.next.length) this.grow();
      const s = this.count++;
      this.ends.set(xy.subarray(2 * k, 2 * k + 4), 4 * s);
      const c = this.cellOf(xy[2 * k], xy[2 * k + 1]);
      this.next[s] = this.head[c];
      this.head[c] = s;
    }
  }

  /** Whether some segment comes closer than `r` to the segment (aX, aY) → (bX, bY) (a point when both ends agree). */
  near(aX: number, aY: number, bX: number, bY: number, r: number): boolean {
    const reach = r + this.longest;
    const i0 = this.column(Math.min(aX, bX) - reach);
    const i1 = this.column(Math.max(aX, bX) + reach);
    const j0 = this.row(Math.min(aY, bY) - reach);
    const j1 = this.row(Math.max(aY, bY) + reach);
    const r2 = r * r;
    const e = this.ends;
    // The query's box widened by r: a segment wholly to one side of it is farther than r.
    const left = Math.min(aX, bX) - r;
    const right = Math.max(aX, bX) + r;
    const bottom = Math.min(aY, bY) - r;
    const top = Math.max(aY, bY) + r;
    for (let j = j0; j <= j1; j++) {
      for (let i = i0; i <= i1; i++) {
        for (let s = this.head[j * this.nx + i]; s >= 0; s = this.next[s]) {
          const x0 = e[4 * s];
          const y0 = e[4 * s + 1];
          const x1 = e[4 * s + 2];
          const y1 = e[4 * s + 3];
          if ((x0 < left && x1 < left) || (x0 > right && x1 > right) || (y0 < bottom && y1 < bottom) || (y0 > top && y1 > top)) continue;
          if (segmentDistance2(aX, aY, bX, bY, x0, y0, x1, y1) < r2) return true;
        }
      }
    }
    return false;
  }

  private column(X: number): number {
    return Math.min(this.nx - 1, Math.max(0, Math.floor(X / this.cell)));
  }

  private row(Y: number): number {
    return Math.min(this.ny - 1, Math.max(0, Math.floor(Y / this.cell)));
  }

  private cellOf(X: number, Y: number): number {
    return this.row(Y) * this.nx + this.column(X);
  }

  private grow(): void {
    const [next, ends] = [new Int32Array(this.next.length * 2), new Float64Array(this.ends.length * 2)];
    next.set(this.next);
    ends.set(this.ends);
    [this.next, this.ends] = [next, ends];
  }
}

/** The squared distance between segments PQ and RS (points when their ends agree). */
export function segmentDistance2(px: number, py: number, qx: number, qy: number, rx: number, ry: number, sx: number, sy: number): number {
  if (segmentsCross(px, py, qx, qy, rx, ry, sx, sy)) return 0;
  return Math.min(
    pointSegment2(px, py, rx, ry, sx, sy),
    pointSegment2(qx, qy, rx, ry, sx, sy),
    pointSegment2(rx, ry, px, py, qx, qy),
    pointSegment2(sx, sy, px, py, qx, qy),
  );
}

// Squared distance from point P to segment AB; scalars only, as it runs for every nearby segment at every step.
function pointSegment2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  const t = l2 > 0 ? Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / l2)) : 0;
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

// (B − A) × (C − A): which side of AB the point C is on.
function side(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

// True when the open segments PQ and RS properly cross (touching is left to the end-point distances).
function segmentsCross(px: number, py: number, qx: number, qy: number, rx: number, ry: number, sx: number, sy: number): boolean {
  const d1 = side(rx, ry, sx, sy, px, py);
  const d2 = side(rx, ry, sx, sy, qx, qy);
  if (!((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0))) return false;
  const d3 = side(px, py, qx, qy, rx, ry);
  const d4 = side(px, py, qx, qy, sx, sy);
  return (d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0);
}
