#!/usr/bin/env node
// The gallery: one command per chart feature, each making the picture of it in
// examples/gallery/. Regenerate the pictures and examples/README.md after a
// build with:
//
//   npm run build && node scripts/gallery.mjs
//
// test/examples/gallery.test.ts runs every command and compares each picture
// with the one here, pixel by pixel, so the gallery cannot rot.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** Each entry: the picture's name, what it shows, and the arguments after `gradplot` (without `-o`). */
export const GALLERY = [
  { name: 'default', about: 'The book\'s chart: −∇f of x0·x1 in grey, the longest arrow 0.9 of a cell.', args: ['--fn', 'xy'] },
  { name: 'magnitude-contour', about: 'Arrows coloured by |∇f| (viridis) over contour lines of f.', args: ['--fn', 'himmelblau', '--color', 'magnitude', '--background', 'contour'] },
  { name: 'normalize-heatmap', about: 'Direction only (`--normalize`) over a heatmap of f.', args: ['--expr', 'x0*x1', '--normalize', '--background', 'heatmap'] },
  { name: 'critical', about: 'Critical points found from the field: 4 minima, 1 maximum, 4 saddles (also listed on stderr).', args: ['--fn', 'himmelblau', '--critical', '--background', 'heatmap'] },
  { name: 'log-length', about: 'Length ∝ ln(1 + |∇f|) so the valley\'s small gradients still show; colour on the same scale.', args: ['--fn', 'rosenbrock', '--length', 'log', '--color', 'magnitude', '--critical', '--key'] },
  { name: 'fixed-scale', about: 'A fixed scale (0.2 data units per unit of |∇f|) with a length key: the same |∇f| draws the same length in every chart.', args: ['--fn', 'xy', '--arrow-scale', '0.2', '--key'] },
  { name: 'sqrt-pivot', about: 'Length ∝ √|∇f|, arrows centred on their points, one CSS colour.', args: ['--fn', 'sin_xy', '--length', 'sqrt', '--pivot', 'middle', '--color', 'steelblue', '--key'] },
  { name: 'width-height', about: 'Width and height both fixed: each axis has its own scale, and arrows are laid out in pixels so their angles stay true.', args: ['--fn', 'saddle', '--width', '640', '--height', '280', '--critical'] },
  { name: 'dark', about: 'The dark theme, with a title of your own.', args: ['--fn', 'sin_xy', '--theme', 'dark', '--color', 'magnitude', '--background', 'contour', '--title', 'sin(x0·x1) after dark'] },
  { name: 'ascent', about: 'Uphill (+∇f) on a monkey saddle, whose critical point has a zero Hessian.', args: ['--fn', 'monkey_saddle', '--ascent', '--critical', '--background', 'contour'] },
  { name: 'descent-ch04', about: 'The book\'s chapter 4 `gradient_method.py`: gradient descent (SGD, lr 0.1) on function_2 from (−3, 4), 20 updates, over the field, on the book\'s axes.', args: ['--fn', 'function_2', '--descent', 'sgd:0.1', '--start', '-3,4', '--iterations', '20', '--xrange', '-3.5,3.5', '--yrange', '-4.5,4.5', '--step', '0.5'] },
  { name: 'descent-ch06', about: 'The book\'s chapter 6 `optimizer_compare_naive.py`: SGD, Momentum, AdaGrad and Adam from (−7, 2) on x0²/20 + x1² with the exact gradient, one panel each, over contours of f.', args: ['--fn', 'ch06', '--method', 'analytic', '--descent', 'sgd:0.95,momentum:0.1,adagrad:1.5,adam:0.3', '--start', '-7,2', '--background', 'contour', '--panels'] },
  { name: 'streamlines', about: 'Streamlines of −∇f instead of arrows: the hyperbolas x0² − x1² = c, evenly spaced, arrowheads along each.', args: ['--fn', 'xy', '--streamlines'] },
  { name: 'streamlines-contour', about: 'Where a ball would roll on Himmelblau\'s function: streamlines across the contour lines of f, from the maximum and the saddles into the four minima.', args: ['--fn', 'himmelblau', '--streamlines', '--background', 'contour', '--critical'] },
  { name: 'streamlines-rosenbrock', about: 'Down the steep walls into Rosenbrock\'s valley and along it to the minimum; colour by |∇f| on a log scale.', args: ['--fn', 'rosenbrock', '--streamlines', '--color', 'magnitude', '--length', 'log', '--critical'] },
  { name: 'signed-heatmap', about: 'A signed f (sin(x0·x1)) on a diverging scale centred on 0: blue below, orange above, white at 0; the legend spans f\'s real extent.', args: ['--fn', 'sin_xy', '--range', '-3,3', '--background', 'heatmap'] },
  { name: 'signed-contour', about: 'Contours of a signed f at round levels: negative ones dashed and blue, 0 grey, positive ones orange.', args: ['--fn', 'sin_xy', '--range', '-3,3', '--background', 'contour'] },
  { name: 'decades-heatmap', about: 'exp(x0·x1) spans 8 decades: f is coloured on a log scale by itself, its legend at powers of ten.', args: ['--expr', 'exp(x0*x1)', '--range', '-3,3', '--background', 'heatmap', '--length', 'log'] },
  { name: 'decades-contour', about: 'The same f with contours at powers of ten, arrows showing direction only.', args: ['--expr', 'exp(x0*x1)', '--range', '-3,3', '--background', 'contour', '--normalize'] },
  { name: 'colormap', about: '`--colormap` takes any Vega scheme (here cividis) and `--color-scale` sets how f maps to it (here symlog, for Rosenbrock\'s steep rim).', args: ['--fn', 'rosenbrock', '--background', 'heatmap', '--colormap', 'cividis', '--color-scale', 'symlog', '--length', 'sqrt'] },
  { name: 'magnitude-heatmap', about: 'Arrows coloured by |∇f| over a heatmap of f (greys, so the two scales never mix), each arrow on a halo so it reads on any colour.', args: ['--fn', 'himmelblau', '--color', 'magnitude', '--background', 'heatmap', '--critical', '--length', 'sqrt'] },
  { name: 'points', about: '`--points 41x21`: the number of grid points along each axis, instead of a step.', args: ['--fn', 'ch06', '--points', '41x21', '--background', 'contour'] },
  { name: 'xstep-ystep', about: '`--xstep`/`--ystep`: one spacing per axis, for a function that changes faster along one of them.', args: ['--expr', 'sin(3*x0) + x1^2', '--xrange', '-2,2', '--yrange', '-2,2', '--xstep', '0.125', '--ystep', '0.25', '--background', 'contour'] },
  { name: 'aspect-free', about: 'Ranges 20× apart: the axes get their own scales by themselves (the subtitle says so), and arrows keep their true angle on screen.', args: ['--expr', 'x0^2/100 + x1^2', '--xrange', '-10,10', '--yrange', '-0.5,0.5', '--xstep', '1', '--ystep', '0.1', '--background', 'contour'] },
  { name: 'labels', about: 'Your own words: `--title`, `--subtitle`, `--xlabel`, `--ylabel`.', args: ['--fn', 'sum_sq', '--title', 'The book\'s function_2', '--subtitle', 'descent directions, chapter 4', '--xlabel', 'weight w1', '--ylabel', 'weight w2', '--step', '0.5'] },
  { name: 'arrow-style', about: '`--arrow-width` and `--head-size` for arrows that read at a distance, `--font-size` for a slide.', args: ['--fn', 'xy', '--step', '0.5', '--arrow-width', '2.5', '--head-size', '14', '--font-size', '15'] },
  { name: 'transparent', about: '`--transparent` lets the page show through; `--dpi 300` states the resolution a printer reads.', args: ['--fn', 'saddle', '--transparent', '--dpi', '300', '--background', 'contour'] },
];

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'gradplot.js');

/** The command as a reader types it, quoting what the shell would split. */
export function commandLine(entry, out) {
  const quote = (a) => (/^[\w.,:/=+-]+$/.test(a) ? a : `"${a.replace(/(["\\$`])/g, '\\$1')}"`);
  return ['gradplot', ...entry.args, '-o', out].map(quote).join(' ');
}

async function main() {
  const run = promisify(execFile);
  for (const entry of GALLERY) {
    const out = join('examples', 'gallery', `${entry.name}.png`);
    await run(BIN, [...entry.args, '-o', join(ROOT, out)], { cwd: ROOT });
    process.stderr.write(`gallery: ${out}\n`);
  }
  const sections = GALLERY.map((e) => `## ${e.name}\n\n${e.about}\n\n\`\`\`\n${commandLine(e, `${e.name}.png`)}\n\`\`\`\n\n![${e.name}](gallery/${e.name}.png)\n`);
  const readme =
    '# Gallery\n\nOne command per feature; `node scripts/gallery.mjs` (after `npm run build`) makes every picture here.\n\n' +
    sections.join('\n');
  writeFileSync(join(ROOT, 'examples', 'README.md'), readme);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
