import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { criticalPoints } from '../../src/core/critical.js';
import { sampleField } from '../../src/core/field.js';
import { axis, meshgrid } from '../../src/core/grid.js';
import { findBuiltin } from '../../src/functions/builtins.js';
import { quiverSpec, type ChartOptions } from '../../src/render/quiver.js';

/** A built-in's chart on [min, max]² with `step`, with chart options; `critical` marks its critical points. */
export function chart(name: string, options: Partial<ChartOptions> & { withCritical?: boolean } = {}, [min, max] = [-2, 2], step = 0.25) {
  const fn = findBuiltin(name)!;
  const [xs, ys] = [axis(min, max, step), axis(min, max, step)];
  const field = sampleField(fn, meshgrid(xs, ys));
  const { withCritical, ...rest } = options;
  const critical = withCritical ? criticalPoints(fn, xs, ys, field.gradient) : undefined;
  const quiver = quiverSpec(field, { title: name, xrange: [min, max], yrange: [min, max], step, fn, critical, ...rest });
  return { field, critical, ...quiver };
}

export type Layer = {
  data?: { values: Record<string, unknown>[] };
  mark: { type: string; color?: string };
  layer?: Layer[];
  encoding: Record<string, { field?: string; value?: unknown; scale?: Record<string, unknown>; legend?: Record<string, unknown> | null; title?: string }>;
};

export const layers = (spec: TopLevelSpec) => (spec as unknown as { layer: Layer[] }).layer;

/** Compiles with Vega-Lite and returns the Vega spec with every warning Vega-Lite gave. */
export function compiled(spec: TopLevelSpec) {
  const warnings: unknown[] = [];
  const logger = {
    level() {
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
    warn(...args: unknown[]) {
      warnings.push(args);
      return logger;
    },
    error(...args: unknown[]) {
      warnings.push(args);
      return logger;
    },
  };
  const vega = compile(spec, { logger: logger as never }).spec as unknown as { legends?: Record<string, unknown>[]; scales: Record<string, unknown>[] };
  return { vega, warnings };
}
