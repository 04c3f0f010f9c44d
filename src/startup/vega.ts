// Everything rendering needs from Vega and Vega-Lite, as one module: the build
// bundles it into one file that runs with V8's code cache (see code-cache.ts).
import * as vega from 'vega';
import { compile } from 'vega-lite';

export { compile, vega };
