import { createHash } from 'node:crypto';

/** `--shard k/n`: this run takes the schools whose key hashes to share k of n (1-based). */
export interface Shard {
  k: number;
  n: number;
}

/**
 * Stable across machines, runs and input order: SHA-256 of the school key, first 4 bytes as an
 * unsigned integer, modulo n. Every key lands in exactly one of the n shares.
 */
export function shardOf(key: string, n: number): number {
  return (createHash('sha256').update(key, 'utf8').digest().readUInt32BE(0) % n) + 1;
}

export function inShard(key: string, shard: Shard | null): boolean {
  return shard === null || shardOf(key, shard.n) === shard.k;
}
