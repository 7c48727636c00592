import type { Cluster } from '@/lib/cluster';

/**
 * A short fingerprint of the whole cluster (its snapshot: store, clock, RNG, component state), so a
 * replayed link can say whether it reached the very cluster that was shared. Two FNV-1a passes
 * with different offsets give 64 bits without BigInt.
 */
export function clusterStateHash(cluster: Cluster): string {
  const text = JSON.stringify(cluster.snapshot());
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
