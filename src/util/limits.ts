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
  streamlineDensity: { max: 100, what: 'streamlines across the longer side (--density)', why: 'lines closer than about 5 pixels merge into a grey area' },
  streamStarts: { max: 1000, what: 'seed points (--stream-start)', why: 'each seed traces a line; more would not be told apart' },
  streamlines: { max: 20_000, what: 'streamlines in a chart', why: 'each line is a path in the picture; placement stops adding lines here' },
  streamlinePoints: { max: 100_000, what: 'points on one streamline', why: 'a line that long is a numerical runaway; it ends there' },
} as const satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;
