/**
 * Bad input: an option, an expression or a manifest entry that cannot be used.
 * The CLI prints `where: message` and exits 2; nothing has been written.
 */
export class InputError extends Error {
  /** What was wrong, without the place: `expected min,max with min < max, got "2,-2"`. */
  readonly detail: string;
  /** The option or manifest key, e.g. `range`; empty when the input as a whole is wrong. */
  readonly key: string;
  /** More lines to show under the message (an expression with a caret under the bad place). */
  readonly context?: string;

  constructor(key: string, detail: string, context?: string) {
    // The key as the command line spells it: streamStart is --stream-start.
    super(key ? `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${detail}` : detail);
    this.name = 'InputError';
    this.key = key;
    this.detail = detail;
    this.context = context;
  }
}
