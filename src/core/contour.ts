/**
 * Contour lines of a function sampled on a grid, by marching squares with
 * linear interpolation along cell edges (d3-contour's method, written out here
 * because d3-contour is not among the dependencies and this needs only lines).
 *
 * `values` holds f at the rows of `meshgrid(xs, ys)`: x varies fastest. Each
 * line is a flat `[x, y, x, y, …]` in data units; a closed line repeats its
 * first point at the end. Cells with a value that is not finite draw nothing.
 */
export function isolines(xs: Float64Array, ys: Float64Array, values: Float64Array, level: number): Float64Array[] {
  const [nx, ny] = [xs.length, ys.length];
  // Every crossing lies on one grid edge: horizontal edges first, then vertical ones.
  const horizontal = (i: number, j: number) => j * (nx - 1) + i;
  const vertical = (i: number, j: number) => (nx - 1) * ny + j * nx + i;
  const at = new Map<number, [number, number]>();
  const links = new Map<number, number[]>();
  const point = (edge: number): void => {
    if (at.has(edge)) return;
    const h = edge < (nx - 1) * ny;
    const k = h ? edge : edge - (nx - 1) * ny;
    const [i, j] = h ? [k % (nx - 1), Math.floor(k / (nx - 1))] : [k % nx, Math.floor(k / nx)];
    const [i2, j2] = h ? [i + 1, j] : [i, j + 1];
    const [a, b] = [values[j * nx + i], values[j2 * nx + i2]];
    const t = (level - a) / (b - a);
    at.set(edge, [xs[i] + t * (xs[i2] - xs[i]), ys[j] + t * (ys[j2] - ys[j])]);
  };
  const link = (e1: number, e2: number): void => {
    point(e1);
    point(e2);
    for (const [p, q] of [[e1, e2], [e2, e1]]) {
      const list = links.get(p);
      if (list) list.push(q);
      else links.set(p, [q]);
    }
  };
  for (let j = 0; j + 1 < ny; j++) {
    for (let i = 0; i + 1 < nx; i++) {
      const [bl, br, tr, tl] = [values[j * nx + i], values[j * nx + i + 1], values[(j + 1) * nx + i + 1], values[(j + 1) * nx + i]];
      if (!(Number.isFinite(bl) && Number.isFinite(br) && Number.isFinite(tr) && Number.isFinite(tl))) continue;
      const c = (bl >= level ? 1 : 0) | (br >= level ? 2 : 0) | (tr >= level ? 4 : 0) | (tl >= level ? 8 : 0);
      const edges = { B: horizontal(i, j), T: horizontal(i, j + 1), L: vertical(i, j), R: vertical(i + 1, j) };
      // In the two saddle cases the mean of the corners decides which pair of corners is joined.
      const centreIn = (bl + br + tr + tl) / 4 >= level;
      for (const [p, q] of SEGMENTS[c](centreIn)) link(edges[p], edges[q]);
    }
  }
  return chain(links, at);
}

type Edge = 'B' | 'R' | 'T' | 'L';
const none = (): [Edge, Edge][] => [];
// Segments per case, bits bl=1 br=2 tr=4 tl=8 set where the value is ≥ the level.
const SEGMENTS: ((centreIn: boolean) => [Edge, Edge][])[] = [
  none,
  () => [['L', 'B']],
  () => [['B', 'R']],
  () => [['L', 'R']],
  () => [['R', 'T']],
  (inside) => (inside ? [['B', 'R'], ['T', 'L']] : [['L', 'B'], ['R', 'T']]),
  () => [['B', 'T']],
  () => [['L', 'T']],
  () => [['T', 'L']],
  () => [['B', 'T']],
  (inside) => (inside ? [['L', 'B'], ['R', 'T']] : [['B', 'R'], ['T', 'L']]),
  () => [['R', 'T']],
  () => [['L', 'R']],
  () => [['B', 'R']],
  () => [['L', 'B']],
  none,
];

// Joins segments that share an edge point into lines: open ones from their ends first, then loops.
function chain(links: Map<number, number[]>, at: Map<number, [number, number]>): Float64Array[] {
  const used = new Set<number>();
  const lines: Float64Array[] = [];
  const walk = (start: number): void => {
    const coords: number[] = [...at.get(start)!];
    used.add(start);
    let [prev, current] = [-1, start];
    for (;;) {
      const next = links.get(current)!.find((e) => e !== prev && !used.has(e));
      if (next === undefined) {
        // A loop closes back on its start.
        if (links.get(current)!.includes(start) && prev !== start && coords.length > 4) coords.push(...at.get(start)!);
        break;
      }
      coords.push(...at.get(next)!);
      used.add(next);
      [prev, current] = [current, next];
    }
    lines.push(Float64Array.from(coords));
  };
  for (const [edge, list] of links) if (list.length === 1 && !used.has(edge)) walk(edge);
  for (const edge of links.keys()) if (!used.has(edge)) walk(edge);
  return lines;
}
