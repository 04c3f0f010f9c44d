import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** A checked out path: absolute, and the file it names after links (two outs with one `file` are one output). */
export type CheckedOut = { path: string; file: string } | { problem: string };

const FILE_HINT = 'give a file path such as charts/xy.png';

/**
 * Checks a chart's `out` against the output folder `base`: a file path, never
 * a folder or a name with NUL, and inside `base` (also after following links)
 * unless `allowOutside`. Reads the file system, writes nothing.
 */
export function checkOut(out: string, base: string, allowOutside: boolean): CheckedOut {
  const shown = JSON.stringify(out);
  if (out.includes('\0')) return { problem: `${shown} holds a NUL character; ${FILE_HINT}` };
  const path = resolve(base, out);
  if (/[/\\]$/.test(out) || ['.', '..'].includes(basename(out)) || path === dirname(path) || isFolder(path)) {
    return { problem: `${shown} names a folder; ${FILE_HINT}` };
  }
  const file = followLinks(path);
  if (!allowOutside && !(isInside(path, base) && isInside(file, followLinks(base)))) {
    return { problem: `${shown} is outside the output folder; outputs stay inside it unless --allow-outside or allowOutside: true says otherwise` };
  }
  return { path, file };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

// The path with the links of its longest existing part followed; the rest as written.
function followLinks(path: string): string {
  const rest: string[] = [];
  for (let at = path; ; at = dirname(at)) {
    try {
      return join(realpathSync(at), ...rest.reverse());
    } catch {
      if (at === dirname(at)) return path;
      rest.push(basename(at));
    }
  }
}
