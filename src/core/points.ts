/**
 * Points travel as rows: a flat `Float64Array` of `count × dim` numbers,
 * row `i` being point `i`. Never one array per axis.
 */
export interface Points {
  /** Row-major coordinates, `count × dim` numbers. */
  readonly data: Float64Array;
  /** Coordinates per point (columns). */
  readonly dim: number;
  /** Number of points (rows). */
  readonly count: number;
}

/** Wraps row-major data as Points; throws when the length is not a multiple of `dim`. */
export function points(data: Float64Array, dim: number): Points {
  if (!(data instanceof Float64Array)) {
    throw new TypeError('points: data must be a Float64Array of rows (count × dim numbers), not one array per axis');
  }
  if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`points: dim must be a positive integer, got ${dim}`);
  if (data.length % dim !== 0) {
    throw new RangeError(`points: ${data.length} numbers do not make whole rows of ${dim}`);
  }
  return { data, dim, count: data.length / dim };
}
