import { DEFAULT_MAX_ARROWS, isChart } from '../chart-kinds.js';
import { DEFAULT_SIZE } from '../chart-size.js';
import { DEFAULT_SCALE, type PlotRequest } from '../request.js';

/** Expressions longer than this may take a noticeable time to compile. */
const LONG_EXPRESSION = 200;
/** Four times the pixels of a default plot area at the default scale. */
const LONG_PIXELS = 4 * (DEFAULT_SIZE * DEFAULT_SCALE) ** 2;

/**
 * Whether a chart may hold its thread for long in work that cannot pause:
 * compiling a long expression, or Vega drawing more arrows or pixels than a
 * default chart. Such charts are drawn on a worker thread, never on the
 * batch's main thread, which must stay free to take a second signal.
 */
export function drawsLong(request: PlotRequest): boolean {
  if (request.fn.kind === 'expr' && request.fn.source.length > LONG_EXPRESSION) return true;
  if (request.format === undefined || !isChart(request.format)) return false;
  const arrows = Math.min(request.nx * request.ny, request.maxArrows);
  const pixels = (request.width ?? DEFAULT_SIZE) * (request.height ?? DEFAULT_SIZE) * request.scale ** 2;
  return arrows > DEFAULT_MAX_ARROWS || pixels > LONG_PIXELS;
}
