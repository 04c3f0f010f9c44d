import { load } from '../startup/load.js';

/** What mathjs.ts makes its instance from. The explorer page's bundle uses mathjs-module.browser.ts instead. */
export type MathjsModule = Pick<typeof import('mathjs'), 'create' | 'parseDependencies' | 'derivativeDependencies'>;

/** mathjs in Node.js, loaded once through the start-up seam. */
export function mathjsModule(): Promise<MathjsModule> {
  return load('mathjs');
}
