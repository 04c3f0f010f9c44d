import { descentBox, descentPath, growRange, pathsExtent, type DescentPath } from './core/descent.js';
import { axisLength } from './core/grid.js';
import { describeOptimizer } from './core/optimizers.js';
import type { ScalarFunction } from './functions/types.js';
import type { PlotRequest } from './request.js';
import { LIMITS } from './util/limits.js';

/**
 * Every descent path of a request, starts in order and each start's
 * optimizers in order (`path` 1, 2, … of the CSV), over the chart's own
 * gradient (its method and h). The box a path must stay in is the request's
 * ranges', as given or by default.
 */
export function requestPaths(fn: ScalarFunction, request: PlotRequest): DescentPath[] {
  const { xrange, yrange, iterations, method, h } = request;
  return request.starts.flatMap((start) =>
    request.descent.map((optimizer) => descentPath(fn, start, optimizer, { iterations, gradient: { method, h }, xrange, yrange })),
  );
}

/**
 * The request with its default ranges grown by whole steps to hold the paths
 * (given ranges are kept; the chart's axes widen to show the paths instead).
 * A growth past the grid's point limit is not made either.
 */
export function fitPaths(request: PlotRequest, paths: DescentPath[]): PlotRequest {
  const extent = pathsExtent(paths);
  if (!extent) return request;
  const [xrange, yrange] = [0, 1].map((axis) => (request.autoRange[axis] ? growRange([request.xrange, request.yrange][axis], request.step, extent[axis]) : [request.xrange, request.yrange][axis]));
  const [nx, ny] = [axisLength(xrange[0], xrange[1], request.step), axisLength(yrange[0], yrange[1], request.step)];
  if (nx * ny > LIMITS.points.max) return request;
  return { ...request, xrange, yrange, nx, ny };
}

/** One line per path that stopped early: which path, where, and why; `request` has the ranges the paths were walked in. */
export function stopNotes(paths: DescentPath[], request: Pick<PlotRequest, 'xrange' | 'yrange'>): string[] {
  const at = (v: number) => String(+v.toPrecision(6));
  const [[xlo, xhi], [ylo, yhi]] = descentBox(request);
  return paths.flatMap((path, i) => {
    if (!path.stopped) return [];
    const last = path.count - 1;
    const [x0, x1, f, g0, g1] = [path.points[2 * last], path.points[2 * last + 1], path.f[last], path.gradient[2 * last], path.gradient[2 * last + 1]];
    const why =
      path.stopped === 'left-box'
        ? `its next point leaves the box [${xlo}, ${xhi}] × [${ylo}, ${yhi}] (10× the range around its centre)`
        : Number.isFinite(f + g0 + g1)
          ? 'its next point is not finite'
          : 'f or ∇f is not finite there';
    return [`path ${i + 1} (${describeOptimizer(path.optimizer)} from (${path.start.join(', ')})) stopped after ${last} updates at (${at(x0)}, ${at(x1)}): ${why}`];
  });
}
