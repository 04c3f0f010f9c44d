import { compareGradients, type GradientError } from './core/check.js';
import { criticalPoints, type CriticalPoint } from './core/critical.js';
import type { Field } from './core/field.js';
import { numericalGradient } from './core/gradient.js';
import { axis } from './core/grid.js';
import { InputError } from './errors.js';
import { resolveFunction, type NamedFunction } from './functions/resolve.js';
import { sampleGrid } from './parallel/sample.js';
import { quiverSpec, type Quiver } from './render/quiver.js';
import type { PlotRequest } from './request.js';

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
}

/**
 * Runs the pure part of the pipeline for one request:
 * function → meshgrid → gradient → quiver spec. Writes nothing.
 */
export async function plot(request: PlotRequest, { chart = true }: { chart?: boolean } = {}): Promise<Plot> {
  const named = await resolveFunction(request.fn);
  const { fn } = named;
  const needsExact = request.method === 'analytic' || request.check;
  if (needsExact && !fn.grad) {
    const why = named.noExactGradient ?? 'this function has no exact gradient';
    throw new InputError(request.method === 'analytic' ? 'method' : 'check', `needs an exact gradient, but ${why}`);
  }
  const [xs, ys] = [axis(request.xrange[0], request.xrange[1], request.xstep), axis(request.yrange[0], request.yrange[1], request.ystep)];
  const field = await sampleGrid(fn, named.source, xs, ys, { h: request.h, method: request.method });
  const grid = field.points;
  const check = request.check ? compareGradients(grid, field.gradient, numericalGradient(fn, grid, { method: 'analytic' })) : undefined;
  const critical = request.critical ? criticalPoints(fn, xs, ys, field.gradient, { h: request.h }) : undefined;
  const quiver = chart ? chartOf(request, named, field, critical) : undefined;
  return { request, function: named, field, quiver, check, critical };
}

function chartOf(request: PlotRequest, named: NamedFunction, field: Field, critical?: CriticalPoint[]): Quiver {
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
    critical,
    theme: request.theme,
  });
}
