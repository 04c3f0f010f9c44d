import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script, without types
import { commandLine, GALLERY } from '../../scripts/gallery.mjs';
import { cli, ROOT, tempDir } from '../helpers.js';
import { expectSamePixels } from '../pixels.js';

type Entry = { name: string; about: string; args: string[] };

describe('the gallery (scripts/gallery.mjs)', () => {
  it('runs every example command, each giving the PNG in examples/gallery/, pixel for pixel', { timeout: 240_000 }, async () => {
    const dir = tempDir();
    const entries = GALLERY as Entry[];
    // In this process, one after another: the command line's own code, without a process per chart.
    const results: { entry: Entry; stderr: string }[] = [];
    for (const entry of entries) {
      const { status, stderr } = await cli([...entry.args, '-o', join(dir, `${entry.name}.png`)]);
      expect(status, `${entry.name}: ${stderr}`).toBe(0);
      results.push({ entry, stderr });
    }
    for (const { entry, stderr } of results) {
      expect(stderr, entry.name).not.toMatch(/warning|error/i);
      const committed = join(ROOT, 'examples', 'gallery', `${entry.name}.png`);
      expect(existsSync(committed), `${committed} is missing: run node scripts/gallery.mjs`).toBe(true);
      expectSamePixels(readFileSync(join(dir, `${entry.name}.png`)), committed, `gallery-${entry.name}`);
    }
  });

  it('lists each command in examples/README.md as a reader would type it, with its picture', () => {
    const readme = readFileSync(join(ROOT, 'examples', 'README.md'), 'utf8');
    for (const entry of GALLERY as Entry[]) {
      expect(readme).toContain(commandLine(entry, `${entry.name}.png`));
      expect(readme).toContain(`![${entry.name}](gallery/${entry.name}.png)`);
    }
    expect(commandLine({ name: 'x', about: '', args: ['--expr', 'x0*x1', '--title', 'A "b"'] }, 'x.png')).toBe('gradplot --expr "x0*x1" --title "A \\"b\\"" -o x.png');
  });
});
