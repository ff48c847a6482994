/**
 * MinHash signatures and LSH banding: near-duplicate candidates in about linear time and bounded
 * memory (a signature per row, one bucket entry per band). Candidates are then verified with the
 * exact Jaccard similarity, so LSH only decides which pairs are compared.
 */
import { jaccardAtLeast } from './tokens.js';

export const SIGNATURE = 32;
/**
 * Rows per band, by threshold. Low thresholds (same question, 0.5) need short bands: a pair at
 * 0.5 shares one of 16 bands of 2 with probability 1 - (1 - 0.5^2)^16 = 0.99. For near-duplicates
 * (0.8) short bands are a cost, not a gain: rows built from common sentences share minima, so
 * buckets fill with dissimilar rows and every new row is checked against dozens. 8 bands of 4
 * still find a 0.8 pair with probability 1 - (1 - 0.8^4)^8 = 0.985 and a 0.3 pair rarely (0.06).
 */
function rowsPerBand(threshold: number): number {
  return threshold >= 0.7 ? 4 : 2;
}
/** A bucket that grows past this is a mass-duplicate group; later members join via its first ones. */
const MAX_BUCKET = 64;

const A = new Uint32Array(SIGNATURE);
const B = new Uint32Array(SIGNATURE);
{
  // Fixed seeds: reports must not change between runs.
  let s = 0x2545f491;
  const next = (): number => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return s >>> 0; };
  for (let i = 0; i < SIGNATURE; i++) { A[i] = next() | 1; B[i] = next(); }
}

export function signature(set: Uint32Array): Uint32Array {
  const sig = new Uint32Array(SIGNATURE).fill(0xffffffff);
  for (const x of set) {
    for (let i = 0; i < SIGNATURE; i++) {
      const h = (Math.imul(A[i]!, x) + B[i]!) >>> 0;
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** Union-find over row slots. */
export class Clusters {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n).map((_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[i] !== r) { const n = this.parent[i]!; this.parent[i] = r; i = n; }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Clusters the sets whose Jaccard similarity is at least `threshold` (transitively). Empty sets
 * stay alone: a prompt made only of boilerplate says nothing about its topic.
 */
export function clusterSets(sets: readonly Uint32Array[], threshold: number): Clusters {
  const clusters = new Clusters(sets.length);
  const buckets = new Map<number, number[]>();
  const perBand = rowsPerBand(threshold);
  const bands = SIGNATURE / perBand;
  // A pair that shares several bands is compared once: the stamp says row j was already tried for i.
  const tried = new Int32Array(sets.length).fill(-1);
  // Signatures are kept (128 bytes a row) so a candidate pair is first judged by its share of equal
  // minima, an unbiased estimate of its Jaccard similarity, and the exact merge of two sets (about
  // ten times the cost) runs only when the estimate is within 3.5 standard deviations of the
  // threshold: a pair truly at the threshold is skipped with probability under 0.03%.
  const sigs = new Uint32Array(sets.length * SIGNATURE);
  const minEqual = Math.floor(SIGNATURE * threshold - 3.5 * Math.sqrt(SIGNATURE * threshold * (1 - threshold)));
  for (let i = 0; i < sets.length; i++) {
    const set = sets[i]!;
    if (set.length === 0) continue;
    const sig = signature(set);
    sigs.set(sig, i * SIGNATURE);
    for (let b = 0; b < bands; b++) {
      let h = Math.imul(b + 1, 0x9e3779b1);
      for (let r = 0; r < perBand; r++) h = Math.imul(h ^ sig[b * perBand + r]!, 0x01000193);
      const key = h >>> 0;
      const bucket = buckets.get(key);
      if (bucket === undefined) { buckets.set(key, [i]); continue; }
      for (const j of bucket) {
        if (tried[j] === i) continue;
        tried[j] = i;
        if (clusters.find(i) === clusters.find(j)) continue;
        const other = sets[j]!;
        // Sets smaller than the signature are cheaper to merge than to estimate.
        if (set.length + other.length > 2 * SIGNATURE) {
          let equal = 0;
          for (let k = 0, o = j * SIGNATURE; k < SIGNATURE; k++) if (sigs[o + k] === sig[k]) equal++;
          if (equal < minEqual) continue;
        }
        if (jaccardAtLeast(set, other, threshold)) clusters.union(i, j);
      }
      if (bucket.length < MAX_BUCKET) bucket.push(i);
    }
  }
  return clusters;
}
