// The plain value lists and types the option model shares with the renderer, at the bottom layer so options need not import render/ or output/.

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

/** Which part of the arrow sits on its grid point. */
export type Pivot = 'tail' | 'middle' | 'tip';

export const PIVOTS: readonly Pivot[] = ['tail', 'middle', 'tip'];

/** What is drawn of f itself under the arrows. */
export type BackgroundKind = 'none' | 'heatmap' | 'contour';

export const BACKGROUNDS: readonly BackgroundKind[] = ['none', 'heatmap', 'contour'];

/** `--color magnitude`: arrows coloured by |∇f|. */
export const MAGNITUDE = 'magnitude';

/** How an arrow's length follows |∇f|. */
export type LengthMode = 'linear' | 'sqrt' | 'log' | 'none';

export const LENGTH_MODES: readonly LengthMode[] = ['linear', 'sqrt', 'log', 'none'];

/** Most arrows a chart draws unless told otherwise: about 50 × 50, still readable at 480 px. */
export const DEFAULT_MAX_ARROWS = 2500;

/** Light (the default, white) or dark chart. */
export type Theme = 'light' | 'dark';

export const THEMES: readonly Theme[] = ['light', 'dark'];

/** Line width of streamlines, in pixels, unless given. */
export const DEFAULT_STREAM_WIDTH = 1.2;

/** How f maps to colour: `diverging` is linear with its middle colour at f = 0. */
export type ColorScaleKind = 'linear' | 'log' | 'symlog' | 'diverging';

export const COLOR_SCALES: readonly ColorScaleKind[] = ['linear', 'log', 'symlog', 'diverging'];

/** Vega's continuous colour schemes that `--colormap` accepts (https://vega.github.io/vega/docs/schemes/). */
export const DIVERGING_SCHEMES = ['blueorange', 'brownbluegreen', 'purplegreen', 'pinkyellowgreen', 'purpleorange', 'redblue', 'redgrey', 'redyellowblue', 'redyellowgreen', 'spectral'] as const;
export const COLORMAPS: readonly string[] = [
  'viridis', 'magma', 'inferno', 'plasma', 'cividis', 'turbo',
  'blues', 'tealblues', 'teals', 'greens', 'browns', 'oranges', 'reds', 'purples', 'warmgreys', 'greys',
  'bluegreen', 'bluepurple', 'goldgreen', 'goldorange', 'goldred', 'greenblue', 'orangered', 'purplebluegreen', 'purpleblue', 'purplered',
  'redpurple', 'yellowgreenblue', 'yellowgreen', 'yelloworangebrown', 'yelloworangered',
  'darkblue', 'darkgold', 'darkgreen', 'darkmulti', 'darkred', 'lightgreyred', 'lightgreyteal', 'lightmulti', 'lightorange', 'lighttealblue',
  ...DIVERGING_SCHEMES,
];

/** Formats the renderer makes from a Vega-Lite spec. */
export const CHART_FORMATS = ['png', 'svg', 'pdf', 'vl.json', 'html'] as const;
export type ChartFormat = (typeof CHART_FORMATS)[number];

/** `equal`: one pixel scale for both axes; `free`: each axis fills its side, arrows laid out in pixels. */
export type Aspect = 'equal' | 'free';

export const ASPECTS: readonly Aspect[] = ['equal', 'free'];
