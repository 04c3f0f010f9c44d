import { OPTIONS } from '../options.js';
import { NOT_IN_MANIFEST, REPLACES } from './manifest.js';
import { ARROW_SCALE, SHARED } from './shared-scale.js';

type Schema = Record<string, unknown>;

/**
 * The JSON Schema (draft 2020-12) of a batch manifest, generated from the
 * chart options' own schemas so that it never drifts from what
 * `gradplot batch` accepts. `gradplot schema` prints it.
 */
export function manifestSchema(): Schema {
  const chart = optionSchemas();
  const { out: _out, ...defaults } = chart;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'gradplot batch manifest',
    description: 'Charts for `gradplot batch`: options shared by every chart, and the charts, each with the file it is written to.',
    type: 'object',
    additionalProperties: false,
    required: ['charts'],
    properties: {
      allowOutside: {
        description: 'Let out paths leave the output folder (the manifest\'s folder or --out-dir): absolute paths, ../ and links that lead out. Default false.',
        type: 'boolean',
      },
      defaults: {
        description: `Options every chart takes unless it gives its own. ${replacements()}.`,
        type: 'object',
        additionalProperties: false,
        properties: defaults,
      },
      charts: {
        description: 'The charts, rendered in any order; `charts[i]` in messages counts from 0.',
        type: 'array',
        minItems: 1,
        items: { type: 'object', additionalProperties: false, required: ['out'], properties: chart },
      },
    },
  };
}

// `A chart's fn also replaces the default expr; …`, from the manifest's own table.
function replacements(): string {
  const clauses = Object.entries(REPLACES).map(([key, others]) => `its ${key} also replaces the default ${others.join(' and ')}`);
  return `A chart's ${clauses.join('; ').slice('its '.length)}`;
}

// Each option's schema with its description; `out` as a manifest takes it; `arrowScale` may also be `shared`.
function optionSchemas(): Record<string, Schema> {
  const properties: Record<string, Schema> = {};
  for (const spec of OPTIONS) {
    if (spec.key in NOT_IN_MANIFEST) continue;
    let schema: Schema = { description: spec.description, ...spec.schema };
    if (spec.key === 'out') {
      schema = { ...schema, description: 'the file this chart is written to, relative to the manifest\'s folder (or --out-dir) and inside it unless allowOutside; its extension sets the format', not: { const: '-' } };
    }
    if (spec.key === ARROW_SCALE) {
      schema = { description: `${spec.description}; or "${SHARED}": one scale across the charts of the batch`, anyOf: [spec.schema, { const: SHARED }] };
    }
    properties[spec.key] = schema;
  }
  return properties;
}
