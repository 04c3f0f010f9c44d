/** A scalar function of `dim` variables, evaluated on one point at a time. */
export interface ScalarFunction {
  /** Number of variables. */
  readonly dim: number;
  /** f(x); `x` holds `dim` numbers and is reused by the caller, so do not keep it. */
  readonly f: (x: Float64Array) => number;
  /** Exact gradient, when known: writes ∇f(x) into `out` (length `dim`). */
  readonly grad?: (x: Float64Array, out: Float64Array) => void;
}

/** An axis range `[min, max]` with `min < max`. */
export type Range = readonly [number, number];

/** A built-in function of two variables with its formula and exact gradient. */
export interface BuiltinFunction extends ScalarFunction {
  readonly dim: 2;
  readonly grad: (x: Float64Array, out: Float64Array) => void;
  /** Name used by `--fn`. */
  readonly name: string;
  /** Other accepted names (the book's `function_2` for `sum_sq`). */
  readonly aliases: readonly string[];
  /** The formula in `--expr` syntax, e.g. `x0^2 + x1^2`: what titles and `gradplot list` show, and what `--expr` takes for the same function. */
  readonly formula: string;
  /** Where it comes from, for `gradplot list`. */
  readonly note?: string;
  /** Range used when the user gives none: x0 then x1. */
  readonly range: readonly [Range, Range];
  /** Grid spacing used when the user gives neither a step nor a range. */
  readonly step: number;
  /** Where descent paths start when the user gives no start (the book's, for the book's functions). */
  readonly start: readonly [number, number];
}

/** Generated JavaScript: the body of `f(x)`, and of `grad(x, out)` when there is one. */
export interface ExpressionCode {
  readonly f: string;
  readonly grad?: string;
}
