/**
 * Vega's expression code generator (vega-runtime's), with each function it
 * makes from code kept and reused by every later view on this thread: charts
 * of one batch run the same expressions, so each is compiled once, and the
 * functions drawing runs over and over (encoders, accessors) keep what the
 * JIT learnt of them from one chart to the next.
 */

/** A function made from code, not yet bound to a view's context. */
type Made = (...args: unknown[]) => unknown;
type Make = (ctx: unknown, input: unknown) => Made;

/** What a View takes as its `expr` option: vega-runtime's `expressionCodegen`. */
export interface ExpressionCodegen {
  operator: Make;
  parameter: Make;
  event: Make;
  handler: Make;
  encode: Make;
  codegen: {
    get: (path: string[]) => Made;
    comparator: (fields: { path?: string }[], orders: number[]) => Made;
  };
}

/** Functions kept per thread, at most: a long-lived process drawing ever new charts starts afresh then. */
const KEPT = 20_000;

const made = new Map<string, Made>();

/** The function `key` names, made by `make` the first time. */
function reuse(key: string, make: () => Made): Made {
  let fn = made.get(key);
  if (!fn) {
    if (made.size >= KEPT) made.clear();
    made.set(key, (fn = make()));
  }
  return fn;
}

let codegen: ExpressionCodegen | undefined;

/**
 * The code generator for `new vega.View(runtime, { expr })`. Vega binds each
 * function to the view's own function context; made with no context, a
 * function is unbound and can be bound to each view's in turn.
 */
export function reusedExpressions(vega: unknown): ExpressionCodegen {
  if (codegen) return codegen;
  // A runtime context made with no code generator holds Vega's own (runtimeContext is exported, untyped).
  const { runtimeContext } = vega as { runtimeContext: (dataflow: unknown, transforms: unknown) => { expr: ExpressionCodegen } };
  const own = runtimeContext({ events: () => undefined }, {}).expr;
  const bindTo = (ctx: unknown, fn: Made) => {
    const functions = (ctx as { functions?: object } | null)?.functions;
    return functions ? fn.bind(functions) : fn;
  };
  const byCode = (kind: 'operator' | 'parameter' | 'event' | 'handler'): Make => (ctx, expr) => bindTo(ctx, reuse(`${kind}\u0000${(expr as { code: string }).code}`, () => own[kind](null, expr)));
  codegen = {
    operator: byCode('operator'),
    parameter: byCode('parameter'),
    event: byCode('event'),
    handler: byCode('handler'),
    encode: (ctx, encode) => bindTo(ctx, reuse(`encode\u0000${JSON.stringify(encode)}`, () => own.encode(null, encode))),
    codegen: {
      get: (path) => reuse(`get\u0000${JSON.stringify(path)}`, () => own.codegen.get(path)),
      // A comparator of fields without a path is bound to those fields' own functions: made afresh.
      comparator: (fields, orders) =>
        fields.every((f) => typeof f.path === 'string')
          ? reuse(`comparator\u0000${JSON.stringify([fields.map((f) => f.path), orders])}`, () => own.codegen.comparator(fields, orders))
          : own.codegen.comparator(fields, orders),
    },
  };
  return codegen;
}
