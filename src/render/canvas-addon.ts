import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { workerThreads } from '../util/lazy-builtins.js';

let addon: typeof import('canvas') | undefined;

/**
 * The canvas addon, with the shipped DejaVu Sans registered on first use so
 * text (and so layout) is the same on every machine. Registration is
 * process-wide (fontconfig) and not thread-safe: two threads registering at
 * once crash in FreeType, so only the main thread registers and worker
 * threads draw with what it registered (see `readyCanvasForWorkers`).
 */
export function canvasAddon(): typeof import('canvas') {
  if (addon) return addon;
  addon = createRequire(import.meta.url)('canvas') as typeof import('canvas');
  if (workerThreads().isMainThread) {
    const dir = fileURLToPath(new URL('../../fonts/', import.meta.url));
    addon.registerFont(`${dir}DejaVuSans.ttf`, { family: 'DejaVu Sans' });
    addon.registerFont(`${dir}DejaVuSans-Bold.ttf`, { family: 'DejaVu Sans', weight: 'bold' });
  }
  return addon;
}

/**
 * Call on the main thread before starting worker threads that draw pixels.
 * canvas is a native addon: when only worker threads have loaded it, the
 * process crashes (SIGSEGV) as the last of them exits; loaded here, with the
 * fonts registered (never in the workers), it stays loaded.
 */
export function readyCanvasForWorkers(): void {
  canvasAddon();
}
