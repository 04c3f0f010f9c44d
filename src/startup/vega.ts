// Everything rendering needs from Vega and Vega-Lite, as one module: the CLI's
// build bundles it into one pre-compiled file (see util/bundle.ts).
import * as vega from 'vega';
import { compile } from 'vega-lite';

export { compile, vega };
