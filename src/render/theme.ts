/** Light (the default, white) or dark chart. */
export type Theme = 'light' | 'dark';

export const THEMES: readonly Theme[] = ['light', 'dark'];

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
}

export const PALETTES: Record<Theme, Palette> = {
  // The book's grey arrows on white.
  light: { background: 'white', arrow: '#666666', ink: '#333333', halo: 'white' },
  // #666666 would vanish on a dark ground, so arrows default to a light grey there.
  dark: { background: '#1e1e22', arrow: '#b4b4b4', ink: '#dddddd', halo: '#1e1e22' },
};

/** Vega-Lite `config` for a theme: fonts and sizes shared by both, colours of axes, titles and legends. */
export function themeConfig(theme: Theme): Record<string, unknown> {
  // aria off: a description per arrow would bury the chart in hundreds of labels.
  const base = { aria: false, font: FONT };
  if (theme === 'light') {
    return { ...base, axis: { gridColor: '#e4e4e4', labelFontSize: 11, titleFontSize: 12 }, title: { fontSize: 15 } };
  }
  const [text, muted, line] = ['#e8e8e8', '#b8b8b8', '#77777f'];
  return {
    ...base,
    axis: { gridColor: '#34343a', labelFontSize: 11, titleFontSize: 12, domainColor: line, tickColor: line, labelColor: muted, titleColor: text },
    legend: { labelColor: muted, titleColor: text },
    title: { fontSize: 15, color: text, subtitleColor: muted },
    view: { stroke: line },
  };
}
