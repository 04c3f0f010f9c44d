/**
 * Every bound gradplot puts on work and output, in one table: checks read their
 * number from here (before any work starts), and the README prints the table.
 * Add a row here rather than a constant beside the check.
 */
export interface Limit {
  /** The largest value accepted. */
  readonly max: number;
  /** What is counted, for messages and the README ("grid points", "pixels per side"). */
  readonly what: string;
  /** Why this number, in a line. */
  readonly why: string;
}

export const LIMITS = {
  points: { max: 10_000_000, what: 'grid points', why: 'f and ∇f of every point are held in memory (about 40 bytes a point)' },
  expressionLength: { max: 1000, what: 'characters in an expression', why: 'compile work grows with the expression' },
  pathPoints: { max: 20_000, what: 'path updates (starts × optimizers × iterations)', why: 'every point of every path is drawn as a marker and kept with f and ∇f' },
  explorerPoints: { max: 1_000_000, what: 'grid points in the explorer page', why: 'the page computes the field again as you type, on one thread' },
} as const satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;
