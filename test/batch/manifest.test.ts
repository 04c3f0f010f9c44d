import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest, ManifestError } from '../../src/batch/manifest.js';
import { InputError } from '../../src/errors.js';
import { cli, tempDir } from '../helpers.js';
import { manifest, problems } from './helpers.js';



describe('a good manifest', () => {
  it('resolves each chart with the defaults, out paths relative to the manifest', async () => {
    const file = manifest(`
defaults: {step: 0.5, ascent: true}
charts:
  - {out: a.svg, fn: xy}
  - {out: sub/b.png, fn: sum_sq, step: 1, range: [-1, 1]}
`);
    const m = await loadManifest(file);
    expect(m.charts.map((c) => [c.index, c.name, c.request.out, c.request.format, c.request.step, c.request.ascent, c.request.xrange])).toEqual([
      [0, 'a.svg', join(m.base, 'a.svg'), 'svg', 0.5, true, [-2, 2]],
      [1, 'sub/b.png', join(m.base, 'sub', 'b.png'), 'png', 1, true, [-1, 1]],
    ]);
    expect(m.base).toBe(join(file, '..'));
  });

  it('puts outputs under --out-dir when given', async () => {
    const out = tempDir();
    const m = await loadManifest(manifest('charts: [{out: a.svg, fn: xy}]'), { outDir: out });
    expect(m.charts[0].request.out).toBe(join(out, 'a.svg'));
  });

  it("lets a chart's function and range replace the defaults' instead of clashing", async () => {
    const m = await loadManifest(
      manifest(`
defaults: {expr: "x0 + x1", xrange: "-3,3", normalize: true}
charts:
  - {out: a.svg, fn: xy, range: "-1,1", length: sqrt}
  - {out: b.svg}
`),
    );
    const [a, b] = m.charts.map((c) => c.request);
    expect([a.fn, a.xrange, a.yrange, a.length]).toEqual([{ kind: 'builtin', name: 'xy' }, [-1, 1], [-1, 1], 'sqrt']);
    expect([b.fn, b.xrange, b.yrange, b.length]).toEqual([{ kind: 'expr', source: 'x0 + x1' }, [-3, 3], [-2, 2], 'none']);
  });

  it('reads JSON by its extension', async () => {
    const m = await loadManifest(manifest('{"charts": [{"out": "a.svg", "fn": "xy", "range": [-1, 1]}]}', 'plots.json'));
    expect(m.charts[0].request.xrange).toEqual([-1, 1]);
  });

  it('marks charts that share the arrow scale: from the defaults, unless a chart gives its own', async () => {
    const m = await loadManifest(
      manifest(`
defaults: {arrowScale: shared}
charts:
  - {out: a.svg, fn: xy}
  - {out: b.svg, fn: xy, arrowScale: 0.5}
  - {out: c.svg, fn: xy, arrowScale: shared}
`),
    );
    expect(m.charts.map((c) => [c.sharedScale, c.request.arrowScale])).toEqual([
      [true, undefined],
      [false, 0.5],
      [true, undefined],
    ]);
    const all = await loadManifest(manifest('charts: [{out: a.svg, fn: xy, arrowScale: 0.5}]'), { chartOptions: { arrowScale: 'shared' } });
    expect(all.charts[0].sharedScale).toBe(true);
    const fixed = await loadManifest(manifest('charts: [{out: a.svg, fn: xy}]'), { chartOptions: { arrowScale: '0.25' } });
    expect([fixed.charts[0].sharedScale, fixed.charts[0].request.arrowScale]).toEqual([false, 0.25]);
    await expect(loadManifest(manifest('charts: [{out: a.svg, fn: xy}]'), { chartOptions: { arrowScale: 'big' } })).rejects.toThrow(/--arrow-scale: expected a number greater than 0, got "big", or shared/);
  });
});

