/** Output formats: charts, the chart's spec, the field's data, and the explorer page (an .html file). */
export const FORMATS = ['png', 'svg', 'pdf', 'vl.json', 'html', 'csv', 'json', 'explorer'] as const;
export type Format = (typeof FORMATS)[number];

/** Formats whose bytes are not text, refused on a terminal. */
export const BINARY_FORMATS: readonly Format[] = ['png', 'pdf'];

/** Formats that are given only by name (`--format`), never by a file's extension. */
const NAMED_ONLY: readonly Format[] = ['explorer'];

/** The formats a file's extension names, in FORMATS order. */
export const EXTENSIONS: readonly Format[] = FORMATS.filter((f) => !NAMED_ONLY.includes(f));

/** The format named by a file's extension (`.vl.json` before `.json`), or undefined. */
export function formatOf(path: string): Format | undefined {
  const lower = path.toLowerCase();
  return [...EXTENSIONS].sort((a, b) => b.length - a.length).find((f) => lower.endsWith(`.${f}`));
}
