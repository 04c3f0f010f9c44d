import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';

/** Something that writes its bytes to a stream, chunk by chunk. */
export type Chunks = Iterable<string | Uint8Array>;

/**
 * Writes a file atomically: into a temporary file in the same folder, then
 * renamed over the target, so a failure never leaves a truncated file and never
 * damages a file that was already there.
 */
export async function writeAtomic(path: string, chunks: Chunks): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const stream = createWriteStream(temp, { flags: 'wx' });
    const done = finished(stream);
    done.catch(() => {});
    for (const chunk of chunks) {
      // Respect back-pressure so a large export streams instead of piling up in memory.
      if (!stream.write(chunk)) await new Promise<void>((resolve, reject) => {
        stream.once('drain', resolve);
        stream.once('error', reject);
      });
    }
    stream.end();
    await done;
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Writes chunks to stdout, waiting for it to drain. */
export async function writeStdout(chunks: Chunks): Promise<void> {
  for (const chunk of chunks) {
    if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}
