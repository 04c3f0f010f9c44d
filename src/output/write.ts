import { closeSync, constants, fstatSync, openSync, readdirSync, rmSync, statSync, type Stats } from 'node:fs';
import { lstat, open, readlink, realpath, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { SIGNAL_STATUS } from '../io.js';
import { randomHex } from '../util/random-hex.js';
import { tty, workerThreads } from '../util/lazy-builtins.js';

/** Something that writes its bytes to a stream, chunk by chunk. */
export type Chunks = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/** How a write may be stopped. */
export interface WriteOptions {
  /** Once aborted, the write stops with the signal's reason and a regular file is left as it was. */
  signal?: AbortSignal;
}

/**
 * Writes an output file. A regular file (or a new one) is written atomically:
 * into a temporary file in its folder, then renamed over it with the old
 * file's permissions, so a failure or an abort never leaves a truncated file
 * and never damages one that was there; a link to it keeps pointing at it.
 * A FIFO, a character device or a path under /dev or /proc (`/dev/stdout`)
 * is written straight into, so the node itself is never replaced. Chunks
 * stream, so a large export never sits in memory whole.
 */
export async function writeOutput(path: string, chunks: Chunks, { signal }: WriteOptions = {}): Promise<void> {
  const target = await resolveTarget(path);
  try {
    if (target.kind === 'stdout') await writeStdout(chunks);
    else if (target.kind === 'special') await writeStraight(target.path, chunks, signal);
    else await writeAtomic(target.path, chunks, target.mode, signal);
  } catch (error) {
    throw signal?.aborted ? signal.reason : error;
  }
}

type Target = { kind: 'stdout' } | { kind: 'special'; path: string } | { kind: 'regular'; path: string; mode?: number };

const MAX_LINKS = 40;

// Where the bytes go: the node a path names after its links, and whether it is a regular file.
async function resolveTarget(path: string): Promise<Target> {
  const absolute = resolve(path);
  const stats = await stat(absolute).catch(missing);
  if (stats?.isDirectory()) throw new Error(`${path} is a folder`);
  const named = /^\/(dev|proc)\//.test(absolute);
  // This process's stdout by name (/dev/stdout) is written as stdout: it may be a socket, which cannot be
  // opened by name, or a file the shell opened for appending.
  if (stats && (named || !stats.isFile()) && isStdout(stats)) return { kind: 'stdout' };
  if (stats && (stats.isBlockDevice() || stats.isSocket())) {
    throw new Error(`${path} is a ${stats.isSocket() ? 'socket' : 'block device'}; write to a file, a FIFO or a character device`);
  }
  // Links under /dev and /proc (/dev/stdout → /proc/self/fd/1) name open files, not places to make new ones.
  if ((stats && !stats.isFile()) || named) return { kind: 'special', path: absolute };
  if (stats) return { kind: 'regular', path: await realpath(absolute), mode: stats.mode & 0o7777 };
  return { kind: 'regular', path: await danglingTarget(absolute) };
}

// A path that does not exist yet, or a link to one: the file the link would make.
async function danglingTarget(path: string): Promise<string> {
  for (let hops = 0; hops < MAX_LINKS; hops++) {
    const link = await lstat(path).catch(missing);
    if (!link?.isSymbolicLink()) return path;
    path = resolve(dirname(path), await readlink(path));
  }
  throw new Error(`${path}: too many levels of symbolic links`);
}

function isStdout({ dev, ino }: Stats): boolean {
  try {
    const out = fstatSync(1);
    return out.dev === dev && out.ino === ino;
  } catch {
    return false;
  }
}

function missing(error: NodeJS.ErrnoException): undefined {
  if (error.code === 'ENOENT') return undefined;
  throw error;
}

async function writeAtomic(path: string, chunks: Chunks, mode: number | undefined, signal?: AbortSignal): Promise<void> {
  const temp = temporaryName(path);
  unfinished.add(temp);
  guardSignals();
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx', 0o666);
    // open's mode passes through the umask; the replaced file's permissions are kept exactly.
    if (mode !== undefined) await handle.chmod(mode);
    await writeFile(handle, chunks, { signal });
    await handle.close();
    handle = undefined;
    signal?.throwIfAborted();
    await rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => {});
    await rm(temp, { force: true });
    throw error;
  } finally {
    unfinished.delete(temp);
    if (unfinished.size === 0) unguardSignals();
  }
}

