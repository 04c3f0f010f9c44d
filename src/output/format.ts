/** Output formats: charts, the chart's spec, and the field's data. */
export const FORMATS = ['png', 'svg', 'pdf', 'vl.json', 'html', 'csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** Formats whose bytes are not text, refused on a terminal. */
export const BINARY_FORMATS: readonly Format[] = ['png', 'pdf'];

/** The format named by a file's extension (`.vl.json` before `.json`), or undefined. */
export function formatOf(path: string): Format | undefined {
  const lower = path.toLowerCase();
  return [...FORMATS].sort((a, b) => b.length - a.length).find((f) => lower.endsWith(`.${f}`));
}

/** Whether a format is a picture of the field (or its spec) rather than its data. */
export function isChart(format: Format): boolean {
  return format !== 'csv' && format !== 'json';
}
