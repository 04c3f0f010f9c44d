import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batch, withManifest } from './helpers.js';

describe('a chart title', () => {
  it('of NUL and digits stays the title in .vl.json (not a data row)', async () => {
    const title = '\u00000';
    const dir = withManifest([{ out: 't.vl.json', fn: 'xy', step: 1, title }]);
    expect((await batch(dir)).status).toBe(0);
    const spec = JSON.parse(readFileSync(join(dir, 't.vl.json'), 'utf8'));
    expect(spec.title.text).toBe(title);
  });
});