describe('every problem of a manifest, with its path and line', () => {
  it('in the options of charts and defaults, all collected', async () => {
    expect(
      await problems(`defaults:
  step: -1
  out: x.png
  check: true
  colour: red
charts:
  - out: a.png
    fn: xy
    range: 2,-2
  - out: b.png
    fn: nope
  - fn: xy
  - out: c.png
    fn: xy
    stepp: 2
  - out: d.png
    fn: xy
    range: [-1, 1]
    step: 5
  - 42
  - out: "-"
    fn: xy
  - out: e.txt
    fn: xy
  - out: f.png
  - out: g.png
    fn: xy
    expr: x0
extra: 1
`),
    ).toEqual([
      '2: defaults.step: expected a number greater than 0, got -1',
      '3: defaults.out: not allowed in defaults; give each chart its own out',
      '4: defaults.check: not available in a batch; run `gradplot --check` on one chart',
      expect.stringMatching(/^5: defaults.colour: unknown key; did you mean "color"\? expected one of fn, expr, range, .*step/),
      '9: charts[0].range: expected min,max with min < max (e.g. -2,2), got "2,-2"',
      expect.stringMatching(/^11: charts\[1\].fn: unknown function "nope"; expected one of sum_sq/),
      '12: charts[2].out: missing: give the file this chart is written to, e.g. out: gallery/xy.png',
      expect.stringMatching(/^15: charts\[3\].stepp: unknown key; did you mean "step"\? expected one of .*out/),
      '19: charts[4].step: 5 leaves fewer than 2 grid points on an axis; expected at most 2',
      '20: charts[5]: expected a mapping of chart options with an out path, got 42',
      '21: charts[6].out: "-" (stdout) is not available in a batch; give a file path',
      expect.stringMatching(/^23: charts\[7\].out: unknown extension in "e.txt"; expected .png/),
      expect.stringMatching(/^25: charts\[8\]: no function given/),
      '28: charts[9].expr: cannot be used with --fn; choose one function',
      '29: extra: unknown key; expected one of defaults, charts, allowOutside',
    ]);
  });

  it('two charts writing one file, however the path is spelt', async () => {
    expect(await problems('charts:\n  - {out: a.png, fn: xy}\n  - {out: ./a.png, fn: sum_sq}\n  - {out: sub/../a.png, fn: xy}\n')).toEqual([
      '3: charts[1].out: "./a.png" is also the output of charts[0]; each chart needs its own file',
      '4: charts[2].out: "sub/../a.png" is also the output of charts[0]; each chart needs its own file',
    ]);
  });

  it('a default that fails a chart is named as such; a default that fails to parse is reported once', async () => {
    expect(await problems('defaults: {step: 5}\ncharts:\n  - {out: a.png, fn: xy, range: "-1,1"}\n')).toEqual([
      '3: charts[0].step: 5 leaves fewer than 2 grid points on an axis; expected at most 2 (from defaults)',
    ]);
    expect(await problems('defaults: {fn: nope, step: 0}\ncharts:\n  - {out: a.png}\n  - {out: b.png, step: 0.5}\n  - {out: c.png, fn: xy}\n')).toEqual([
      '1: defaults.step: expected a number greater than 0, got 0',
      expect.stringMatching(/^3: charts\[0\].fn: unknown function "nope"; .* \(from defaults\)$/),
      expect.stringMatching(/^4: charts\[1\].fn: unknown function "nope"; .* \(from defaults\)$/),
    ]);
  });

  it('an expression that does not parse, with a caret under the place', async () => {
    const file = manifest('charts:\n  - {out: a.png, expr: "x0 *"}\n');
    const error = await loadManifest(file).catch((e: ManifestError) => e);
    expect(error).toBeInstanceOf(ManifestError);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ path: 'charts[0].expr', line: 2 });
    expect(error.problems[0].context).toMatch(/x0 \*\n\s+\^/);
  });

  it('in the shape of the manifest', async () => {
    expect(await problems('- a\n- b\n')).toEqual(['1: : expected a mapping with `charts:` (a list of charts) and optionally `defaults:`']);
    expect(await problems('defaults: {step: 1}\n')).toEqual([
      '1: charts: missing: give a list of charts, each with an out path and a function (fn or expr)',
    ]);
    expect(await problems('charts: []\n')).toEqual(['1: charts: empty: give a list of charts, each with an out path and a function (fn or expr)']);
    expect(await problems('charts: {out: a.png}\n')).toEqual([
      '1: charts: expected a list, got {"out":"a.png"}: give a list of charts, each with an out path and a function (fn or expr)',
    ]);
    expect(await problems('defaults: [1]\ncharts: [{out: a.png, fn: xy}]\n')).toEqual(['1: defaults: expected a mapping of chart options, got a list']);
  });

  it('in the syntax of YAML and JSON, at their line', async () => {
    expect(await problems('charts:\n  - {out: a.png, fn: xy, fn: sum_sq}\n')).toEqual([expect.stringMatching(/^2: : Map keys must be unique/)]);
    expect(await problems('{"charts": [\n  {out: "a.png"}]}', 'plots.json')).toEqual([expect.stringMatching(/^2: : Unresolved plain scalar "out"/)]);
  });

  it('of the file itself: a missing file, an unknown type', async () => {
    await expect(loadManifest(join(tempDir(), 'none.yaml'))).rejects.toThrow(/cannot read the manifest .*none.yaml: ENOENT/);
    const error = await loadManifest(manifest('charts: []', 'plots.toml')).catch((e: Error) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error).not.toBeInstanceOf(ManifestError);
    expect((error as Error).message).toMatch(/plots.toml: unknown manifest type ".toml"; expected .yaml, .yml or .json/);
  });
});

describe('gradplot batch with a bad manifest', () => {
  it('exits 2, prints each problem on its own line as file:line:col, and writes nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plots.yaml'), 'charts:\n  - {out: a.png, fn: xy}\n  - {out: b.png, fn: xy, range: "2,-2"}\n  - {out: c.png, fn: nope}\n');
    const r = await cli(['batch', 'plots.yaml'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'gradplot: plots.yaml: 2 problems; nothing was rendered',
      'plots.yaml:3:33: charts[1].range: expected min,max with min < max (e.g. -2,2), got "2,-2"',
      expect.stringMatching(/^plots.yaml:4:22: charts\[2\].fn: unknown function "nope"/),
    ]);
    expect(readdirSync(dir)).toEqual(['plots.yaml']);
  });
});
