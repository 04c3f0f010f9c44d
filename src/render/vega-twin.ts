import type { TopLevelSpec } from 'vega-lite';

/** What draws a Vega-Lite layer in Vega: its data sets and marks, the marks reading the data sets by name. */
export interface VegaTwin {
  data: Record<string, unknown>[];
  marks: Record<string, unknown>[];
}

/** A Vega spec, as far as adding data and marks to it goes. */
interface VegaSpec {
  data?: Record<string, unknown>[];
  marks?: Record<string, unknown>[];
}

const twins = new WeakMap<object, VegaTwin>();

/**
 * Notes that `layer` draws exactly as `twin` in Vega. Only for a layer placed in
 * pixels, with no scale, axis or legend, which the rest of the chart does not
 * depend on: `compileChart` then adds the twin instead of compiling the layer.
 */
export function withVegaTwin<T extends object>(layer: T, twin: VegaTwin): T {
  twins.set(layer, twin);
  return layer;
}

/** The Vega twin of `layer`, if it has one. */
export function twinOf(layer: object): VegaTwin | undefined {
  return twins.get(layer);
}

/**
 * Compiles a Vega-Lite chart to Vega. Its last top-level layers that have a
 * Vega twin are not compiled: their twins' data and marks go after the rest,
 * where Vega-Lite would put them, so the picture is the same. Vega-Lite's
 * work grows with each layer (its scales, axes, legends and dataflow are
 * worked out per layer), and a twin needs none of it. A spec read back from
 * JSON has no twins and is compiled whole.
 */
export function compileChart<S extends object>(compile: (spec: TopLevelSpec) => { spec: S }, spec: TopLevelSpec): S {
  const layers = (spec as { layer?: unknown }).layer;
  if (!Array.isArray(layers)) return compile(spec).spec;
  let first = layers.length;
  while (first > 1 && twins.has(layers[first - 1])) first--;
  if (first === layers.length) return compile(spec).spec;
  const out = compile({ ...spec, layer: layers.slice(0, first) } as TopLevelSpec).spec;
  const compiled = out as VegaSpec;
  for (const layer of layers.slice(first)) {
    const { data, marks } = twins.get(layer)!;
    compiled.data = [...(compiled.data ?? []), ...data];
    compiled.marks = [...(compiled.marks ?? []), ...marks];
  }
  return out;
}
