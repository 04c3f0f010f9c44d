import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The per-user folder for what gradplot makes to start faster on this machine:
 * GRADPLOT_CACHE_DIR if set (empty: none), else the platform's cache folder
 * (XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS,
 * %LOCALAPPDATA% on Windows). Undefined when there is none to use.
 */
export function cacheFolder(): string | undefined {
  const env = process.env;
  if (env.GRADPLOT_CACHE_DIR !== undefined) return env.GRADPLOT_CACHE_DIR || undefined;
  let home: string;
  try {
    home = homedir();
  } catch {
    return undefined;
  }
  if (process.platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'gradplot', 'Cache');
  if (process.platform === 'darwin') return join(home, 'Library', 'Caches', 'gradplot');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'gradplot');
}
