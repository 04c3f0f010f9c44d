import { summaryLine, type ChartResult, type Summary } from './summary.js';

/** Where progress goes and how: stderr as a terminal (a redrawn bar) or a log (a line per chart). */
export interface ProgressOptions {
  /** Charts this run will report. */
  total: number;
  stream: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  /** Print nothing but errors. */
  quiet?: boolean;
  /** For NO_COLOR. Default process.env. */
  env?: NodeJS.ProcessEnv;
}

const BAR_WIDTH = 20;
const CLEAR_LINE = '\r\x1b[2K';
const COLORS = { red: 31, green: 32, yellow: 33, dim: 2 } as const;

/**
 * Batch progress on stderr. On a terminal, one bar line redrawn in place, with
 * failures printed above it; otherwise (CI logs) one plain line per chart:
 * `[3/12] rendered gallery/xy.png (0.21 s)`. Colour only on a terminal, and
 * never when NO_COLOR is set (https://no-color.org).
 */
export class Progress {
  private readonly tty: boolean;
  private readonly color: boolean;
  private done = 0;
  private failed = 0;
  private last = '';

  constructor(private readonly options: ProgressOptions) {
    this.tty = Boolean(options.stream.isTTY) && !options.quiet;
    const env = options.env ?? process.env;
    this.color = this.tty && !env.NO_COLOR;
  }

  /** Draws the empty bar (on a terminal). */
  start(): void {
    if (this.tty) this.redraw();
  }

  /** Reports one chart rendered, skipped or failed. */
  chart(result: ChartResult): void {
    this.done++;
    if (result.status === 'failed') this.failed++;
    this.last = result.out;
    if (this.options.quiet) return;
    if (!this.tty) {
      this.write(`[${this.done}/${this.options.total}] ${describeResult(result)}\n`);
      return;
    }
    if (result.status === 'failed') this.write(`${CLEAR_LINE}${this.paint('failed', 'red')} ${result.out}: ${result.error}\n`);
    this.redraw();
  }

  /** A message on a line of its own, kept above the bar; printed even with `quiet`. */
  note(text: string): void {
    this.write(`${this.tty ? CLEAR_LINE : ''}gradplot: ${text}\n`);
    if (this.tty) this.redraw();
  }

  /** Replaces the bar with the summary line. */
  finish(summary: Summary): void {
    if (this.tty) this.write(CLEAR_LINE);
    if (this.options.quiet) return;
    const line = summaryLine(summary);
    this.write(`${summary.failed ? this.paint(line, 'red') : summary.interrupted ? line : this.paint(line, 'green')}\n`);
  }

  private redraw(): void {
    const { total, stream } = this.options;
    const filled = total ? Math.round((BAR_WIDTH * this.done) / total) : BAR_WIDTH;
    const bar = this.paint('█'.repeat(filled), this.failed ? 'red' : 'green') + this.paint('░'.repeat(BAR_WIDTH - filled), 'dim');
    const failed = this.failed ? ` · ${this.failed} failed` : '';
    // Shorten the path from the left (the file name matters most) so the line never wraps, which would break the redraw.
    const room = (stream.columns || 80) - BAR_WIDTH - `${this.done}/${total}${failed}`.length - 3;
    const path = this.last.length <= room ? this.last : room > 1 ? '…' + this.last.slice(-(room - 1)) : '';
    this.write(`${CLEAR_LINE}${bar} ${this.done}/${total}${this.paint(failed, 'red')} ${path}`);
  }

  private paint(text: string, color: keyof typeof COLORS): string {
    return this.color && text ? `\x1b[${COLORS[color]}m${text}\x1b[0m` : text;
  }

  private write(text: string): void {
    this.options.stream.write(text);
  }
}

function describeResult(r: ChartResult): string {
  if (r.status === 'failed') return `failed ${r.out}: ${r.error}`;
  if (r.status === 'skipped') return `skipped ${r.out} (up to date)`;
  return `${r.status} ${r.out}${r.seconds === null ? '' : ` (${r.seconds.toFixed(2)} s)`}`;
}
