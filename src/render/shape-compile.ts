import type { TopLevelSpec } from 'vega-lite';
import { twinOf, withVegaTwin, type VegaTwin } from './vega-twin.js';

/** Compiles a Vega-Lite spec to plain data: a Vega spec, or Vega's runtime (vega.parse of one). */
export type Compile = (spec: TopLevelSpec) => object;

/** Shapes kept per thread, at most: a batch draws few shapes, a long-lived library user may draw many. */
const KEPT = 32;

/** Per shape: the compiled spec with placeholders, as JSON; null when it must be compiled in full; SEEN_ONCE before. */
const compiled = new Map<string, string | null | typeof SEEN_ONCE>();
const SEEN_ONCE = 1;

/**
 * Compiles `spec` as `compile` does, but once per shape: charts of one batch
 * differ in their inline data, title text and scale domains, which the
 * compilers copy through without reading, so the spec is compiled with
 * placeholders in their stead and each chart's own values are put back in
 * the result (a title also in the code Vega generates to draw it). A shape is
 * compiled so from its second chart on, and that chart is compiled in full as
 * well and the two results compared: a shape whose values the compiler does
 * read (the results differ) is compiled in full every time.
 */
export function compileByShape(spec: TopLevelSpec, compile: Compile): object {
  const { shape, slots, twins } = placeholders(spec);
  const key = JSON.stringify([shape, twins]);
  const skeleton = compiled.get(key);
  if (typeof skeleton === 'string') return fill(skeleton, slots);
  const full = compile(spec);
  if (skeleton === undefined) {
    if (compiled.size >= KEPT) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, SEEN_ONCE);
  } else if (skeleton === SEEN_ONCE) {
    const made = JSON.stringify(compile(shape as TopLevelSpec));
    compiled.set(key, JSON.stringify(fill(made, slots)) === JSON.stringify(full) ? made : null);
  }
  return full;
}

// A placeholder string is the slot's number after a character no title holds; a placeholder number is
// far from any domain a chart has, and of the same sign as the value it stands for.
const TAG = '\u0000slot:';
const NUMBER_BASE = 7.3e292;
const SLOT_STEP = 1e280;

/**
 * The spec with placeholders for its inline data, title text and numeric
 * scale domains, and the values they stand for. A layer with a Vega twin
 * (vega-twin.ts) keeps one, its data in placeholders too; the twins are part
 * of the shape.
 */
function placeholders(spec: TopLevelSpec): { shape: unknown; slots: unknown[]; twins: VegaTwin[] } {
  const slots: unknown[] = [];
  const twins: VegaTwin[] = [];
  const slot = (value: unknown) => {
    // Equal data gives equal placeholders: the compiler merges data sources with equal values.
    const same = slots.findIndex((s) => s === value || (Array.isArray(s) && Array.isArray(value) && s.length === value.length && JSON.stringify(s) === JSON.stringify(value)));
    return same >= 0 ? same : slots.push(value) - 1;
  };
  // A title of several lines stays in the shape: the compiler splits it.
  const text = (value: unknown) => (typeof value === 'string' && !value.includes('\n') ? `${TAG}${slot(value)}` : value);
  const number = (value: number) => Math.sign(value) * (NUMBER_BASE + slot(value) * SLOT_STEP);
  const walk = (node: unknown, key: string | undefined, depth: number): unknown => {
    if (Array.isArray(node)) return node.map((item) => walk(item, undefined, depth + 1));
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === 'values' && key === 'data' && Array.isArray(v) && v.length > 0) out[k] = [{ [TAG]: slot(v) }];
      else if (k === 'domain' && key === 'scale' && Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x) && x !== 0)) out[k] = v.map(number);
      else if (depth === 0 && k === 'title') out[k] = typeof v === 'object' && v !== null && !Array.isArray(v) ? titleShape(v as Record<string, unknown>, text) : text(v);
      else out[k] = walk(v, k, depth + 1);
    }
    const twin = twinOf(node);
    if (twin) {
      // The twin's data are the layer's own arrays, so they get the layer's slots.
      const shaped: VegaTwin = { data: twin.data.map((d) => (Array.isArray(d.values) && d.values.length > 0 ? { ...d, values: [{ [TAG]: slot(d.values) }] } : d)), marks: twin.marks };
      withVegaTwin(out, shaped);
      twins.push(shaped);
    }
    return out;
  };
  return { shape: walk(spec, undefined, 0), slots, twins };
}

function titleShape(title: Record<string, unknown>, text: (value: unknown) => unknown): Record<string, unknown> {
  const shape = { ...title };
  if ('text' in shape) shape.text = text(shape.text);
  if ('subtitle' in shape) shape.subtitle = text(shape.subtitle);
  return shape;
}

// A placeholder string as a string literal in code that Vega generates (a title's text in its encoder).
const IN_CODE = /"\\u0000slot:(\d+)"/g;

/** The compiled spec with each placeholder replaced by the value it stands for. */
function fill(skeleton: string, slots: unknown[]): object {
  return JSON.parse(skeleton, (_, value: unknown) => {
    if (typeof value === 'string') {
      if (value.startsWith(TAG)) return slots[Number(value.slice(TAG.length))];
      return value.includes('\\u0000slot:') ? value.replace(IN_CODE, (...[, slot]: string[]) => codeString(slots[Number(slot)])) : value;
    }
    if (typeof value === 'number') return Math.abs(value) >= NUMBER_BASE ? slots[Math.round((Math.abs(value) - NUMBER_BASE) / SLOT_STEP)] : value;
    if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'object' && value[0] !== null && TAG in value[0]) return slots[(value[0] as Record<string, number>)[TAG]];
    return value;
  }) as object;
}

/** A value as a literal in Vega's generated code, as Vega writes one (vega-util's stringValue). */
function codeString(value: unknown): string {
  return JSON.stringify(value).replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029');
}
