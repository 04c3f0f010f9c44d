import type { Canvas } from 'canvas';
import { canvasAddon } from './canvas-addon.js';

/** Idle surfaces kept for reuse, at most: enough for the charts one thread has in flight at once. */
const KEPT = 4;

const idle: Canvas[] = [];

/**
 * A drawing surface of `width` × `height` pixels, cleared, with its transform
 * reset: an idle one of that size if there is one, else a new one. A reused
 * surface skips allocating and first touching several megabytes per chart.
 * Give it back with `releaseSurface` once nothing reads it any more (after
 * its PNG is encoded, which happens on another thread).
 */
export function takeSurface(width: number, height: number): Canvas {
  const i = idle.findIndex((c) => c.width === width && c.height === height);
  if (i < 0) return new (canvasAddon().Canvas)(width, height);
  const [surface] = idle.splice(i, 1);
  const context = surface.getContext('2d');
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, width, height);
  return surface;
}

/** Makes `surface` available again; the oldest idle surface goes when more than `KEPT` wait. */
export function releaseSurface(surface: Canvas): void {
  idle.push(surface);
  if (idle.length > KEPT) idle.shift();
}
