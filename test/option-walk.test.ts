// Every option of the table changes something through every door that takes it: the
// command line's output (or its report), the request a manifest makes, and the library's
// chart (or its check and critical points). An option that is accepted and then ignored fails here.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../src/batch/manifest.js';
import { NOT_IN_MANIFEST } from '../src/batch/manifest.js';
import { optionName } from '../src/errors.js';
import { gradientField } from '../src/index.js';
import { OPTIONS } from '../src/options.js';
import { cli, tempDir } from './helpers.js';

const BASE = { fn: 'sin_xy', step: '0.5' };

/** A value of each option other than what the base chart has; a new option needs one here. */
const SAMPLES: Record<string, string | true> = {
  fn: 'xy',
  expr: 'x0^2 - x1',
  range: '-1,1',
  xrange: '-1,1',
  yrange: '0,2',
  step: '1',
  h: '0.5',
  method: 'forward',
  ascent: true,
  check: true,
  out: 'other.vl.json',
  format: 'svg',
  scale: '1',
  length: 'sqrt',
  normalize: true,
  arrowScale: '0.05',
  maxArrows: '4',
  key: true,
  pivot: 'tip',
  color: 'magnitude',
  background: 'heatmap',
  critical: true,
  width: '300',
  height: '200',
  title: 'Another title',
  theme: 'dark',
  descent: 'sgd:0.1',
  start: '1,1',
  iterations: '5',
  panels: true,
  pathsOut: 'p.csv',
  streamlines: true,
  arrows: true,
  density: '8',
  streamStart: '0.5,0.5',
  maxLength: '1',
  streamWidth: 'magnitude',
  colormap: 'magma',
  colorScale: 'linear',
  xstep: '0.25',
  ystep: '0.25',
  points: '5x5',
  xlabel: 'a',
  ylabel: 'b',
  subtitle: 'another subtitle',
  arrowWidth: '3',
  headSize: '4',
  fontSize: '14',
  transparent: true,
  dpi: '300',
  aspect: 'free',
};

/** Options that change something only beside another: the path options need paths to draw. */
const COMPANIONS: Record<string, Record<string, string | true>> = {
  start: { descent: 'sgd:0.1' },
  iterations: { descent: 'sgd:0.1' },
  panels: { descent: 'sgd:0.1,momentum:0.1' },
  pathsOut: { descent: 'sgd:0.1' },
  arrows: { streamlines: true },
  density: { streamlines: true },
  streamStart: { streamlines: true },
  maxLength: { streamlines: true },
  streamWidth: { streamlines: true },
  colormap: { background: 'heatmap' },
  colorScale: { background: 'heatmap' },
};

// The base chart an option is compared with: BASE and the option's companions.
function baseFor(key: string): Record<string, string | true> {
  return { ...BASE, ...COMPANIONS[key] };
}

// The base with one option set; a function option replaces the base's function.
function withOption(key: string): Record<string, string | true> {
  const { fn, ...rest } = baseFor(key);
  return { ...(key === 'expr' ? rest : { fn, ...rest }), [key]: SAMPLES[key]! };
}

function argv(options: Record<string, string | true>): string[] {
  return Object.entries(options).flatMap(([k, v]) => (v === true ? [optionName(k, 'cli')] : [optionName(k, 'cli'), v]));
}

// What the command line produced: stdout, stderr and the output file, for one set of options.
async function commandLine(options: Record<string, string | true>): Promise<string> {
  const dir = tempDir();
  const out = typeof options.out === 'string' ? options.out : options.format ? '-' : options.scale || options.dpi ? 'c.png' : 'c.vl.json';
  const r = await cli(argv({ ...options, out }), { cwd: dir });
  expect(r.status, r.stderr).toBe(0);
  const file = out === '-' ? '' : readFileSync(join(dir, out)).toString('base64');
  return JSON.stringify([r.stdout, r.stderr, out, file, readdirSync(dir).sort()]);
}

async function manifestRequest(options: Record<string, unknown>, out = 'c.vl.json'): Promise<string> {
  const file = join(tempDir(), 'plots.json');
  writeFileSync(file, JSON.stringify({ charts: [{ out, ...options }] }));
  const { request } = (await loadManifest(file)).charts[0]!;
  return JSON.stringify({ ...request, out: request.out!.slice(-20) });
}

describe('no option is ignored where it is accepted', () => {
  it('every option of the table has a sample value', () => {
    expect(OPTIONS.map((o) => o.key).filter((k) => !(k in SAMPLES))).toEqual([]);
  });

  for (const { key } of OPTIONS) {
    it(`${key}: the command line's output`, async () => {
      const base = key === 'format' ? { ...BASE, format: 'vl.json' } : key === 'scale' ? { ...BASE, scale: '2' } : baseFor(key);
      expect(await commandLine(withOption(key))).not.toBe(await commandLine(base as Record<string, string>));
    });

    it.skipIf(key in NOT_IN_MANIFEST || key === 'out')(`${key}: the request of a manifest's chart`, async () => {
      const out = key === 'format' ? 'c.dat' : undefined;
      const base = key === 'format' ? { ...BASE, format: 'vl.json' } : baseFor(key);
      expect(await manifestRequest(withOption(key), out)).not.toBe(await manifestRequest(base, out));
    });

    it.skipIf(key === 'out' || key === 'format' || key === 'pathsOut')(`${key}: the library's request and chart`, async () => {
      const seen = async (options: Record<string, unknown>) => {
        const r = await gradientField(options);
        // The scale and the dpi change no spec: render() takes them with the request's values.
        return JSON.stringify([r.spec, r.check ?? null, r.critical ?? null, key === 'scale' || key === 'dpi' ? r.request[key] : null]);
      };
      expect(await seen(withOption(key))).not.toBe(await seen(baseFor(key)));
    });
  }
});
