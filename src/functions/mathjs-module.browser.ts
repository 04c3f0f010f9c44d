import { create, derivativeDependencies, parseDependencies } from 'mathjs';
import type { MathjsModule } from './mathjs-module.js';

/** mathjs in the explorer page: its ES modules, so the bundle holds only the parser and `derivative`. */
export function mathjsModule(): MathjsModule {
  return { create, parseDependencies, derivativeDependencies };
}
