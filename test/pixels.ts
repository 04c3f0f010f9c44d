import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { expect } from 'vitest';

/**
 * Fails unless `png` matches the PNG file at `reference`, pixel by pixel, with a small tolerance
 * (anti-aliasing differs a little between Cairo versions; the threshold still tells #666666 from
 * #777777). On failure the actual image and the diff are left in the temp folder.
 */
export function expectSamePixels(png: Buffer, reference: string, name: string) {
  const [actual, expected] = [PNG.sync.read(png), PNG.sync.read(readFileSync(reference))];
  expect([actual.width, actual.height], name).toEqual([expected.width, expected.height]);
  const diff = new PNG({ width: actual.width, height: actual.height });
  const changed = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: 0.03 });
  if (changed > 0.002 * actual.width * actual.height) {
    const where = join(tmpdir(), `gradplot-${name}`);
    writeFileSync(`${where}-actual.png`, png);
    writeFileSync(`${where}-diff.png`, PNG.sync.write(diff));
    expect.fail(`${changed} pixels differ from ${reference}; see ${where}-actual.png and ${where}-diff.png`);
  }
}
