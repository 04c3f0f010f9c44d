import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * One self-contained HTML page that draws a compiled Vega spec: Vega and the
 * tooltip handler are inlined, and the page's loader refuses every file and
 * URL, so it works offline and fetches nothing.
 */
export function htmlPage(vegaSpec: object, title: string): string {
  const require = createRequire(import.meta.url);
  const vegaJs = readFileSync(join(dirname(require.resolve('vega')), 'vega.min.js'), 'utf8');
  const tooltipJs = readFileSync(fileURLToPath(new URL('../assets/vega-tooltip.min.js', import.meta.url)), 'utf8');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>body { margin: 16px; font-family: "DejaVu Sans", sans-serif; } #vg-tooltip-element { font-size: 12px; }</style>
</head>
<body>
<div id="chart"></div>
<script>${inline(vegaJs)}</script>
<script>${inline(tooltipJs)}</script>
<script>
const spec = ${inlineJson(vegaSpec)};
const refuse = (uri) => Promise.reject(new Error('this chart reads no files or URLs: ' + uri));
const view = new vega.View(vega.parse(spec), {
  renderer: 'svg',
  container: '#chart',
  hover: true,
  tooltip: new vegaTooltip.Handler().call,
  loader: { load: refuse, sanitize: refuse, http: refuse, file: refuse },
});
view.runAsync().then(() => { document.body.dataset.ready = 'true'; });
</script>
</body>
</html>
`;
}

// Keeps a script's text from closing its <script> element early.
export function inline(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1');
}

/**
 * JSON for a script element: `<`, `>`, `&` and the line separators U+2028/9 as
 * JSON escapes, so no text in the data (a title of `<!--<script>`) can end the
 * element or change how the HTML parser reads it.
 */
function inlineJson(value: unknown): string {
  const escapes: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => escapes[c]);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
