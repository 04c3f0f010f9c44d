import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomic } from '../../src/output/write.js';
import { tempDir } from '../helpers.js';

describe('writeAtomic', () => {
  it('replaces the file only when every chunk is written', async () => {
    const dir = tempDir();
    const path = join(dir, 'field.csv');
    await writeAtomic(path, ['a,b\n', '1,2\n']);
    expect(readFileSync(path, 'utf8')).toBe('a,b\n1,2\n');
  });

  it('leaves the existing file intact and no temporary file when producing the bytes fails midway', async () => {
    const dir = tempDir();
    const path = join(dir, 'field.csv');
    writeFileSync(path, 'good');
    function* failing() {
      yield 'x0,x1\n';
      throw new Error('render failed');
    }
    await expect(writeAtomic(path, failing())).rejects.toThrow('render failed');
    expect(readFileSync(path, 'utf8')).toBe('good');
    expect(readdirSync(dir)).toEqual(['field.csv']);
  });
});
