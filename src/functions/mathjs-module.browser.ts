import type { MathjsModule } from './mathjs-module.js';

/**
 * mathjs in the explorer page: the same single-file build as in Node.js. The
 * bundle runs a require()d module on its first call, so a page that starts
 * from a built-in function draws before mathjs has run.
 */
export async function mathjsModule(): Promise<MathjsModule> {
  return require('mathjs/lib/browser/math.js') as MathjsModule;
}