// `.name.<pid>.<random>.tmp` beside the target: hidden, and the process's own (opened exclusively).
function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomHex(1)}.tmp`);
}

const READER_POLL_MS = 50;

// A FIFO waits for its reader without blocking a thread, so that an abort ends the wait.
async function writeStraight(path: string, chunks: Chunks, signal?: AbortSignal): Promise<void> {
  const flags = constants.O_WRONLY | constants.O_NOCTTY | (/^\/(dev|proc)\//.test(path) ? 0 : constants.O_TRUNC);
  let [probe, handle]: (FileHandle | undefined)[] = [];
  try {
    while (!probe) {
      signal?.throwIfAborted();
      probe = await open(path, flags | constants.O_NONBLOCK).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENXIO') throw error;
        return sleep(READER_POLL_MS, undefined, { signal }).then(() => undefined, () => undefined);
      });
    }
    // With a reader present, a blocking open returns at once (and is opened before the probe closes, which
    // would end the reader's input); its writes block as a pipe's should.
    handle = await open(path, flags);
    await probe.close();
    probe = undefined;
    await writeFile(handle, chunks, { signal });
  } finally {
    await probe?.close().catch(() => {});
    await handle?.close().catch(() => {});
  }
}

const unfinished = new Set<string>();

const SIGNALS = Object.keys(SIGNAL_STATUS) as NodeJS.Signals[];
let guarded = false;

// While a temporary file exists in a program that catches none of these signals (the CLI and a batch catch them,
// stop their writes and remove the files themselves), one of them removes it and ends the process as it would have.
function guardSignals(): void {
  // Listeners first: the command line has them, and never needs to load worker_threads to ask.
  if (guarded || SIGNALS.some((name) => process.listenerCount(name) > 0) || !workerThreads().isMainThread) return;
  guarded = true;
  for (const name of SIGNALS) process.on(name, endBy);
}

function unguardSignals(): void {
  if (!guarded) return;
  guarded = false;
  for (const name of SIGNALS) process.off(name, endBy);
}

function endBy(signal: NodeJS.Signals): void {
  removeUnfinished();
  unguardSignals();
  process.kill(process.pid, signal);
}

/** Deletes the temporary files of this thread's writes still in progress: for a process about to exit on a signal. */
export function removeUnfinished(): void {
  for (const temp of unfinished) rmSync(temp, { force: true });
  unfinished.clear();
}

/**
 * Deletes the temporary files this process (any of its threads) made for
 * writes into `folder`: for a batch that ends its worker threads at once.
 */
export function removeTemporaries(folder: string): void {
  const own = new RegExp(`^\\..+\\.${process.pid}\\.[0-9a-f]{8}\\.tmp$`);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) if (own.test(name)) rmSync(join(folder, name), { force: true });
}

/** Writes chunks to stdout; a reader that goes away early (`| head`) just ends the output. */
export async function writeStdout(chunks: Chunks, stdout: Writable = process.stdout): Promise<void> {
  try {
    await pipeline(Readable.from(chunks), stdout, { end: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
  }
}

/** Whether `path` (`-` for stdout) is a terminal, where binary bytes would garble the screen. */
export function isTerminal(path: string): boolean {
  if (path === '-') return tty().isatty(1);
  let fd: number | undefined;
  try {
    if (!statSync(path).isCharacterDevice()) return false;
    fd = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
    return tty().isatty(fd);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
