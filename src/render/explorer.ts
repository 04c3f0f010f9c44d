import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { METHODS } from '../core/gradient.js';
import { InputError } from '../errors.js';
import { BUILTINS } from '../functions/builtins.js';
import { OPTIONS, type PlotOptions } from '../options.js';
import { longFlag, type OptionsText } from '../options-text.js';
import { resolveRequest, type PlotRequest } from '../request.js';
import { inline } from './html.js';

/**
 * The overlays the page offers, each one chart option: a select for an option
 * with a list of values, a checkbox for a flag. The chart draws them as the
 * command line does, so a new overlay option is one more name here.
 */
export const OVERLAYS: readonly (keyof PlotOptions)[] = ['background', 'critical', 'streamlines', 'arrows'];

/** Options the page never carries into its command line: outputs and printed checks. */
const NOT_CARRIED: readonly (keyof PlotOptions)[] = ['out', 'format', 'check', 'pathsOut'];

/** A request's ranges, which are carried only when given: default ones grow around the paths, in the page too. */
const RANGES: readonly (keyof PlotOptions)[] = ['range', 'xrange', 'yrange'];

/**
 * The explorer: one self-contained HTML page (its script is the build's
 * dist/assets/explorer.js, src/explorer/ bundled for the browser) that draws
 * the chart of `start` and lets the user change it. Its policy allows no
 * request to anything: no file, URL or font is fetched.
 */
