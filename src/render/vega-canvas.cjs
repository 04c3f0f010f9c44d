// vega-canvas for the CLI's engine bundle: the same as vega-canvas's Node build,
// but loading the canvas addon with require() instead of a top-level await,
// which a CommonJS bundle cannot hold.
const NodeCanvas = require('canvas');

exports.canvas = (w, h, type) => {
  try {
    return new NodeCanvas.Canvas(w, h, type);
  } catch {
    return null;
  }
};
exports.image = () => NodeCanvas.Image;
