import { ExpressionError } from './error.js';
import type { Token } from './tokens.js';

/** Where a node of the tree was written, found from the tokens, so that a refusal names its column. */
export class Places {
  private readonly uses = new Map<string, number>();

  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
  ) {}

  /** Column of the next use of `name`; names are asked for in the order they are written. */
  nextName(name: string): number {
    const n = (this.uses.get(name) ?? 0) + 1;
    this.uses.set(name, n);
    return this.tokens.filter((t) => t.kind === 'name' && t.text === name)[n - 1]?.column ?? 1;
  }

  /** Column of the first token that passes `test`, else 1. */
  first(test: (t: Token) => boolean): number {
    return this.tokens.find(test)?.column ?? 1;
  }

  /** Column of the first of `texts` outside a string, else 1. */
  ofText(...texts: string[]): number {
    return this.first((t) => t.kind !== 'string' && texts.includes(t.text));
  }

  /** The text of the token at `column`, if one starts there. */
  textAt(column: number): string | undefined {
    return this.tokens.find((t) => t.column === column)?.text;
  }

  /** The error `<what> at column <column><hint>`. */
  error(what: string, column: number, hint = ''): ExpressionError {
    return new ExpressionError(this.source, column, `${what} at column ${column}${hint}`);
  }

  /** The error for an operator outside + - * / ^. */
  operator(op: string, column: number): ExpressionError {
    return this.error(`operator "${op}" is not allowed`, column, '; use + - * / ^');
  }
}
