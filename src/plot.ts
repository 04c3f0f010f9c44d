import { compareGradients, type GradientError } from './core/check.js';
import { criticalSteps, spread, type CriticalPoint } from './core/critical.js';
import type { DescentPath } from './core/descent.js';
import type { Field } from './core/field.js';
import { numericalGradient } from './core/gradient.js';
import { stepProblem, type StepProblem } from './core/step-check.js';
import { axis } from './core/grid.js';
import { InputError } from './errors.js';
import { resolveFunction, type NamedFunction } from './functions/resolve.js';
import { sampleGrid } from './parallel/sample.js';
import { fitPaths, requestPaths, stopNotes } from './paths.js';
import { quiverSpec, type Quiver } from './render/quiver.js';
import type { PlotRequest } from './request.js';
import { LIMITS } from './util/limits.js';
import { runSteps } from './util/steps.js';

/** Everything one request computes: the function, its field, the chart, and the check. */
export interface Plot {
  request: PlotRequest;
  function: NamedFunction;
  field: Field;
  /** The chart; absent when the request only exports data. */
  quiver?: Quiver;
  /** Present when the request asked for `check`. */
  check?: GradientError;
  /** Present when the request asked for `critical`. */
  critical?: CriticalPoint[];
  /** Present when the difference step `h` is too small for the grid: the gradient is mostly rounding. */
  stepProblem?: StepProblem;
  /** Present when the request asked for `descent`: every start × optimizer. */
  paths?: DescentPath[];
  /** One line per path that stopped early. */
  pathNotes?: string[];
}

/**
 * Computes everything one request asks for (the pure part of the pipeline):
 * function → meshgrid → gradient → quiver spec. Writes nothing. Once
 * `signal` is aborted, the work stops promptly with its reason.
 */
export async function computePlot(request: PlotRequest, { chart = true, signal }: { chart?: boolean; signal?: AbortSignal } = {}): Promise<Plot> {
  const named = await resolveFunction(request.fn);
  const { fn } = named;
  checkExactGradient(request, named);
  // Paths first: a default range grows to hold them.
  const paths = request.descent.length ? requestPaths(fn, request) : undefined;
  const pathNotes = paths && stopNotes(paths, request);
  if (paths) request = fitPaths(request, paths);
  const [xs, ys] = [axis(request.xrange[0], request.xrange[1], request.xstep), axis(request.yrange[0], request.yrange[1], request.ystep)];
  signal?.throwIfAborted();
  const field = await sampleGrid(fn, named.source, xs, ys, { h: request.h, method: request.method, signal });
  const grid = field.points;
  const check = request.check ? compareGradients(grid, field.gradient, numericalGradient(fn, grid, { method: 'analytic' })) : undefined;
  const critical = request.critical ? await runSteps(criticalSteps(fn, xs, ys, field.gradient, { h: request.h }), signal) : undefined;
  // A JSON export of streamlines carries the chart's lines, spaced in the chart's pixels.
  const lines = request.streamlines !== undefined && request.format === 'json';
  const quiver = chart || lines ? chartOf(request, named, field, critical, paths) : undefined;
  const tooSmall = request.method === 'analytic' ? undefined : stepProblem([xs, ys], request.h, field);
  return { request, function: named, field, quiver, check, critical, paths, pathNotes, ...(tooSmall ? { stepProblem: tooSmall } : {}) };
}

/** Throws InputError when the request needs the function's exact gradient (`analytic`, `check`) and it has none. */
export function checkExactGradient(request: Pick<PlotRequest, 'method' | 'check'>, named: NamedFunction): void {
  if ((request.method === 'analytic' || request.check) && !named.fn.grad) {
    const why = named.noExactGradient ?? 'this function has no exact gradient';
    throw new InputError(request.method === 'analytic' ? 'method' : 'check', `needs an exact gradient, but ${why}`);
  }
}

function chartOf(request: PlotRequest, named: NamedFunction, field: Field, critical?: CriticalPoint[], paths?: DescentPath[]): Quiver {
  return quiverSpec(field, {
    title: request.title ?? (request.fn.kind === 'function' ? 'f(x0, x1)' : `f(x0, x1) = ${named.formula}`),
    subtitle: named.name,
    xrange: request.xrange,
    yrange: request.yrange,
    step: request.step,
    xstep: request.xstep,
    ystep: request.ystep,
    aspect: request.aspect,
    colormap: request.colormap,
    colorScale: request.colorScale,
    xlabel: request.xlabel,
    ylabel: request.ylabel,
    subtitleText: request.subtitle,
    arrowWidth: request.arrowWidth,
    headSize: request.headSize,
    fontSize: request.fontSize,
    transparent: request.transparent,
    magnitudeMax: request.magnitudeMax,
    fDomain: request.fDomain,
    ascent: request.ascent,
    // Tooltips only where someone can hover: the page, the spec, and the library's spec.
    tooltip: request.format === undefined || request.format === 'html' || request.format === 'vl.json',
    width: request.width,
    height: request.height,
    length: request.length,
    arrowScale: request.arrowScale,
    maxArrows: request.maxArrows,
    key: request.key,
    pivot: request.pivot,
    color: request.color,
    background: request.background,
    fn: named.fn,
    critical: critical && spread(critical, LIMITS.criticalDrawn.max),
    theme: request.theme,
    paths,
    panels: request.panels,
    streamlines: request.streamlines && { ...request.streamlines, method: request.method, h: request.h },
    arrows: request.arrows,
  });
}
