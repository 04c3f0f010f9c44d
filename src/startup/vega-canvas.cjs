// vega-canvas for gradplot's Vega bundle: the same as vega-canvas's Node build,
// but loading the canvas addon with require() on first use instead of a
// top-level await, which a CommonJS bundle cannot hold.
let addon;
const load = () => (addon ??= require('canvas'));

exports.canvas = (w, h, type) => {
  try {
    return new (load().Canvas)(w, h, type);
  } catch {
    return null;
  }
};
exports.image = () => load().Image;
