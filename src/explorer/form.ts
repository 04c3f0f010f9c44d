import type { PlotOptions } from '../options.js';
import type { OptionsText } from '../options-text.js';

type Control = HTMLInputElement | HTMLSelectElement;

/** Starts are typed as `x0,x1; x0,x1`. */
const START_SEPARATOR = '; ';

/** The controls that stand for options: each element with `data-option`. */
export function controls(form: HTMLFormElement): Control[] {
  return [...form.querySelectorAll<Control>('[data-option]')];
}

/**
 * What the controls hold, as command-line text. An empty box, an unchecked box
 * and a select at its first choice (the option's default) give nothing.
 */
export function readForm(form: HTMLFormElement): OptionsText {
  const text: OptionsText = {};
  for (const control of controls(form)) {
    const key = control.dataset.option as keyof PlotOptions;
    if (control instanceof HTMLInputElement && control.type === 'checkbox') {
      if (control.checked) text[key] = control.value === 'on' ? true : control.value;
      continue;
    }
    const value = control.value.trim();
    if (value === '' || (control instanceof HTMLSelectElement && control.selectedIndex === 0)) continue;
    text[key] = key === 'start' ? value.split(';').map((s) => s.trim()).filter(Boolean) : value;
  }
  return text;
}

/** Sets every control to `text` (empty where it holds nothing). */
export function fillForm(form: HTMLFormElement, text: OptionsText): void {
  for (const control of controls(form)) {
    const value = text[control.dataset.option as keyof PlotOptions];
    if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = value === true || value === control.value;
    else if (control instanceof HTMLSelectElement) control.value = typeof value === 'string' ? value : (control.options[0]?.value ?? '');
    else control.value = Array.isArray(value) ? value.join(START_SEPARATOR) : typeof value === 'string' ? value : '';
  }
}

/** The options the form has controls for, so that the others are carried unchanged. */
export function formKeys(form: HTMLFormElement): Set<keyof PlotOptions> {
  return new Set(controls(form).map((c) => c.dataset.option as keyof PlotOptions));
}
