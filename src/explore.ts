/**
 * `gradplot explore`: writes the explorer page, starting from `sum_sq` (the
 * book's function_2). `--format explorer` on a chart writes it starting from
 * that chart instead.
 */
import { Command } from 'commander';
import { InputError } from './errors.js';
import type { Io } from './io.js';
import { optionSpec, OptionValueError, type PlotOptions } from './options.js';
import { optionsText } from './options-text.js';
import { THEMES, type Theme } from './chart-kinds.js';
import { writeFailure } from './run.js';

const DEFAULT_OUT = 'explorer.html';

/** Where the page starts when no chart is given. */
const START: PlotOptions = { fn: 'sum_sq' };

/** The `explore` subcommand. */
export function exploreCommand(io: Io): Command {
  return new Command('explore')
    .description('write the explorer page: type a function, see its field, click to start descent paths (one HTML file, no network)')
    .option('-o, --out <file.html>', `the page to write, or - for stdout (default: ${DEFAULT_OUT})`)
    .option('--theme <name>', `${THEMES.join(' or ')} (default: light); the page has a toggle`)
    .addHelpText(
      'after',
      `
To start from a chart's options, give the chart --format explorer:
  gradplot --fn himmelblau --background contour --format explorer -o himmelblau.html

Examples:
  gradplot explore
  gradplot explore --theme dark -o explorer.html`,
    )
    .action(async ({ out = DEFAULT_OUT, theme: given }: { out?: string; theme?: string }) => {
      const theme = given === undefined ? undefined : themeOf(given);
      if (out !== '-' && !/\.html?$/i.test(out)) throw new InputError('out', `"${out}" is no .html file; the explorer is an HTML page (e.g. explorer.html), or - for stdout`);
      const [{ explorerPage }, { writeOutput, writeStdout }] = await Promise.all([import('./render/explorer.js'), import('./output/write.js')]);
      const page = [explorerPage(optionsText({ ...START, theme }))];
      if (out === '-') return writeStdout(page, io.stdout);
      await writeOutput(out, page).catch((error: Error) => {
        throw writeFailure(out, error);
      });
    });
}

// The chart option's own parser, so a bad theme gets the chart's message.
function themeOf(value: string): Theme {
  try {
    return optionSpec('theme')!.parse(value) as Theme;
  } catch (error) {
    if (error instanceof OptionValueError) throw new InputError('theme', error.message);
    throw error;
  }
}
