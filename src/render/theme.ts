import type { Theme } from '../chart-kinds.js';

export const FONT = 'DejaVu Sans';

/** The colours a chart's own marks take from its theme. */
export interface Palette {
  background: string;
  /** Arrows when no colour is given. */
  arrow: string;
  /** Text and lines drawn by gradplot itself (the length key). */
  ink: string;
  /** Outline that keeps marks apart from what lies under them. */
  halo: string;
  /** Edge of a box drawn over the plot (the paths' legend). */
  frame: string;
}

export const PALETTES: Record<Theme, Palette> = {
  // The book's grey arrows on white.
  light: { background: 'white', arrow: '#666666', ink: '#333333', halo: 'white', frame: '#cccccc' },
  // #666666 would vanish on a dark ground, so arrows default to a light grey there.
  dark: { background: '#1e1e22', arrow: '#b4b4b4', ink: '#dddddd', halo: '#1e1e22', frame: '#77777f' },
};

/** Size of axis labels, in pixels, unless told otherwise (`--font-size`); titles are a little larger. */
export const FONT_SIZE = 11;

/** The title's font size for a base `fontSize`. */
export const titleFontSize = (fontSize = FONT_SIZE) => fontSize + 4;

/** Vega-Lite `config` for a theme: fonts and sizes (from `fontSize`) shared by both, colours of axes, titles and legends. */
export function themeConfig(theme: Theme, fontSize = FONT_SIZE): Record<string, unknown> {
  // aria off: a description per arrow would bury the chart in hundreds of labels.
  const base = { aria: false, font: FONT };
  const sizes = { labelFontSize: fontSize, titleFontSize: fontSize + 1 };
  const legend = { labelFontSize: fontSize - 1, titleFontSize: fontSize };
  const title = { fontSize: titleFontSize(fontSize), subtitleFontSize: fontSize + 1 };
  if (theme === 'light') {
    return { ...base, axis: { gridColor: '#e4e4e4', ...sizes }, legend, title };
  }
  const [text, muted, line] = ['#e8e8e8', '#b8b8b8', '#77777f'];
  return {
    ...base,
    axis: { gridColor: '#34343a', ...sizes, domainColor: line, tickColor: line, labelColor: muted, titleColor: text },
    legend: { ...legend, labelColor: muted, titleColor: text },
    title: { ...title, color: text, subtitleColor: muted },
    view: { stroke: line },
  };
}
