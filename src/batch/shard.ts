import { createHash } from 'node:crypto';
import { InvalidArgumentError } from 'commander';

/** Share `index` (from 1) of `count`, as `--shard index/count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Reads `i/n` with whole numbers 1 ≤ i ≤ n; throws InvalidArgumentError naming what is accepted. */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const [index, count] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  if (!(index >= 1 && index <= count)) {
    throw new InvalidArgumentError(`expected i/n with whole numbers 1 ≤ i ≤ n (e.g. 2/4), got ${JSON.stringify(value)}`);
  }
  return { index, count };
}

/**
 * Whether the chart named `name` (its out path relative to the output folder)
 * belongs to `shard`. Decided by a hash of the name alone, so the n shards are
 * disjoint and cover every chart, and adding, removing or reordering other
 * charts never moves a chart to another shard.
 */
export function inShard(name: string, shard: Shard): boolean {
  const hash = createHash('sha256').update(name).digest();
  return hash.readUInt32BE(0) % shard.count === shard.index - 1;
}
