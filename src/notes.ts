import { optionName } from './errors.js';
import { optionSpec } from './options.js';
import { CHART_FORMATS, isChart } from './chart-kinds.js';
import type { PlotRequest } from './request.js';

/**
 * One line for each option given (`keys`) that changes nothing in what the
 * request produces: a chart option with a data export, `scale` with a format
 * other than PNG, `h` with the analytic gradient. Given options are never ignored silently.
 */
export function notApplied(keys: readonly string[], request: PlotRequest, nameOf: (key: string) => string = (key) => optionName(key, 'cli')): string[] {
  const notes: string[] = [];
  for (const key of keys) {
    const name = nameOf(key);
    const output = optionSpec(key)?.output;
    if (output && request.format === undefined) notes.push(`${name} changes only the output file, and none is written`);
    else if (output === 'chart' && !isChart(request.format!)) notes.push(`${name} changes only charts (${CHART_FORMATS.join(', ')}), not ${request.format} output`);
    else if (output === 'png' && request.format !== 'png') notes.push(`${name} changes only png output, not ${request.format}`);
    else if (key === 'h' && request.method === 'analytic') notes.push(`${name} is not used by the analytic gradient`);
  }
  return notes;
}
