import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/util/limits.js';
import { ROOT } from '../helpers.js';

describe('the table of limits', () => {
  it('is the one the README prints: each bound, its number and why', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Limits'), readme.indexOf('\n## ', readme.indexOf('### Limits')));
    const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| bound')).map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
    expect(rows.map((r) => r[0])).toEqual(Object.values(LIMITS).map((l) => l.what));
    for (const limit of Object.values(LIMITS) as { max: number; min?: number; what: string; why: string }[]) {
      const [, bound, why] = rows.find((r) => r[0] === limit.what)!;
      const shown = limit.max.toLocaleString('en-US');
      expect(bound, limit.what).toMatch(limit.min === undefined ? `at most ${shown}` : `${limit.min.toLocaleString('en-US')} to ${shown}`);
      expect(why).toBe(limit.why);
    }
  });
});
