import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../src/util/limits.js';
import { ROOT } from './helpers.js';

describe('README', () => {
  it('lists every limit of the one table, with its number', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const limit of Object.values(LIMITS)) {
      expect(readme).toContain(`| ${limit.max.toLocaleString('en-US')} | ${limit.what} | ${limit.why} |`);
    }
  });
});
