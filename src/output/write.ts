import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Something that writes its bytes to a stream, chunk by chunk. */
export type Chunks = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/**
 * Writes a file atomically: into a temporary file in the same folder, then
 * renamed over the target, so a failure never leaves a truncated file and never
 * damages a file that was already there. Chunks stream with back-pressure, so a
 * large export never sits in memory whole.
 */
export async function writeAtomic(path: string, chunks: Chunks): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  unfinished.add(temp);
  try {
    await writeFile(temp, chunks, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    unfinished.delete(temp);
  }
}

const unfinished = new Set<string>();

/** Deletes the temporary files of writes still in progress: for a process about to exit on a signal. */
export function removeUnfinished(): void {
  for (const temp of unfinished) rmSync(temp, { force: true });
  unfinished.clear();
}

/** Writes chunks to stdout; a reader that goes away early (`| head`) just ends the output. */
export async function writeStdout(chunks: Chunks): Promise<void> {
  try {
    await pipeline(Readable.from(chunks), process.stdout, { end: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
  }
}
