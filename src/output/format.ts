/** Output formats: charts, the chart's spec, the field's data, and the explorer page (an .html file). */
export const FORMATS = ['png', 'svg', 'pdf', 'vl.json', 'html', 'csv', 'json', 'explorer'] as const;
export type Format = (typeof FORMATS)[number];

/** Formats whose bytes are not text, refused on a terminal. */
export const BINARY_FORMATS: readonly Format[] = ['png', 'pdf'];

/** Formats given only by name (`--format`), never by a file's extension, and the extension their files take. */
const NAMED_ONLY: Readonly<Partial<Record<Format, Format>>> = { explorer: 'html' };

/** The formats a file's extension names, in FORMATS order. */
export const EXTENSIONS: readonly Format[] = FORMATS.filter((f) => !(f in NAMED_ONLY));

/** The format a file's extension names for files of `format` (`explorer` pages are .html). */
export function extensionFormat(format: Format): Format {
  return NAMED_ONLY[format] ?? format;
}

/** The format named by a file's extension (`.vl.json` before `.json`), or undefined. */
export function formatOf(path: string): Format | undefined {
  const lower = path.toLowerCase();
  return [...EXTENSIONS].sort((a, b) => b.length - a.length).find((f) => lower.endsWith(`.${f}`));
}

/** Whether a format is a picture of the field (or its spec) rather than its data or the explorer page. */
export function isChart(format: Format): boolean {
  return format !== 'csv' && format !== 'json' && format !== 'explorer';
}
