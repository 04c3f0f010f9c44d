import type { MathNode } from 'mathjs';
import type { Mathjs } from '../mathjs.js';
import { ExpressionError } from './error.js';
import { columnAt } from './tokens.js';

/** The mathjs tree of `source`, or an ExpressionError at mathjs's column. */
export function parse(m: Mathjs, source: string): MathNode {
  // Surrounding space and a final line break are no second expression
  const start = source.length - source.trimStart().length;
  try {
    return m.parse(source.trim());
  } catch (error) {
    // mathjs parses by recursive descent: some 300 nested parentheses overflow the stack
    if (error instanceof RangeError) throw new ExpressionError(source, 1, 'expression is nested too deeply');
    const { message, char } = error as { message?: unknown; char?: unknown };
    const at = typeof char === 'number' ? start + char - 1 : undefined;
    const column = at === undefined ? 1 : columnAt(source, at);
    const text = String(message).replace(/ \(char \d+\)$/, '');
    // mathjs points at the start of a number whose exponent has no digits: point after the exponent.
    const exponent = /^Digit expected/.test(text) && /(?:\d+\.?\d*|\.\d+)e[+-]?/iy;
    if (exponent && at !== undefined) {
      exponent.lastIndex = at;
      const match = exponent.exec(source);
      const after = match && columnAt(source, match.index + match[0].length);
      if (after) throw new ExpressionError(source, after, `digit expected after the exponent at column ${after}`);
    }
    const unexpected = /^Syntax error in part "(.)/su.exec(text);
    const what = unexpected
      ? `unexpected character ${JSON.stringify(unexpected[1])}`
      : text.charAt(0).toLowerCase() + text.slice(1).replace(/[\r\n\t]/g, (c) => JSON.stringify(c).slice(1, -1));
    // Python's power operator, as the book's readers type it.
    const hint = source.includes('**') ? '; use ^ for powers (x0^2), not **' : '';
    throw new ExpressionError(source, column, `${what} at column ${column}${hint}`);
  }
}
