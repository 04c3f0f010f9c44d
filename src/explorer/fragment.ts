import { OPTIONS, type PlotOptions } from '../options.js';
import { longFlag, type OptionsText } from '../options-text.js';

/** The page's state as a URL fragment, one parameter per option named as its long flag: `expr=sin(x0*x1)&start=1,2&start=0,1`. */
export function fragmentOf(text: OptionsText): string {
  const params = new URLSearchParams();
  for (const { key } of OPTIONS) {
    const value = text[key];
    if (value === undefined) continue;
    for (const item of [value].flat()) params.append(longFlag(key).slice(2), item === true ? '' : item);
  }
  return params.toString();
}

/** The state a fragment holds (with or without its `#`); names that are no option are left out. */
export function textOfFragment(fragment: string): OptionsText {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const text: OptionsText = {};
  for (const { key, repeatable, schema } of OPTIONS) {
    const values = params.getAll(longFlag(key).slice(2));
    if (values.length === 0) continue;
    text[key as keyof PlotOptions] = schema.type === 'boolean' ? true : repeatable ? values : values[values.length - 1];
  }
  return text;
}
