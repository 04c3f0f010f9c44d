import { contours } from 'd3-contour';

/**
 * Contour lines of a function sampled on a grid, by d3-contour's marching
 * squares with linear interpolation along cell edges.
 *
 * `values` holds f at the rows of `meshgrid(xs, ys)` (x varies fastest; both
 * axes evenly spaced). Each line is a flat `[x, y, x, y, …]` in data units; a
 * closed line repeats its first point at the end. d3-contour closes every ring
 * around the grid's outside; those stretches, and any point interpolated from a
 * value that is not finite, are cut away, leaving the lines inside the grid.
 */
export function isolines(xs: Float64Array, ys: Float64Array, values: Float64Array, level: number): Float64Array[] {
  const [nx, ny] = [xs.length, ys.length];
  const finite = values.map((v) => (Number.isFinite(v) ? v : -Infinity));
  const { coordinates } = contours().size([nx, ny]).contour(finite as unknown as number[], level);
  // d3 puts value i at i + 0.5; the ring's points on the frame (0 or n) lie outside the grid.
  const [dx, dy] = [(xs[nx - 1] - xs[0]) / (nx - 1), (ys[ny - 1] - ys[0]) / (ny - 1)];
  // Interpolating towards a value that is not finite (-Infinity here) puts the point on the finite node itself:
  // a point on a node whose value is not the level lies on such an edge, not on the line.
  const offNode = (gx: number, gy: number) => {
    const [i, j] = [gx - 0.5, gy - 0.5];
    return !Number.isInteger(i) || !Number.isInteger(j) || values[j * nx + i] === level;
  };
  const inside = ([gx, gy]: number[]) => gx > 0 && gx < nx && gy > 0 && gy < ny && Number.isFinite(gx) && Number.isFinite(gy) && offNode(gx, gy);
  const toData = (runs: number[][][]): Float64Array[] =>
    runs.filter((run) => run.length >= 2).map((run) => Float64Array.from(run.flatMap(([gx, gy]) => [xs[0] + (gx - 0.5) * dx, ys[0] + (gy - 0.5) * dy])));
  const lines: Float64Array[] = [];
  for (const polygon of coordinates) {
    for (const ring of polygon) {
      const cut = ring.findIndex((p) => !inside(p));
      if (cut < 0) {
        lines.push(...toData([ring]));
        continue;
      }
      // Start at a point outside, so every run inside is whole.
      const open = [...ring.slice(cut, -1), ...ring.slice(0, cut)];
      const runs: number[][][] = [];
      let run: number[][] = [];
      for (const p of [...open, open[0]]) {
        if (inside(p)) run.push(p);
        else if (run.length) [runs[runs.length], run] = [run, []];
      }
      lines.push(...toData(runs));
    }
  }
  return lines;
}
