import fc from 'fast-check';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The built library (not the bundle): its HTML pages read the tooltip script from dist/assets.
import { main } from '../dist/cli.js';
import { OPTIONS } from '../dist/options.js';
import { FORMATS } from '../src/output/format.js';
import { LIMITS } from '../src/util/limits.js';
import { tempDir } from './helpers.js';

/*
 * Random command lines from the option table and random manifests, run in-process. Whatever the
 * input: exit 0, 1 or 2 with no stack trace; nothing written on exit 2; nothing written outside
 * the output folder. Accepted grids stay at or under 100,000 points (ranges and steps come from
 * pools that make at most 201 × 201); the absurd sizes in the pools (a step of 1e-7, ranges of
 * ±1e300, expressions over the length limit) must be refused before any work starts, or the run
 * would not end within the test's time.
 */

const junk = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', ' ', '-1', '0', 'NaN', 'Infinity', '1e309', '-0', '1,2,3', '0x10', '\u2028'));
const RANGES = ['-2,2', '0,1', '-5,5', '-1,3', '1,-1', '2,2', '-1e300,1e300', '1e300,1e301', 'a,b'];
const STEPS = ['0.05', '0.25', '0.5', '1', '3', '1e-7', '0', '-1', '1e308'];
const EXPRESSIONS = ['x0*x1', 'sin(x0)*cos(x1)', 'x0^2/20 + x1^2', '1e308*10 + x0', 'log(x0)', 'sqrt(-1)', 'x'.repeat(LIMITS.expressionLength.max + 1), 'x*'.repeat(200) + 'x', '0x1.8x0'];

/** A value for one option, valid or not, from a pool that keeps accepted work small. */
function valueFor(key: string, schema: Record<string, unknown>): fc.Arbitrary<string> {
  const pools: Record<string, fc.Arbitrary<string>> = {
    fn: fc.constantFrom('xy', 'sum_sq', 'sin_xy', 'himmelblau', 'function_2', 'nope'),
    expr: fc.oneof(fc.constantFrom(...EXPRESSIONS), fc.string({ maxLength: 20 })),
    range: fc.constantFrom(...RANGES),
    xrange: fc.constantFrom(...RANGES),
    yrange: fc.constantFrom(...RANGES),
    step: fc.constantFrom(...STEPS),
    h: fc.constantFrom('1e-4', '1e-8', '0.5', '0', '1e300'),
    scale: fc.constantFrom('0.5', '1', '2'),
    width: fc.constantFrom('50', '300', '800'),
    height: fc.constantFrom('50', '300', '800'),
    maxArrows: fc.constantFrom('1', '100', '2500', '10000', '1.5'),
    arrowScale: fc.constantFrom('0.001', '1', '1e9'),
    color: fc.constantFrom('magnitude', 'red', '#123456', 'rgb(1,2,3)', 'nocolour'),
    title: fc.oneof(fc.string({ maxLength: 30, unit: 'grapheme' }), fc.constantFrom('<!--<script>', '\u00000', 'x'.repeat(3000))),
  };
  const known = pools[key] ?? (Array.isArray(schema.enum) ? fc.constantFrom(...(schema.enum as string[])) : fc.constant('1'));
  return fc.oneof({ arbitrary: known, weight: 12 }, { arbitrary: junk, weight: 1 });
}

const FUNCTION_KEYS = ['fn', 'expr'];
const valued = OPTIONS.filter((o) => o.flags.includes('<') && !['out', 'format', ...FUNCTION_KEYS].includes(o.key));
const flags = OPTIONS.filter((o) => !o.flags.includes('<'));
const longFlag = (flagsText: string) => /--[\w-]+/.exec(flagsText)![0];

/** argv of one chart: a function (mostly), some options with values, some flags, an output in `dir` (or stdout). */
const functionArgv = fc.oneof(
  { arbitrary: fc.constantFrom(...FUNCTION_KEYS).chain((key) => valueFor(key, {}).map((v) => [`--${key}`, v])), weight: 12 },
  fc.constant([] as string[]),
  fc.tuple(valueFor('fn', {}), valueFor('expr', {})).map(([fn, expr]) => ['--fn', fn, '--expr', expr]),
);
const chartArgv = fc
  .tuple(
    functionArgv,
    fc.subarray(valued, { maxLength: 5 }).chain((chosen) => fc.tuple(...chosen.map((o) => valueFor(o.key, o.schema).map((v) => [longFlag(o.flags), v])))),
    fc.subarray(flags, { maxLength: 3 }),
    fc.oneof(fc.constantFrom(...FORMATS).map((f) => `out.${f}`), fc.constantFrom('-', 'out.gif', 'out', 'sub/out.svg')),
    fc.option(fc.constantFrom(...FORMATS, 'gif')),
  )
  .map(([fn, pairs, on, out, format]) => [...fn, ...pairs.flat(), ...on.map((o) => longFlag(o.flags)), '-o', out, ...(format ? ['--format', format] : [])]);

