import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/batch/manifest.js';
import { manifestSchema } from '../../src/batch/schema.js';
import { OPTIONS } from '../../src/options.js';
import { cli, ROOT } from '../helpers.js';

const EXAMPLES = join(ROOT, 'examples');
const MANIFESTS = readdirSync(EXAMPLES).filter((f) => /\.(ya?ml|json)$/.test(f));
const SHIPPED = join(ROOT, 'schema', 'manifest.schema.json');

// Manifests the schema must refuse, as gradplot batch does.
const BAD: [string, unknown][] = [
  ['no charts', { defaults: { fn: 'xy' } }],
  ['an unknown top-level key', { charts: [{ out: 'a.png', fn: 'xy' }], extra: 1 }],
  ['an unknown option', { charts: [{ out: 'a.png', fn: 'xy', colour: 'red' }] }],
  ['a chart without out', { charts: [{ fn: 'xy' }] }],
  ['out in the defaults', { defaults: { out: 'a.png' }, charts: [{ out: 'b.png', fn: 'xy' }] }],
  ['out to stdout', { charts: [{ out: '-', fn: 'xy' }] }],
  ['check, which a batch does not take', { charts: [{ out: 'a.png', fn: 'xy', check: true }] }],
  ['a range of three numbers', { charts: [{ out: 'a.png', fn: 'xy', range: [1, 2, 3] }] }],
  ['a negative step', { charts: [{ out: 'a.png', fn: 'xy', step: -1 }] }],
  ['an unknown method', { charts: [{ out: 'a.png', fn: 'xy', method: 'euler' }] }],
  ['an arrow scale that is neither a number nor shared', { charts: [{ out: 'a.png', fn: 'xy', arrowScale: 'same' }] }],
];

// The shipped file, as an editor or CI validator reads it, in ajv's strict mode (unknown keywords are errors).
const validateShipped = () => new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(SHIPPED, 'utf8')));

describe('the manifest JSON Schema', () => {
  const schema = manifestSchema() as { properties: { defaults: { properties: object }; charts: { items: { properties: object; required: string[] } } } };

  it('is draft 2020-12, closed, and generated from every chart option', async () => {
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', additionalProperties: false, required: ['charts'] });
    const keys = OPTIONS.map((o) => o.key as string).filter((k) => k !== 'check');
    expect(Object.keys(schema.properties.charts.items.properties)).toEqual(keys);
    expect(Object.keys(schema.properties.defaults.properties)).toEqual(keys.filter((k) => k !== 'out'));
    expect(schema.properties.charts.items.required).toEqual(['out']);
    expect(schema.properties.charts.items.properties).toMatchObject({ arrowScale: { anyOf: [{ type: 'number' }, { const: 'shared' }] } });
  });

  it('is what `gradplot schema` prints', async () => {
    const r = await cli(['schema']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(manifestSchema());
  });

  it('ships as schema/manifest.schema.json (regenerate: node bin/gradplot.js schema > schema/manifest.schema.json)', async () => {
    expect(JSON.parse(readFileSync(SHIPPED, 'utf8'))).toEqual(manifestSchema());
  });

  it('has manifests in examples/ to check', async () => {
    expect(MANIFESTS).toContain('gallery.yaml');
  });

  for (const name of MANIFESTS) {
    it(`gradplot batch accepts examples/${name}`, async () => {
      const manifest = await loadManifest(join(EXAMPLES, name));
      expect(manifest.charts.length).toBeGreaterThan(0);
    });

    it(`validates examples/${name}`, () => {
      const validate = validateShipped();
      const ok = validate(parse(readFileSync(join(EXAMPLES, name), 'utf8')));
      expect(validate.errors ?? [], name).toEqual([]);
      expect(ok).toBe(true);
    });
  }

  it('refuses bad manifests', () => {
    const validate = validateShipped();
    for (const [name, manifest] of BAD) expect(validate(manifest), name).toBe(false);
  });
});
