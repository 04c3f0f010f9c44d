import { fileURLToPath } from 'node:url';
import { readFontMetrics, type FontMetrics } from './font-metrics.js';

/** What Vega gives a text-width function: a text mark's item. */
interface TextItem {
  fontSize?: number | string;
  fontWeight?: string | number;
}

interface TextMetrics {
  width: (item: TextItem, text: unknown) => number;
}

let fonts: { normal: FontMetrics; bold: FontMetrics } | undefined;

function shippedFonts() {
  const dir = fileURLToPath(new URL('../../fonts/', import.meta.url));
  return (fonts ??= { normal: readFontMetrics(`${dir}DejaVuSans.ttf`), bold: readFontMetrics(`${dir}DejaVuSans-Bold.ttf`) });
}

const isBold = (weight: TextItem['fontWeight']) => weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;

/**
 * The width in pixels of one line of text in the shipped DejaVu Sans, as
 * Pango measures it for canvas (each glyph's advance rounded to 1/1024 px),
 * without kerning or ligatures.
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  // Charts measure the same labels many times (Vega while it lays a chart out, and every chart alike).
  const key = `${bold ? 'b' : 'n'}${fontSize} ${text}`;
  let width = measured.get(key);
  if (width === undefined) {
    const font = bold ? shippedFonts().bold : shippedFonts().normal;
    width = 0;
    for (const char of text) width += Math.round(font.advance(char.codePointAt(0)!) * fontSize * 1024);
    width /= 1024;
    if (measured.size >= 10_000) measured.clear();
    measured.set(key, width);
  }
  return width;
}

const measured = new Map<string, number>();

/**
 * Makes Vega lay text out with the shipped fonts' own metrics instead of
 * measuring it on a canvas: every format gets the same layout, and an SVG
 * needs no canvas at all. Vega truncates text to a mark's `limit` with this
 * width too.
 */
export function measureWithFontMetrics(vega: unknown): void {
  const metrics = (vega as { textMetrics: TextMetrics }).textMetrics;
  metrics.width = (item, text) => {
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const line = text == null ? '' : String(text).trim();
    if (size <= 0 || !line) return 0;
    return textWidth(line, size, isBold(item.fontWeight));
  };
}
