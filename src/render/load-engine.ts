import { runBundle } from '../util/bundle.js';

/** Vega and Vega-Lite's compiler. */
export type Engine = typeof import('./engine.js');

let engine: Promise<Engine> | undefined;

/** Loads Vega and Vega-Lite once: the build's bundle of them (util/bundle.ts), or else their ES modules. */
export function loadEngine(): Promise<Engine> {
  if (!engine) {
    const bundled = runBundle<Engine>('engine');
    engine = bundled ? Promise.resolve(bundled) : import('./engine.js');
  }
  return engine;
}

/** Makes `loadEngine` give an engine already loaded: the start-up snapshot's (src/snapshot.ts). */
export function useLoadedEngine(loaded: Engine): void {
  engine = Promise.resolve(loaded);
}
