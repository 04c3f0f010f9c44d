import { createHash } from 'node:crypto';

/** Share `index` (from 1) of `count`, as `--shard index/count`. */
export interface Shard {
  index: number;
  count: number;
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
