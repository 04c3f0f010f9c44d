/** Characters of an expression shown above the caret. */
const POINTER_WIDTH = 100;

/** A rejected expression: a one-line message and the column it is about. */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  /** The expression as the user gave it. */
  readonly expression: string;
  /** 1-based column of the offending place in `expression`. */
  readonly column: number;

  constructor(expression: string, column: number, message: string) {
    super(message);
    this.expression = expression;
    this.column = column;
  }

  /**
   * Two lines for stderr: the expression, then a caret under `column`.
   * @example '  sinn(x0)\n  ^'
   */
  pointer(): string {
    // Tabs and line breaks would move the caret off its character
    const chars = Array.from(this.expression.replace(/[\t\r\n]/g, ' '));
    // A long expression is shown around its column, not whole (it may be megabytes).
    const from = Math.max(0, Math.min(this.column - 1 - POINTER_WIDTH / 2, chars.length - POINTER_WIDTH));
    const to = Math.min(chars.length, from + POINTER_WIDTH);
    const line = `${from > 0 ? '…' : ''}${chars.slice(from, to).join('')}${to < chars.length ? '…' : ''}`;
    return `  ${line}\n  ${' '.repeat(this.column - 1 - from + (from > 0 ? 1 : 0))}^`;
  }
}
