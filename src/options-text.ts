import { OPTIMIZERS, type Optimizer } from './core/optimizers.js';
import { OPTIONS, type PlotOptions } from './options.js';

/**
 * Chart options as the command line spells them: the text of each valued
 * option (a list for a repeatable one, `--start`), `true` for a flag. The
 * explorer page keeps its state in this form, so its URL fragment and the
 * command line it shows are the same text, read by the same parsers.
 */
export type OptionsText = Partial<Record<keyof PlotOptions, string | string[] | true>>;

/** `--xrange` for `xrange`. */
export function longFlag(key: keyof PlotOptions): string {
  const spec = OPTIONS.find((o) => o.key === key);
  if (!spec) throw new Error(`longFlag: no option ${key}`);
  return /--[\w-]+/.exec(spec.flags)![0];
}

/** Typed options as command-line text, each reading back (through `parseOptions`) to the same value. */
export function optionsText(options: PlotOptions): OptionsText {
  const text: OptionsText = {};
  for (const [key, value] of Object.entries(options) as [keyof PlotOptions, unknown][]) {
    if (value === undefined || value === false) continue;
    if (value === true) text[key] = true;
    else if (key === 'descent') text.descent = (value as Optimizer[]).map(optimizerText).join(',');
    else if (key === 'start') text.start = (value as [number, number][]).map((p) => p.join(','));
    else text[key] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return text;
}

// `adam:0.3:beta1=0.8`: the learning rate, then the hyperparameters that differ from the book's defaults.
function optimizerText({ optimizer, lr, params }: Optimizer): string {
  const defaults = OPTIMIZERS[optimizer].params;
  const changed = Object.entries(params).filter(([k, v]) => v !== defaults[k as keyof typeof defaults]);
  return [optimizer, String(lr), ...changed.map(([k, v]) => `${k}=${v}`)].join(':');
}

/**
 * The command that draws these options into `out`, in the order of `--help`,
 * quoted for a POSIX shell: `gradplot --expr 'sin(x0*x1)' --range -3,3 -o f.png`.
 * Equal x0 and x1 ranges are written once, as `--range`.
 */
export function commandLine(text: OptionsText, out: string): string {
  const { xrange, yrange } = text;
  const both = typeof xrange === 'string' && xrange === yrange && text.range === undefined;
  const given: OptionsText = both ? { ...text, range: xrange, xrange: undefined, yrange: undefined } : text;
  const words = ['gradplot'];
  for (const { key } of OPTIONS) {
    const value = given[key];
    if (value === undefined || key === 'out') continue;
    if (value === true) words.push(longFlag(key));
    else for (const item of [value].flat()) words.push(longFlag(key), shellQuote(item));
  }
  return [...words, '-o', shellQuote(out)].join(' ');
}

/** A word for a POSIX shell: as it is when it holds no character a shell treats specially, else in single quotes. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
