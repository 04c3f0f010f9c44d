import { createCanvas, registerFont } from 'canvas';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { textWidth } from '../../src/render/text-width.js';
import { ROOT } from '../helpers.js';

// Text a chart holds: titles, formulas, axis and legend labels, critical point kinds (none has a kerning pair).
const TEXTS = ['f(x0, x1) = x0*x1', 'x0^2/20 + x1^2', '(1 - x0)^2 + 100*(x1 - x0^2)^2', 'sin(x0*x1)', 'himmelblau', 'x0', 'x1', '−1.5', '0.25', '1,000', '|∇f|', 'saddle', 'minimum'];

describe('text widths from the shipped fonts', () => {
  beforeAll(() => {
    registerFont(join(ROOT, 'fonts', 'DejaVuSans.ttf'), { family: 'DejaVu Sans' });
    registerFont(join(ROOT, 'fonts', 'DejaVuSans-Bold.ttf'), { family: 'DejaVu Sans', weight: 'bold' });
  });

  it.each([false, true])('are what canvas measures, exactly (bold: %s)', (bold) => {
    const context = createCanvas(1, 1).getContext('2d');
    for (const size of [10, 11, 12, 13, 15]) {
      context.font = `${bold ? 'bold ' : ''}${size}px DejaVu Sans`;
      for (const text of TEXTS) expect([text, size, textWidth(text, size, bold)]).toEqual([text, size, context.measureText(text).width]);
    }
  });

  it('give a character the font lacks the width of the missing-glyph box', () => {
    expect(textWidth('\u{e000}', 10)).toBe(textWidth('\u{e001}', 10));
    expect(textWidth('\u{e000}', 10)).toBeGreaterThan(0);
  });
});
