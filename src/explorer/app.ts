/**
 * The explorer page: the form's options, as command-line text, go through the
 * command line's own pipeline and are drawn by Vega.
 *
 *   form ──readForm──▶ options text ──plotOfPage──▶ plot ──animated──▶ Vega view
 *                          ├──fragmentOf──▶ URL fragment (a link to this view)
 *                          └──commandLine──▶ the command that draws it
 *
 * The options the form has no control for are carried unchanged.
 */
import type { View } from 'vega';
import { findBuiltin } from '../functions/builtins.js';
import type { PlotOptions } from '../options.js';
import { commandLine, type OptionsText } from '../options-text.js';
import type { Plot } from '../plot.js';
import { animated, dataPoint, drawChart, SHOWN } from './chart.js';
import { chartText, errorLines, plotOfPage } from './compute.js';
import { fillForm, formKeys, readForm } from './form.js';
import { fragmentOf, textOfFragment } from './fragment.js';

/** Quiet time after a keystroke before the chart is computed again. */
const DEBOUNCE_MS = 30;
/** Time per iteration when playing. */
const FRAME_MS = 60;
/** Optimizers for the first start when the page was given none. */
const DEFAULT_DESCENT = 'sgd:0.1';
/** The file the shown command writes. */
const OUT = 'f.png';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('controls');
const [fnMenu, exprBox, errorBox, chartBox, commandBox] = [$<HTMLSelectElement>('fn'), $<HTMLInputElement>('expr'), $<HTMLOutputElement>('error'), $('chart'), $<HTMLTextAreaElement>('command')];
const [startsBox, slider, shownValue, playButton] = [$<HTMLInputElement>('start'), $<HTMLInputElement>('shown'), $<HTMLOutputElement>('shown-value'), $<HTMLButtonElement>('play')];

const given = JSON.parse($('gradplot-start').textContent ?? '{}') as OptionsText;
const initial = location.hash.length > 1 ? textOfFragment(location.hash) : given;
// One range per axis in the form.
if (typeof initial.range === 'string') {
  initial.xrange ??= initial.range;
  initial.yrange ??= initial.range;
  delete initial.range;
}
const keys = formKeys(form);
const carried = Object.fromEntries(Object.entries(initial).filter(([key]) => !keys.has(key as keyof PlotOptions))) as OptionsText;

let view: View | undefined;
let current: Plot | undefined;
let generation = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let player: ReturnType<typeof setInterval> | undefined;
let playFromStart = false;
let inputAt = performance.now();

/** The page's options: the form's, a built-in's name replacing the expression box, and the carried ones. */
function pageOptionsText(): OptionsText {
  const text = { ...carried, ...readForm(form) };
  if (text.fn) delete text.expr;
  return text;
}

/** The expression box shows a chosen built-in's formula; range and step boxes show the function's defaults. */
function showFunction(): void {
  const builtin = findBuiltin(fnMenu.value);
  if (builtin) exprBox.value = builtin.formula;
  const [x, y] = builtin?.range ?? [[-2, 2], [-2, 2]];
  $<HTMLInputElement>('xrange').placeholder = x.join(',');
  $<HTMLInputElement>('yrange').placeholder = y.join(',');
  $<HTMLInputElement>('step').placeholder = String(builtin?.step ?? 0.25);
}

function schedule(): void {
  inputAt = performance.now();
  clearTimeout(timer);
  timer = setTimeout(() => void update(), DEBOUNCE_MS);
}

