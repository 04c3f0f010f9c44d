// vega-canvas for gradplot's bundles: the same as vega-canvas's Node build, but
// loading the canvas addon with require() on first use instead of a top-level
// await, which a CommonJS bundle cannot hold.
//
// The start-up snapshot (src/snapshot.ts) is built where the addon cannot be
// loaded. Canvases asked for while it is built are stand-ins: drawing on them
// does nothing (the build draws sample charts so V8 compiles the drawing code),
// and once the snapshot has started they forward to a real canvas made on first
// use. That is how vega-scenegraph's text-measuring canvas, made as it loads,
// measures with the real fonts.
const { startupSnapshot } = require('node:v8');

let addon;
const load = () => (addon ??= require('canvas'));

// The first canvas asked for is vega-scenegraph's text-measuring one, made as it loads. gradplot lays text
// out from the fonts' metrics (src/render/text-width.ts), so it stays a stand-in: an SVG never loads the addon.
let measuring = true;

exports.canvas = (w, h, type) => {
  if (startupSnapshot.isBuildingSnapshot() || measuring) {
    measuring = false;
    return later(w, h, type);
  }
  try {
    return new (load().Canvas)(w, h, type);
  } catch {
    return null;
  }
};
exports.image = () => load().Image;

/** A stand-in canvas whose 2D context does nothing while the snapshot is built, and is real after. */
function later(w, h, type) {
  let context;
  const target = () =>
    startupSnapshot.isBuildingSnapshot() ? NOTHING : (context ??= new (load().Canvas)(w, h, type).getContext('2d'));
  const forward = new Proxy(
    {},
    {
      get: (_, key) => {
        const value = target()[key];
        return typeof value === 'function' ? value.bind(target()) : value;
      },
      set: (_, key, value) => {
        target()[key] = value;
        return true;
      },
    },
  );
  return { width: w, height: h, getContext: () => forward };
}

/** A 2D context that does nothing: every method returns it, every property is it. */
const NOTHING = new Proxy(function () {}, { get: () => NOTHING, set: () => true, apply: () => NOTHING });
