import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SRC = join(ROOT, 'src');

// The allowed direction, lowest first: a file may import its own layer or a lower one, never a higher one.
const LAYERS: { name: string; files: RegExp }[] = [
  { name: 'util', files: /^(util\/|errors\.ts$|version\.ts$|chart-kinds\.ts$|function-types\.ts$)/ },
  { name: 'startup', files: /^startup\// },
  { name: 'core', files: /^(core\/|parallel\/(?!field-worker\.ts$))/ },
  { name: 'functions', files: /^functions\// },
  { name: 'options', files: /^(options[^/]*|request|chart-rules|chart-size|notes|io)\.ts$/ },
  { name: 'render, output', files: /^(render|output)\// },
  { name: 'orchestration', files: /^(plot|produce|run|paths)\.ts$/ },
  // The field worker is a thread's entry point: it rebuilds the function from its source, as bin does.
  { name: 'entry', files: /^(cli|explore|index|bin)\.ts$|^(batch|explorer)\/|^parallel\/field-worker\.ts$/ },
];
// Only the start-up seam loads these by value; the browser build (explorer/ and the `.browser.ts`
// stand-ins the bundler swaps in) has no snapshot and loads them directly.
const ENGINES = ['vega', 'vega-lite', 'mathjs'];
const SEAMS = /^(startup|explorer)\/|\.browser\.ts$/;

function layerOf(file: string): number {
  const index = LAYERS.findIndex((layer) => layer.files.test(file));
  if (index < 0) throw new Error(`${file} belongs to no layer: add it to LAYERS`);
  return index;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : /\.(ts|cjs)$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

/** Every module a file names: static imports and re-exports, `import('…')` and `require('…')`, with whether only types are taken. */
function importsOf(text: string): { from: string; typeOnly: boolean }[] {
  const found: { from: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm)) found.push({ from: m[3], typeOnly: m[2] !== undefined });
  for (const m of text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) found.push({ from: m[1], typeOnly: false });
  // `typeof import('x')` and `import('x').Name` name types; `await import('x')` loads code.
  for (const m of text.matchAll(/(typeof\s+)?\b(import|require)\(\s*['"]([^'"]+)['"]\s*\)(\.(?!then\b)[A-Za-z])?/g)) {
    found.push({ from: m[3], typeOnly: m[1] !== undefined || (m[2] === 'import' && m[4] !== undefined) });
  }
  return found;
}

function violations(): string[] {
  const found: string[] = [];
  for (const path of sources(SRC)) {
    const file = relative(SRC, path).split('\\').join('/');
    const own = layerOf(file);
    for (const { from, typeOnly } of importsOf(readFileSync(path, 'utf8'))) {
      if (from.startsWith('.')) {
        const target = relative(SRC, resolve(dirname(path), from)).split('\\').join('/').replace(/\.js$/, '.ts');
        const theirs = layerOf(target);
        if (theirs > own) found.push(`${file} (${LAYERS[own].name}) imports ${from} (${LAYERS[theirs].name})`);
      } else if (ENGINES.includes(from.split('/')[0]) && !typeOnly && !SEAMS.test(file)) {
        found.push(`${file} (${LAYERS[own].name}) loads ${from} itself, not through startup/load`);
      }
    }
  }
  return found;
}

describe('the import direction', () => {
  it('reads every kind of import the sources use', () => {
    const text = [
      "import { a } from '../render/a.js';",
      "import type {\n  B,\n  C,\n} from 'mathjs';",
      "export { d } from './d.js';",
      "export * from './e.js';",
      "const { f } = await import('./f.js');",
      "type G = typeof import('vega');",
      "let v: import('vega').View;",
      "const h = require('./h.cjs');",
    ].join('\n');
    expect(importsOf(text)).toEqual([
      { from: '../render/a.js', typeOnly: false },
      { from: 'mathjs', typeOnly: true },
      { from: './d.js', typeOnly: false },
      { from: './e.js', typeOnly: false },
      { from: './f.js', typeOnly: false },
      { from: 'vega', typeOnly: true },
      { from: 'vega', typeOnly: true },
      { from: './h.cjs', typeOnly: false },
    ]);
  });

  it('goes from lower layers to higher ones only, and only start-up loads Vega and mathjs', () => {
    expect(violations()).toEqual([]);
  });
});
