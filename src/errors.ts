/** Where an option came in: its name is spelt `--arrow-scale` on the command line, `arrowScale` in the library. */
export type Door = 'cli' | 'library';

/** An option's name as a door spells it: `--arrow-scale` for the key `arrowScale` on the command line. */
export function optionName(key: string, door: Door): string {
  return door === 'cli' ? `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : key;
}

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

  constructor(key: string, detail: string, context?: string, door: Door = 'cli') {
    super(key ? `${optionName(key, door)}: ${detail}` : detail);
    this.name = 'InputError';
    this.key = key;
    this.detail = detail;
    this.context = context;
  }

  /** The same error with the option's name spelt as `door` spells it. */
  for(door: Door): InputError {
    return new InputError(this.key, this.detail, this.context, door);
  }
}