/** Computes and draws the chart of the form's options; on bad input shows the command line's error and keeps the last chart. */
async function update(): Promise<void> {
  const mine = ++generation;
  const text = pageOptionsText();
  const shown = chartText(text);
  try {
    const plot = await plotOfPage(shown);
    const iterations = plot.paths?.length ? plot.request.iterations : 0;
    // A new start plays from its first point; typing while playing keeps the place.
    const k = player ? Math.min(Number(slider.value), iterations) : playFromStart ? 0 : iterations;
    const next = await drawChart(chartBox, animated(plot.quiver!.spec, k));
    if (mine !== generation) {
      next.finalize();
      return;
    }
    view?.finalize();
    [view, current] = [next, plot];
    view.addEventListener('click', (event) => addStart(event as MouseEvent));
    showError(undefined);
    commandBox.value = commandLine(shown, OUT);
    history.replaceState(null, '', `#${fragmentOf(text)}`);
    setIterations(k, iterations);
    if (playFromStart) play(true);
    playFromStart = false;
    document.body.dataset.redrawMs = (performance.now() - inputAt).toFixed(1);
    document.body.dataset.draws = String(Number(document.body.dataset.draws ?? 0) + 1);
  } catch (error) {
    if (mine !== generation) return;
    showError(error);
  }
}

function showError(error: unknown): void {
  const lines = error === undefined ? undefined : errorLines(error);
  errorBox.textContent = lines ? [lines.line, lines.context].filter(Boolean).join('\n') : '';
  const key = (error as { key?: string } | undefined)?.key;
  for (const control of form.querySelectorAll('[data-option]')) control.toggleAttribute('aria-invalid', false);
  if (key) $(key)?.setAttribute('aria-invalid', 'true');
}

// A click on the plot area adds a start there, rounded to a hundredth of the grid step, and plays its paths.
function addStart(event: MouseEvent): void {
  if (!view || !current) return;
  const at = dataPoint(view, chartBox, event);
  if (!at) return;
  const digits = Math.max(0, 2 - Math.floor(Math.log10(current.request.step)));
  const start = at.map((v) => String(+v.toFixed(digits))).join(',');
  startsBox.value = [startsBox.value.trim(), start].filter(Boolean).join('; ');
  playFromStart = true;
  void update();
}

function setIterations(k: number, iterations: number): void {
  slider.max = String(iterations);
  slider.disabled = iterations === 0;
  for (const button of [playButton, $<HTMLButtonElement>('next')]) button.disabled = iterations === 0;
  show(k, iterations);
}

function show(k: number, max = Number(slider.max)): void {
  slider.value = String(k);
  shownValue.value = `${k} of ${max}`;
  if (view && current?.paths?.length) void view.signal(SHOWN, k).runAsync();
}

function play(on: boolean): void {
  clearInterval(player);
  player = undefined;
  playButton.setAttribute('aria-pressed', String(on));
  playButton.textContent = on ? 'Pause' : 'Play';
  if (!on) return;
  if (Number(slider.value) >= Number(slider.max)) show(0);
  player = setInterval(() => {
    const k = Number(slider.value) + 1;
    show(Math.min(k, Number(slider.max)));
    if (k >= Number(slider.max)) play(false);
  }, FRAME_MS);
}

form.addEventListener('submit', (event) => event.preventDefault());
form.addEventListener('input', (event) => {
  if (event.target === slider) return;
  if (event.target === exprBox) fnMenu.value = '';
  if (event.target === fnMenu) showFunction();
  if (event.target === $('theme')) document.body.className = ($<HTMLInputElement>('theme').checked ? 'dark' : 'light');
  schedule();
});
slider.addEventListener('input', () => {
  play(false);
  show(Number(slider.value));
});
playButton.addEventListener('click', () => play(!player));
$('next').addEventListener('click', () => {
  play(false);
  show(Math.min(Number(slider.value) + 1, Number(slider.max)));
});
$('clear').addEventListener('click', () => {
  startsBox.value = '';
  schedule();
});
$('copy').addEventListener('click', () => {
  commandBox.select();
  void navigator.clipboard?.writeText(commandBox.value).catch(() => document.execCommand('copy'));
});

fillForm(form, { descent: DEFAULT_DESCENT, ...initial });
showFunction();
void update().then(() => {
  document.body.dataset.firstChartMs = performance.now().toFixed(1);
  document.body.dataset.ready = 'true';
});

/** For scripts and tests: the live Vega view and the plot it draws. */
Object.assign(window, { gradplotExplorer: { get view() { return view; }, get plot() { return current; } } });
