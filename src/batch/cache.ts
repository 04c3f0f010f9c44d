import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { writeOutput } from '../output/write.js';
import type { PlotRequest } from '../request.js';
import { LIMITS } from '../util/limits.js';
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
 * replaced by anything else is rendered again. Only regular files are read:
 * the record (under a size limit) and the outputs.
 */
export class OutputCache {
  private readonly folders = new Map<string, Promise<Entries>>();
  private readonly written = new Map<string, Entries>();

  /** @param warn Told, in a line, about a record that is ignored. */
  constructor(private readonly warn: (message: string) => void = () => {}) {}

  /** Whether `out` holds what the request with `key` wrote there. */
  async isFresh(out: string, key: string): Promise<boolean> {
    const entries = await this.entries(dirname(out));
    const entry = Object.hasOwn(entries, basename(out)) ? entries[basename(out)] : undefined;
    if (entry?.request !== key) return false;
    return (await contentHash(out)) === entry.content;
  }

  /** Records that `out` was just written by the request with `key`; an output that is not a regular file is not recorded. */
  async record(out: string, key: string): Promise<void> {
    const content = await contentHash(out);
    if (content === undefined) return;
    const folder = dirname(out);
    const entries = this.written.get(folder) ?? {};
    entries[basename(out)] = { request: key, content };
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
        const now = await readEntries(path);
        // Never written into: a FIFO or a device there is not ours to replace.
        if (now === NOT_REGULAR) throw new Error(`${path} is not a regular file`);
        const files = { ...(typeof now === 'string' ? {} : now), ...entries };
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
    if (!entries) {
      const path = join(folder, CACHE_FILE);
      entries = readEntries(path).then((read) => {
        if (typeof read !== 'string') return read;
        this.warn(`ignoring ${path}: ${read}; its charts render again`);
        return {};
      });
      this.folders.set(folder, entries);
    }
    return entries;
  }
}

const NOT_REGULAR = 'it is not a regular file';

// The record, or why it is ignored; a missing record is an empty one.
async function readEntries(path: string): Promise<Entries | string> {
  const stats = await stat(path).catch(() => undefined);
  if (!stats) return {};
  if (!stats.isFile()) return NOT_REGULAR;
  const max = LIMITS.cacheBytes.max;
  if (stats.size > max) return `it is ${stats.size} bytes, more than the limit of ${max}`;
  try {
    const files = JSON.parse(await readFile(path, 'utf8')).files;
    if (isEntries(files)) return files;
  } catch {
    // Not JSON.
  }
  return 'it is not a gradplot cache file';
}

function isEntries(files: unknown): files is Entries {
  if (typeof files !== 'object' || files === null || Array.isArray(files)) return false;
  return Object.values(files).every((e) => typeof e === 'object' && e !== null && typeof e.request === 'string' && typeof e.content === 'string');
}

// sha256 of a regular file's bytes, streamed; undefined for anything else.
async function contentHash(path: string): Promise<string | undefined> {
  const stats = await stat(path).catch(() => undefined);
  if (!stats?.isFile()) return undefined;
  const hash = createHash('sha256');
  try {
    await pipeline(createReadStream(path), hash);
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

// JSON.stringify replacer that writes object keys in sorted order, so equal requests hash equally.
function sortedKeys(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