/** One manifest value: an option's string, or any JSON type. */
const anyValue = (key: string, schema: Record<string, unknown>) =>
  fc.oneof({ arbitrary: valueFor(key, schema), weight: 60 }, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }));

const OUTSIDE = '<outside>';
const outs = fc.oneof(
  { arbitrary: fc.constantFrom('a.png', 'sub/b.svg', 'c.csv', 'd.vl.json', 'e.json', 'f.html'), weight: 10 },
  { arbitrary: fc.constantFrom('../escape.png', 'sub/../../escape.svg', `${OUTSIDE}/x.png`), weight: 4 },
  fc.constantFrom('/', '.', 'folder', 'folder/', 'a\u0000b.png'),
  fc.string({ maxLength: 6 }),
);
const chartOptions = fc.subarray(OPTIONS.filter((o) => !['out', 'check', ...FUNCTION_KEYS].includes(o.key)), { maxLength: 3 }).chain((chosen) =>
  fc.tuple(...chosen.map((o) => anyValue(o.key, o.schema).map((v) => [o.key, v] as const))).map((pairs) => Object.fromEntries(pairs)),
);
const manifests = fc.record(
    {
      defaults: fc.oneof(fc.constant({}), chartOptions),
      charts: fc.array(
        fc.tuple(outs, fc.oneof(fc.constant({}), chartOptions), fc.constantFrom('xy', 'sin_xy', 'x0^2 - x1')).map(([out, options, fn]) => ({
          out,
          ...(fn.includes('^') ? { expr: fn } : { fn }),
          ...options,
        })),
        { minLength: 1, maxLength: 3 },
      ),
      allowOutside: fc.constantFrom(false, false, false, 'yes'),
    },
    { requiredKeys: ['charts'] },
  );

/** Runs the command line in-process: its exit status and what it printed. */
async function run(argv: string[]): Promise<{ status: number; stderr: string }> {
  let stderr = '';
  const writes = [process.stdout.write, process.stderr.write];
  const errorListeners = process.stdout.listeners('error');
  process.stdout.write = (() => true) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  }) as typeof process.stderr.write;
  try {
    return { status: await main(['node', 'gradplot', ...argv]), stderr };
  } finally {
    [process.stdout.write, process.stderr.write] = writes;
    process.stdout.removeAllListeners('error');
    for (const listener of errorListeners) process.stdout.on('error', listener as (error: Error) => void);
  }
}

/** Every file under `dir`, as relative paths. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

function expectTidy({ status, stderr }: { status: number; stderr: string }): void {
  expect([0, 1, 2]).toContain(status);
  expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  if (status !== 0) expect(stderr).toMatch(/^gradplot: /);
}

describe('fuzz: random input ends in a clear status', () => {
  let cwd: string;
  beforeAll(() => {
    cwd = process.cwd();
  });
  afterAll(() => process.chdir(cwd));

  it('random command lines from the option table', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(chartArgv, async (argv) => {
        const dir = tempDir();
        process.chdir(dir);
        const result = await run(argv);
        expectTidy(result);
        if (result.status === 2) expect(files(dir)).toEqual([]);
        for (const file of files(dir)) expect(file).not.toMatch(/\.tmp$/);
      }),
      { numRuns: 60, seed: 17 },
    );
  });

  it('random manifests: nothing written outside the output folder', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(manifests, fc.constantFrom('yaml', 'json'), fc.boolean(), async (manifest, type, polluted) => {
        const root = tempDir();
        const outDir = join(root, 'out');
        mkdirSync(outDir);
        mkdirSync(join(outDir, 'folder'));
        const file = join(outDir, `plots.${type}`);
        // A key that an object literal cannot hold, written into the text itself.
        const text = JSON.stringify(manifest).replaceAll(OUTSIDE, join(root, 'outside'));
        writeFileSync(file, polluted ? text.replace(/^\{/, '{"__proto__": {"charts": []}, ') : text);
        const result = await run(['batch', file, '--jobs', '1', '--quiet']);
        expectTidy(result);
        expect(readdirSync(root)).toEqual(['out']);
        const written = files(outDir).filter((f) => f !== `plots.${type}` && f !== 'folder');
        if (result.status === 2) expect(written).toEqual([]);
        for (const f of written) expect(f).not.toMatch(/\.tmp$/);
      }),
      { numRuns: 30, seed: 17 },
    );
  });
});
