import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest, ManifestError, type Problem } from '../../src/batch/manifest.js';
import type { Summary } from '../../src/batch/summary.js';
import { cli, tempDir, type RunResult } from '../helpers.js';

/** A new folder holding `plots.yaml` with these charts (and defaults); returns the folder. */
export function withManifest(charts: Record<string, unknown>[], defaults?: Record<string, unknown>): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'plots.yaml'), JSON.stringify({ ...(defaults ? { defaults } : {}), charts }, null, 2));
  return dir;
}

/** Runs `gradplot batch plots.yaml --json …args` in `dir`, in this process (from the build, for its worker threads): the result and its parsed summary. */
export async function batch(dir: string, args: string[] = []): Promise<RunResult & { summary: Summary }> {
  const r = await cli(['batch', 'plots.yaml', '--json', ...args], { cwd: dir, env: { NO_COLOR: '1' }, built: true });
  return { ...r, summary: r.stdout ? JSON.parse(r.stdout) : undefined };
}

/** Each chart's status by its out path. */
export function statuses(summary: Summary): Record<string, string> {
  return Object.fromEntries(summary.charts.map((c) => [c.out, c.status]));
}

/** Writes a manifest into a new folder and returns its path. */
export function manifest(text: string, name = 'plots.yaml'): string {
  const file = join(tempDir(), name);
  writeFileSync(file, text);
  return file;
}

/** The problems of a manifest as `line: path: detail`, or [] when it loads. */
export async function problems(text: string, name?: string): Promise<string[]> {
  try {
    await loadManifest(manifest(text, name));
    return [];
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    return error.problems.map((p: Problem) => `${p.line ?? '-'}: ${p.path}: ${p.detail}`);
  }
}
