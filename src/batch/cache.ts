import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeOutput } from '../output/write.js';
import type { PlotRequest } from '../request.js';
import { VERSION } from '../version.js';

/**
 * The file, in each folder that holds outputs, that records which request made
 * each output there and what its bytes were:
 * `{"files": {"xy.png": {"request": sha256, "content": sha256}}}`.
 */
export const CACHE_FILE = '.gradplot-cache.json';

interface Entry {
  /** `requestKey` of the request that wrote the file. */
  request: string;
  /** sha256 of the file's bytes when it was written. */
  content: string;
}
type Entries = Record<string, Entry>;

/**
 * What decides a chart's bytes: its checked request (all but the out path) and
 * gradplot's version, as a sha256 over JSON with sorted keys.
 */
export function requestKey(request: PlotRequest): string {
  const { out: _out, ...rest } = request;
  return sha256(JSON.stringify({ gradplot: VERSION, request: rest }, sortedKeys));
}

/**
 * Up-to-date checks for a batch. A chart is up to date when its output exists
 * with the bytes recorded for the same request key, so a file changed or
 * replaced by anything else is rendered again.
 */
export class OutputCache {
  private readonly folders = new Map<string, Promise<Entries>>();
  private readonly written = new Map<string, Entries>();

  /** Whether `out` holds what the request with `key` wrote there. */
  async isFresh(out: string, key: string): Promise<boolean> {
    const entry = (await this.entries(dirname(out)))[basename(out)];
    if (entry?.request !== key) return false;
    const bytes = await readFile(out).catch(() => undefined);
    return bytes !== undefined && sha256(bytes) === entry.content;
  }

  /** Records that `out` was just written by the request with `key`. */
  async record(out: string, key: string): Promise<void> {
    const bytes = await readFile(out);
    const folder = dirname(out);
    const entries = this.written.get(folder) ?? {};
    entries[basename(out)] = { request: key, content: sha256(bytes) };
    this.written.set(folder, entries);
  }

  /**
   * Writes the records of each folder, merged into the file as it is now
   * (another shard may have written it meanwhile). Resolves to the folders
   * whose record could not be written: their charts will just render again.
   */
  async save(): Promise<string[]> {
    const failed: string[] = [];
    for (const [folder, entries] of this.written) {
      const path = join(folder, CACHE_FILE);
      try {
        const files = { ...(await readEntries(path)), ...entries };
        const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
        await writeOutput(path, [JSON.stringify({ files: sorted }, null, 2) + '\n']);
      } catch {
        failed.push(folder);
      }
    }
    this.written.clear();
    return failed;
  }

  private entries(folder: string): Promise<Entries> {
    let entries = this.folders.get(folder);
    if (!entries) this.folders.set(folder, (entries = readEntries(join(folder, CACHE_FILE))));
    return entries;
  }
}

// A missing or unreadable record means nothing is known to be up to date.
async function readEntries(path: string): Promise<Entries> {
  try {
    const files = JSON.parse(await readFile(path, 'utf8')).files;
    return typeof files === 'object' && files !== null ? files : {};
  } catch {
    return {};
  }
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

// JSON.stringify replacer that writes object keys in sorted order, so equal requests hash equally.
function sortedKeys(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
