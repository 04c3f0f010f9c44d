import { readFileSync } from 'node:fs';

/** Advance widths of one TrueType font, in em. */
export interface FontMetrics {
  /** The advance of a code point's glyph, or of the missing-glyph box when the font has none. */
  advance(code: number): number;
}

/**
 * Reads the advance widths of a TrueType font file (tables `head`, `hhea`,
 * `hmtx` and the Unicode `cmap`). Glyphs are looked up on demand, so reading
 * costs little more than the file. Throws on a file that is not such a font.
 */
export function readFontMetrics(path: string): FontMetrics {
  const font = readFileSync(path);
  const tables = new Map<string, number>();
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    tables.set(font.toString('latin1', at, at + 4), font.readUInt32BE(at + 8));
  }
  const table = (tag: string) => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`${path}: not a TrueType font with a '${tag}' table`);
    return at;
  };
  const em = font.readUInt16BE(table('head') + 18);
  const metricCount = font.readUInt16BE(table('hhea') + 34);
  const hmtx = table('hmtx');
  const glyphOf = unicodeMap(font, table('cmap'));
  // Glyphs past the last metric share its advance; glyph 0 is the missing-glyph box.
  return { advance: (code) => font.readUInt16BE(hmtx + 4 * Math.min(glyphOf(code), metricCount - 1)) / em };
}

// Code point → glyph (0 when unmapped) by the font's Unicode BMP map: cmap format 4, platform 3 encoding 1, or platform 0.
function unicodeMap(font: Buffer, cmap: number): (code: number) => number {
  const subtables = font.readUInt16BE(cmap + 2);
  let sub: number | undefined;
  for (let i = 0; i < subtables; i++) {
    const [platform, encoding, offset] = [font.readUInt16BE(cmap + 4 + 8 * i), font.readUInt16BE(cmap + 6 + 8 * i), font.readUInt32BE(cmap + 8 + 8 * i)];
    const unicode = (platform === 3 && encoding === 1) || platform === 0;
    if (unicode && font.readUInt16BE(cmap + offset) === 4) sub ??= cmap + offset;
  }
  if (sub === undefined) throw new Error('the font has no Unicode character map (cmap format 4)');
  const segments = font.readUInt16BE(sub + 6) / 2;
  const [ends, starts, deltas, ranges] = [sub + 14, sub + 16 + 2 * segments, sub + 16 + 4 * segments, sub + 16 + 6 * segments];
  return (code) => {
    if (code > 0xffff) return 0;
    // The first segment whose end is at or after the code point (segments are sorted by end).
    let [lo, hi] = [0, segments - 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (font.readUInt16BE(ends + 2 * mid) < code) lo = mid + 1;
      else hi = mid;
    }
    const start = font.readUInt16BE(starts + 2 * lo);
    if (code < start || code > font.readUInt16BE(ends + 2 * lo)) return 0;
    const [delta, range] = [font.readInt16BE(deltas + 2 * lo), font.readUInt16BE(ranges + 2 * lo)];
    if (range === 0) return (code + delta) & 0xffff;
    const glyph = font.readUInt16BE(ranges + 2 * lo + range + 2 * (code - start));
    return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
  };
}
