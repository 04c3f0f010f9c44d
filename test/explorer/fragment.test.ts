import { describe, expect, it } from 'vitest';
import { fragmentOf, textOfFragment } from '../../src/explorer/fragment.js';
import type { OptionsText } from '../../src/options-text.js';

describe('the URL fragment', () => {
  it('names options by their long flags and reads back the same state', () => {
    const text: OptionsText = { expr: 'x0^2/20 + x1^2 & #1', arrowScale: '0.5', critical: true, descent: 'sgd:0.1', start: ['1,2', '-0.5,3'] };
    const fragment = fragmentOf(text);
    expect(fragment).toBe('expr=x0%5E2%2F20+%2B+x1%5E2+%26+%231&arrow-scale=0.5&critical=&descent=sgd%3A0.1&start=1%2C2&start=-0.5%2C3');
    expect(textOfFragment(`#${fragment}`)).toEqual(text);
  });

  it('leaves out names that are no option', () => {
    expect(textOfFragment('#fn=xy&evil=1&__proto__=x')).toEqual({ fn: 'xy' });
  });
});
