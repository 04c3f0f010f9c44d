/**
 * Every bound gradplot puts on work and output, in one table: checks read their
 * number from here (before any work starts), and the README prints the table.
 * Add a row here rather than a constant beside the check.
 */
export interface Limit {
  /** The largest value accepted. */
  readonly max?: number;
  /** The smallest value accepted, for bounds from below. */
  readonly min?: number;
  /** What is counted, for messages and the README ("grid points", "pixels per side"). */
  readonly what: string;
  /** Why this number, in a line. */
  readonly why: string;
}

export const LIMITS = {
  points: { max: 10_000_000, what: 'grid points', why: 'f and ∇f of every point are held in memory (about 40 bytes a point)' },
  expressionLength: { max: 1000, what: 'characters in an expression', why: 'compile work grows with the expression' },
  plotSide: { min: 100, what: 'pixels on a side of the plot area', why: 'below this, tick labels, arrows and legends no longer fit' },
} as const satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;
