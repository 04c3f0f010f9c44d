import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest, ManifestError, type Problem } from '../../src/batch/manifest.js';
import { tempDir } from '../helpers.js';

/** The manifest's out problems as `path: detail`, or the out paths when it loads. */
async function outs(charts: unknown[], { extra = {}, allowOutside, setup }: { extra?: object; allowOutside?: boolean; setup?: (dir: string) => void } = {}) {
  const dir = tempDir();
  setup?.(dir);
  const file = join(dir, 'plots.json');
  writeFileSync(file, JSON.stringify({ ...extra, charts }));
  try {
    const m = await loadManifest(file, { allowOutside });
    return m.charts.map((c) => c.request.out!.slice(dir.length));
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    return error.problems.map((p: Problem) => `${p.path}: ${p.detail}`);
  }
}

const chart = (out: string) => ({ out, fn: 'xy' });
const OUTSIDE = 'is outside the output folder; outputs stay inside it unless --allow-outside or allowOutside: true says otherwise';

describe('batch out paths', () => {
  it.each([
    ['../x.png', `charts[0].out: "../x.png" ${OUTSIDE}`],
    ['/tmp/x.png', `charts[0].out: "/tmp/x.png" ${OUTSIDE}`],
    ['sub/../../x.png', `charts[0].out: "sub/../../x.png" ${OUTSIDE}`],
    ['/', 'charts[0].out: "/" names a folder; give a file path such as charts/xy.png'],
    ['.', 'charts[0].out: "." names a folder; give a file path such as charts/xy.png'],
    ['sub/', 'charts[0].out: "sub/" names a folder; give a file path such as charts/xy.png'],
    ['a\u0000.png', 'charts[0].out: "a\\u0000.png" holds a NUL character; give a file path such as charts/xy.png'],
  ])('refuses %j before any work', async (out, problem) => {
    expect(await outs([chart(out)])).toEqual([problem]);
  });

  it('refuses an out that is an existing folder', async () => {
    expect(await outs([chart('made.png')], { setup: (dir) => mkdirSync(join(dir, 'made.png')) })).toEqual([
      'charts[0].out: "made.png" names a folder; give a file path such as charts/xy.png',
    ]);
  });

  it('refuses an out whose folder is a link that leads outside', async () => {
    const setup = (dir: string) => symlinkSync(tempDir(), join(dir, 'away'));
    expect(await outs([chart('away/x.png')], { setup })).toEqual([`charts[0].out: "away/x.png" ${OUTSIDE}`]);
  });

  it('takes outs outside the folder when the command line or the manifest allows it', async () => {
    const outside = join(tempDir(), 'x.png');
    expect(await outs([chart(outside)], { allowOutside: true })).toHaveLength(1);
    expect(await outs([chart(outside)], { extra: { allowOutside: true } })).toHaveLength(1);
    expect(await outs([chart(outside)], { extra: { allowOutside: 'yes' } })).toEqual([
      'allowOutside: expected true or false, got "yes"',
      `charts[0].out: ${JSON.stringify(outside)} ${OUTSIDE}`,
    ]);
  });

  it('keeps paths that stay inside: sub/./a.png, a/../b.png', async () => {
    expect(await outs([chart('sub/./a.png'), chart('a/../b.png')])).toEqual(['/sub/a.png', '/b.png']);
  });

  it('finds two outs that name the same file through a link', async () => {
    const setup = (dir: string) => {
      mkdirSync(join(dir, 'real'));
      symlinkSync('real', join(dir, 'alias'));
    };
    expect(await outs([chart('real/a.png'), chart('alias/a.png')], { setup })).toEqual([
      'charts[1].out: "alias/a.png" is also the output of charts[0]; each chart needs its own file',
    ]);
  });
});
