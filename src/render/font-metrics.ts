import { readFileSync } from 'node:fs';

/** Advance widths of one TrueType font, by code point, in units of its em. */
export interface FontMetrics {
  /** Advance of each mapped code point, in em. */
  advance: Map<number, number>;
  /** Advance of the missing-glyph box, in em: what a code point without a glyph is drawn as. */
  missing: number;
}

/**
 * Reads the advance widths of a TrueType font file (tables `head`, `hhea`,
 * `hmtx` and the Unicode `cmap`). Throws on a file that is not such a font.
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
  // Glyphs past the last metric share its advance.
  const glyphAdvance = (glyph: number) => font.readUInt16BE(hmtx + 4 * Math.min(glyph, metricCount - 1)) / em;
  const advance = new Map<number, number>();
  for (const [code, glyph] of unicodeGlyphs(font, table('cmap'))) if (glyph) advance.set(code, glyphAdvance(glyph));
  return { advance, missing: glyphAdvance(0) };
}

// Code point → glyph of the font's Unicode BMP map (cmap format 4, platform 3 encoding 1, or platform 0).
function unicodeGlyphs(font: Buffer, cmap: number): Map<number, number> {
  const glyphs = new Map<number, number>();
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
  for (let s = 0; s < segments; s++) {
    const [end, start, delta, range] = [font.readUInt16BE(ends + 2 * s), font.readUInt16BE(starts + 2 * s), font.readInt16BE(deltas + 2 * s), font.readUInt16BE(ranges + 2 * s)];
    for (let code = start; code <= end && code !== 0xffff; code++) {
      let glyph: number;
      if (range === 0) glyph = (code + delta) & 0xffff;
      else {
        const raw = font.readUInt16BE(ranges + 2 * s + range + 2 * (code - start));
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      glyphs.set(code, glyph);
    }
  }
  return glyphs;
}
