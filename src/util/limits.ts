/**
 * Every bound gradplot puts on work and output, in one table: checks read their
 * number from here (before any work starts), and the README prints the table.
 * Add a row here rather than a constant beside the check.
 */
export interface Limit {
  /** The largest value accepted. */
  readonly max: number;
  /** The smallest value accepted, where there is one. */
  readonly min?: number;
  /** What is counted, for messages and the README ("grid points", "pixels per side"). */
  readonly what: string;
  /** Why this number, in a line. */
  readonly why: string;
}

export const LIMITS = {
  points: { max: 10_000_000, what: 'grid points', why: 'f and ∇f of every point are held in memory (about 40 bytes a point)' },
  expressionLength: { max: 1000, what: 'characters in an expression', why: 'compile work grows with the expression' },
  pixelsPerSide: { max: 32_767, what: 'pixels per side of a chart', why: "Cairo's largest surface; past it a PNG comes out empty" },
  pixels: { max: 100_000_000, what: 'pixels in a PNG', why: 'the picture is held in memory, 4 bytes a pixel' },
  plotSide: { min: 100, max: 32_767, what: 'pixels per side of the plot area (--width, --height)', why: 'below 100, tick labels, arrows and legends no longer fit' },
  arrows: { max: 100_000, what: 'arrows in a chart (--max-arrows)', why: 'each arrow is marks that Vega lays out and draws one by one' },
  pathPoints: { max: 20_000, what: 'path updates (starts × optimizers × iterations)', why: 'every point of every path is drawn as a marker and kept with f and ∇f' },
  derivativeNodes: {
    max: 10_000,
    what: 'nodes in the exact gradient of an expression',
    why: 'some gradients (of `x*x*…*x`, `x^x^…^x`) grow with the square of the expression; beyond it there is none: --method analytic and --check are refused, --critical uses differences',
  },
  criticalDrawn: { max: 1000, what: 'critical points marked on a chart', why: 'more markers hide the arrows; the rest are spread out evenly, all of them are in the JSON export' },
  criticalListed: { max: 20, what: 'critical points listed on stderr', why: 'a count and the first ones are readable; the JSON export has all of them' },
  cacheBytes: { max: 16 * 1024 * 1024, what: 'bytes in a folder\'s .gradplot-cache.json', why: 'it is read whole; a larger one is ignored with a warning and written anew (about 80,000 outputs fit)' },
  jobsPerCore: { max: 1, what: 'batch threads (--jobs) per core', why: 'more threads only share the cores, each holding its own chart in memory' },
  streamlineDensity: { max: 100, what: 'streamlines across the longer side (--density)', why: 'lines closer than about 5 pixels merge into a grey area' },
  streamStarts: { max: 1000, what: 'seed points (--stream-start)', why: 'each seed traces a line; more would not be told apart' },
  streamlines: { max: 20_000, what: 'streamlines in a chart', why: 'each line is a path in the picture; placement stops adding lines here' },
  streamlinePoints: { max: 100_000, what: 'points on one streamline', why: 'a line that long is a numerical runaway; it ends there' },
  explorerPoints: { max: 1_000_000, what: 'grid points in the explorer page', why: 'the page computes the field again as you type, on one thread' },
} as const satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;
