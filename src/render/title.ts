/** Most lines a title takes before it is cut. */
export const MAX_TITLE_LINES = 3;

// Advance widths of DejaVu Sans Bold in em, by kind of character: close enough to break lines before the plot's edge.
const NARROW = new Set(' .,:;!|il\'()[]{}fjtrI-'.split(''));
const WIDE = new Set('mwMW@%'.split(''));
const advance = (c: string) => (NARROW.has(c) ? 0.4 : WIDE.has(c) ? 1.0 : c.charCodeAt(0) > 0x2000 ? 0.85 : 0.7);

/** About how wide `text` is in pixels at `fontSize` in the chart's bold font; needs no font file, so the browser build wraps titles too. */
function estimatedWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const c of text) em += advance(c);
  return em * fontSize;
}

/**
 * A title broken at spaces into lines no wider than `width` pixels, at most
 * MAX_TITLE_LINES; what does not fit is cut with an ellipsis and `cut` is set.
 * A word longer than a line is broken inside itself.
 */
export function wrapTitle(text: string, width: number, fontSize: number): { lines: string[]; cut: boolean } {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (estimatedWidth(next, fontSize) <= width || !line) {
      line = next;
    } else {
      lines.push(line);
      line = word;
    }
    while (estimatedWidth(line, fontSize) > width && line.length > 1) {
      let k = line.length - 1;
      while (k > 1 && estimatedWidth(line.slice(0, k), fontSize) > width) k--;
      lines.push(line.slice(0, k));
      line = line.slice(k);
    }
  }
  if (line) lines.push(line);
  if (lines.length <= MAX_TITLE_LINES) return { lines, cut: false };
  const kept = lines.slice(0, MAX_TITLE_LINES);
  let last = kept[MAX_TITLE_LINES - 1];
  while (last.length > 1 && estimatedWidth(`${last}…`, fontSize) > width) last = last.slice(0, -1);
  kept[MAX_TITLE_LINES - 1] = `${last.trimEnd()}…`;
  return { lines: kept, cut: true };
}
