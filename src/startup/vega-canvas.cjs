// vega-canvas for gradplot's Vega bundle: the same as vega-canvas's Node build,
// but loading the canvas addon with require() on first use instead of a
// top-level await, which a CommonJS bundle cannot hold.
let addon;
const load = () => (addon ??= require('canvas'));

// The first canvas asked for is vega-scenegraph's text-measuring one, made as it loads. gradplot lays text
// out from the fonts' metrics (src/render/text-width.ts), so it stays a stand-in: an SVG never loads the addon.
let measuring = true;

exports.canvas = (w, h, type) => {
  if (measuring) {
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

/** A stand-in canvas whose 2D context is made, with the addon, on first use. */
function later(w, h, type) {
  let context;
  const target = () => (context ??= new (load().Canvas)(w, h, type).getContext('2d'));
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