export function explorerPage(start: OptionsText): string {
  const script = gunzipSync(readFileSync(fileURLToPath(new URL('../assets/explorer.js.gz', import.meta.url)))).toString('utf8');
  const state = Object.fromEntries(Object.entries(start).filter(([key]) => !NOT_CARRIED.includes(key as keyof PlotOptions)));
  const dark = state.theme === 'dark';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>gradplot explorer</title>
<style>${STYLE}</style>
</head>
<body class="${dark ? 'dark' : 'light'}">
<main>
<form id="controls" autocomplete="off">
<h1>gradplot explorer</h1>
<fieldset>
<legend>Function</legend>
<label for="fn">built-in</label>
<select id="fn" data-option="fn"><option value="">your expression</option>${BUILTINS.map((b) => `<option value="${b.name}" data-expr="${attr(b.formula)}">${b.name}: ${attr(b.formula)}</option>`).join('')}</select>
<label for="expr">f(x0, x1) =</label>
<input id="expr" data-option="expr" type="text" spellcheck="false" aria-describedby="error" placeholder="sin(x0*x1)">
<output id="error" role="alert" for="expr"></output>
</fieldset>
<fieldset>
<legend>Grid and gradient</legend>
${textInput('xrange', 'x0 range', 'min,max')}
${textInput('yrange', 'x1 range', 'min,max')}
${textInput('step', 'step', '0.25')}
<label for="method">method</label>
<select id="method" data-option="method">${METHODS.map((m) => `<option>${m}</option>`).join('')}</select>
${textInput('h', 'h', '1e-4')}
</fieldset>
<fieldset>
<legend>Overlays</legend>
${OVERLAYS.map(overlayControl).join('\n')}
</fieldset>
<fieldset>
<legend>Descent</legend>
${textInput('descent', 'optimizers', 'sgd:0.1,adam:0.3')}
${textInput('start', 'starts', 'x0,x1; x0,x1')}
${textInput('iterations', 'iterations', '30')}
<div class="row">
<button type="button" id="play" aria-pressed="false">Play</button>
<button type="button" id="next">Step</button>
<button type="button" id="clear">Clear starts</button>
</div>
<label for="shown">iteration <output id="shown-value" for="shown">0</output></label>
<input id="shown" type="range" min="0" max="30" value="30" step="1">
</fieldset>
<fieldset>
<legend>Look</legend>
<label class="check"><input id="theme" type="checkbox" role="switch" data-option="theme" value="dark"${dark ? ' checked' : ''}> dark theme</label>
</fieldset>
</form>
<section aria-label="chart">
<p id="hint">Click the chart to start a descent path there; click again for another.</p>
<div id="chart" role="img" aria-label="quiver chart of the gradient field"></div>
<h2><label for="command">Command line</label></h2>
<div class="row"><textarea id="command" readonly spellcheck="false" rows="2"></textarea><button type="button" id="copy">Copy</button></div>
</section>
</main>
<script type="application/json" id="gradplot-start">${JSON.stringify(state).replace(/</g, '\\u003c')}</script>
<script>${inline(script)}</script>
</body>
</html>
`;
}

/**
 * The options that give the chart of `request`, for the page to start from:
 * the function, the ranges that were given, and every other value that
 * differs from what that function alone would get.
 */
export function startingOptions(request: PlotRequest): PlotOptions {
  if (request.fn.kind === 'function') throw new InputError('format', 'explorer needs --fn or --expr: a JavaScript function cannot go into a page');
  const fn: PlotOptions = request.fn.kind === 'builtin' ? { fn: request.fn.name } : { expr: request.fn.source };
  const ranges: PlotOptions = { ...(request.autoRange[0] ? {} : { xrange: request.xrange }), ...(request.autoRange[1] ? {} : { yrange: request.yrange }) };
  const base = resolveRequest({ ...fn, ...ranges });
  const options: Record<string, unknown> = { ...fn, ...ranges };
  for (const { key } of OPTIONS) {
    if (key in options || NOT_CARRIED.includes(key) || RANGES.includes(key) || !(key in request)) continue;
    const value = request[key as keyof PlotRequest];
    if (JSON.stringify(value) !== JSON.stringify(base[key as keyof PlotRequest])) options[key] = value;
  }
  if (request.descent.length) options.start = request.starts;
  return options as PlotOptions;
}

function textInput(key: keyof PlotOptions, label: string, placeholder: string): string {
  return `<label for="${key}">${label}</label>\n<input id="${key}" data-option="${key}" type="text" spellcheck="false" placeholder="${attr(placeholder)}" title="${attr(describeOption(key))}">`;
}

// A select of the option's values, or a checkbox for a flag.
function overlayControl(key: keyof PlotOptions): string {
  const spec = OPTIONS.find((o) => o.key === key)!;
  const values = spec.schema.enum as readonly string[] | undefined;
  const name = longFlag(key).slice(2);
  if (values) return `<label for="${key}">${name}</label>\n<select id="${key}" data-option="${key}" title="${attr(spec.description)}">${values.map((v) => `<option>${v}</option>`).join('')}</select>`;
  return `<label class="check"><input id="${key}" type="checkbox" data-option="${key}" title="${attr(spec.description)}"> ${name}</label>`;
}

function describeOption(key: keyof PlotOptions): string {
  return `${longFlag(key)}: ${OPTIONS.find((o) => o.key === key)!.description}`;
}

function attr(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

const STYLE = `
body { margin: 0; font: 14px/1.4 "DejaVu Sans", system-ui, sans-serif; }
body.light { background: #fff; color: #222; --line: #ccc; --field: #fff; --muted: #666; --error: #b00020; }
body.dark { background: #1e1e22; color: #e8e8e8; --line: #55555c; --field: #2a2a30; --muted: #aaa; --error: #ff8a80; }
main { display: flex; flex-wrap: wrap; gap: 24px; padding: 16px; }
form { flex: 0 0 300px; }
h1 { font-size: 18px; margin: 0 0 8px; }
h2 { font-size: 14px; margin: 12px 0 4px; }
fieldset { border: 1px solid var(--line); border-radius: 4px; margin: 0 0 10px; padding: 6px 10px 10px; }
legend { font-weight: bold; }
label { display: block; margin: 6px 0 2px; }
label.check { display: flex; gap: 6px; align-items: center; }
input[type=text], select, textarea { box-sizing: border-box; width: 100%; padding: 3px 5px; background: var(--field); color: inherit; border: 1px solid var(--line); border-radius: 3px; font: inherit; }
#expr, #command { font-family: "DejaVu Sans Mono", monospace; }
input[aria-invalid=true] { border-color: var(--error); }
#error { display: block; color: var(--error); white-space: pre-wrap; font-family: "DejaVu Sans Mono", monospace; font-size: 12px; margin-top: 4px; }
#error:empty { display: none; }
#shown { width: 100%; }
.row { display: flex; gap: 6px; margin-top: 6px; }
.row input, .row textarea { flex: 1; }
#command { resize: vertical; }
.row button { align-self: start; }
button { font: inherit; padding: 3px 10px; background: var(--field); color: inherit; border: 1px solid var(--line); border-radius: 3px; cursor: pointer; }
button[aria-pressed=true] { border-color: currentColor; }
:focus-visible { outline: 2px solid #1f77b4; outline-offset: 1px; }
section { flex: 1 1 480px; min-width: 0; }
#hint { color: var(--muted); margin: 0 0 8px; }
#chart { cursor: crosshair; }
#vg-tooltip-element { font-size: 12px; }
`;
