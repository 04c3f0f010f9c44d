import type { Canvas } from 'canvas';
import { canvasAddon } from './canvas-addon.js';

/** Idle surfaces kept for reuse, at most: enough for the charts one thread has in flight at once. */
const KEPT = 4;
/** Larger surfaces (32 MB) are not kept: a long-lived process using the library would hold them for good. */
const KEPT_PIXELS = 8_000_000;

const idle: Canvas[] = [];
/** Surfaces without an alpha channel. */
const opaqueSurfaces = new WeakSet<Canvas>();

/**
 * A drawing surface of `width` × `height` pixels, cleared, with its transform
 * reset: an idle one of that size if there is one, else a new one. A reused
 * surface skips allocating and first touching several megabytes per chart.
 * An `opaque` surface has no alpha channel: for a chart whose background
 * covers it, it draws the same pixels, and its PNG (RGB, not RGBA) encodes in
 * about half the time. Give it back with `releaseSurface` once nothing reads
 * it any more (after its PNG is encoded, which happens on another thread).
 */
export function takeSurface(width: number, height: number, opaque = false): Canvas {
  const i = idle.findIndex((c) => c.width === width && c.height === height && opaqueSurfaces.has(c) === opaque);
  if (i < 0) {
    const surface = new (canvasAddon().Canvas)(width, height);
    // The first getContext fixes the surface's pixel format.
    skipUnchangedStyles(surface.getContext('2d', { pixelFormat: opaque ? 'RGB24' : 'RGBA32' }));
    if (opaque) opaqueSurfaces.add(surface);
    return surface;
  }
  const [surface] = idle.splice(i, 1);
  const context = surface.getContext('2d');
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, width, height);
  return surface;
}

/** Makes `surface` available again; the oldest idle surface goes when more than `KEPT` wait. */
export function releaseSurface(surface: Canvas): void {
  if (surface.width * surface.height > KEPT_PIXELS) return;
  idle.push(surface);
  if (idle.length > KEPT) idle.shift();
}

const opacity = new Map<string, boolean>();

/** Whether CSS colour `color` is opaque, as the canvas addon reads it (a colour it cannot read is not). */
export function isOpaqueColor(color: string): boolean {
  let opaque = opacity.get(color);
  if (opaque === undefined) {
    const context = new (canvasAddon().Canvas)(1, 1).getContext('2d');
    // An unreadable colour leaves the fill style as it was.
    context.fillStyle = 'transparent';
    context.fillStyle = color;
    context.fillRect(0, 0, 1, 1);
    opaque = context.getImageData(0, 0, 1, 1).data[3] === 255;
    if (opacity.size >= 100) opacity.clear();
    opacity.set(color, opaque);
  }
  return opaque;
}

/** What Vega sets before every item it draws, each setter costly in the addon (a colour is parsed each time). */
const STYLES = ['globalCompositeOperation', 'globalAlpha', 'fillStyle', 'strokeStyle', 'lineWidth', 'lineCap', 'lineJoin', 'miterLimit', 'font', 'textAlign'] as const;

/**
 * Makes `context` skip setting a style to the value it was last set to.
 * restore() may change styles behind the setters' back, so after one the
 * next value of each is always set; so is a gradient or pattern.
 */
function skipUnchangedStyles(context: import('canvas').CanvasRenderingContext2D): void {
  const prototype = Object.getPrototypeOf(context) as object;
  const restore = (prototype as { restore: () => void }).restore;
  const known = new Map<string, unknown>();
  const properties: PropertyDescriptorMap = {
    restore: {
      value: () => {
        known.clear();
        restore.call(context);
      },
    },
  };
  for (const name of STYLES) {
    const native = Object.getOwnPropertyDescriptor(prototype, name)!;
    properties[name] = {
      get: () => native.get!.call(context),
      set: (value: unknown) => {
        const plain = typeof value === 'string' || typeof value === 'number';
        if (plain && known.get(name) === value) return;
        native.set!.call(context, value);
        if (plain) known.set(name, value);
        else known.delete(name);
      },
    };
  }
  Object.defineProperties(context, properties);
}
