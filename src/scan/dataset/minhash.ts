/**
 * MinHash signatures and LSH banding: near-duplicate candidates in about linear time and bounded
 * memory (a signature per row, one bucket entry per band). Candidates are then verified with the
 * exact Jaccard similarity, so LSH only decides which pairs are compared.
 */
import { Buckets } from './buckets.js';
import { atLeast } from './tokens.js';

/**
 * Minima per row and rows per band, by threshold. Low thresholds (same question, 0.5) need short
 * bands: a pair at 0.5 shares one of 16 bands of 2 with probability 1 - (1 - 0.5^2)^16 = 0.99.
 * For near-duplicates (0.8) short bands are a cost, not a gain: rows built from common sentences
 * share minima, so buckets fill with dissimilar rows. 10 bands of 6 of 64 minima find a 0.8 pair
 * with probability 1 - (1 - 0.8^6)^10 = 0.95 and a 0.5 pair with 0.15 (8 bands of 4 of 32: 0.985
 * and 0.40), and the 64 minima judge a candidate more sharply before the exact merge. On the
 * generated 50 MB set this verifies 3.3M candidates instead of 11M, and 0.12M exact merges instead
 * of 1.8M, and puts more rows in near-duplicate groups than before (16,233 against 16,063): a
 * group is found through any of its pairs. Rows there are long (~140 shingles), so their minima
 * come from one hash per element (below).
 */
interface Plan { readonly minima: number; readonly perBand: number; readonly bands: number; readonly onePermutation: boolean }
function plan(threshold: number): Plan {
  return threshold >= 0.7 ? { minima: 64, perBand: 6, bands: 10, onePermutation: true } : { minima: 32, perBand: 2, bands: 16, onePermutation: false };
}
const MAX_MINIMA = 64;

const A = new Int32Array(MAX_MINIMA);
const B = new Int32Array(MAX_MINIMA);
{
  // Fixed seeds: reports must not change between runs.
  let s = 0x2545f491;
  const next = (): number => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return s >>> 0; };
  for (let i = 0; i < MAX_MINIMA; i++) { A[i] = next() | 1; B[i] = next(); }
}

/**
 * Classic MinHash: `sig.length` hash functions, each element hashed by each. Values are compared
 * as signed 32-bit integers (a min-wise order as good as the unsigned one), which keeps the loop
 * in integer registers: half the time of the unsigned form.
 */
export function signature(set: Uint32Array, sig: Int32Array): void {
  const n = set.length;
  for (let i = 0; i < sig.length; i++) {
    const a = A[i]!;
    const b = B[i]!;
    let m = 0x7fffffff;
    for (let k = 0; k < n; k++) { const h = Math.imul(a, set[k]!) ^ b; if (h < m) m = h; }
    sig[i] = m;
  }
}

/**
 * One-permutation hashing with densification by rotation (Shrivastava and Li, 2014): each element
 * is hashed once and kept as the minimum of the bin its top bits pick; an empty bin takes the next
 * full bin's value plus its distance times the value range, so two sets still agree on a bin with
 * probability equal to their Jaccard similarity. One hash per element instead of `sig.length`.
 */
export function signatureOnePermutation(set: Uint32Array, sig: Int32Array): void {
  const bits = 31 - Math.clz32(sig.length);
  const shift = 32 - bits;
  const range = 1 << (shift - 1);
  sig.fill(-1);
  for (let k = 0; k < set.length; k++) {
    let h = Math.imul(set[k]! ^ 0x2545f491, 0x9e3779b1);
    h ^= h >>> 15;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    const bin = h >>> shift;
    // The low bits, halved so value + distance * range stays a positive 32-bit integer.
    const v = (h & ((1 << shift) - 1)) >>> 1;
    if (sig[bin]! < 0 || v < sig[bin]!) sig[bin] = v;
  }
  for (let b = 0; b < sig.length; b++) {
    if (sig[b]! >= 0 && sig[b]! < range) continue;
    for (let d = 1; d < sig.length; d++) {
      const o = sig[(b + d) & (sig.length - 1)]!;
      if (o >= 0 && o < range) { sig[b] = o + d * range; break; }
    }
  }
}

/**
 * Sets held in one array, set i at [start[i], start[i + 1]): a candidate is read from one place
 * rather than through an object of its own (a fifth less time on the 0.5 clustering), and the
 * many sets of a large file cost no per-set object.
 */
export interface FlatSets { readonly data: Uint32Array; readonly start: Int32Array }

export function flatten(sets: readonly Uint32Array[]): FlatSets {
  const start = new Int32Array(sets.length + 1);
  for (let i = 0; i < sets.length; i++) start[i + 1] = start[i]! + sets[i]!.length;
  const data = new Uint32Array(start[sets.length]!);
  for (let i = 0; i < sets.length; i++) data.set(sets[i]!, start[i]!);
  return { data, start };
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
  /** The clusters of two or more slots, keyed by root in order of their first slot, each listing its slots in order. */
  groups(): Map<number, number[]> {
    const all = new Map<number, number[]>();
    for (let i = 0; i < this.parent.length; i++) {
      const root = this.find(i);
      const list = all.get(root);
      if (list) list.push(i); else all.set(root, [i]);
    }
    for (const [root, list] of all) if (list.length < 2) all.delete(root);
    return all;
  }
}

/**
 * Clusters the sets whose Jaccard similarity is at least `threshold` (transitively). Empty sets
 * stay alone: a prompt made only of boilerplate says nothing about its topic.
 */
export function clusterSets(list: readonly Uint32Array[] | FlatSets, threshold: number): Clusters {
  const { data, start } = Array.isArray(list) ? flatten(list as readonly Uint32Array[]) : list as FlatSets;
  const n = start.length - 1;
  const clusters = new Clusters(n);
  const { minima, perBand, bands, onePermutation } = plan(threshold);
  const buckets = new Buckets(n * bands);
  // A pair that shares several bands is compared once: the stamp says row j was already tried for i.
  const tried = new Int32Array(n).fill(-1);
  // Signatures are kept (4 bytes a minimum) so a candidate pair is first judged by its share of
  // equal minima, an unbiased estimate of its Jaccard similarity, and the exact merge of two sets
  // (about ten times the cost) runs only when the estimate is within 3.5 standard deviations of
  // the threshold: a pair truly at the threshold is skipped with probability under 0.03%.
  const sigs = new Int32Array(n * minima);
  const maxMiss = minima - Math.floor(minima * threshold - 3.5 * Math.sqrt(minima * threshold * (1 - threshold)));
  // Small sets (prompts: ~15 shingles) skip the estimate; a 128-bit sketch of each (one bit per
  // element) bounds the shared elements from above without reading the other set: an element of
  // row i whose bit is clear in row j's sketch is not in row j. Most candidates share a drug or a
  // condition and little else, and stop here; the bound is exact, so no pair is lost.
  const sketch = new Int32Array(4 * n);
  const bit = new Int32Array(2 * minima);
  for (let i = 0; i < n; i++) {
    const set = data.subarray(start[i]!, start[i + 1]!);
    if (set.length === 0) continue;
    const base = i * minima;
    const sig = sigs.subarray(base, base + minima);
    if (onePermutation) signatureOnePermutation(set, sig); else signature(set, sig);
    // Row i's root changes only when it joins another cluster, so it is looked up once per row.
    let root = clusters.find(i);
    const small = set.length <= 2 * minima;
    if (small) {
      for (let k = 0; k < set.length; k++) {
        const p = Math.imul(set[k]!, 0x9e3779b1) >>> 25;
        bit[k] = p;
        const w = 4 * i + (p >>> 5);
        sketch[w] = sketch[w]! | (1 << (p & 31));
      }
    }
    for (let b = 0; b < bands; b++) {
      let h = Math.imul(b + 1, 0x9e3779b1);
      for (let r = 0; r < perBand; r++) h = Math.imul(h ^ sigs[base + b * perBand + r]!, 0x01000193);
      const slot = buckets.slot(h >>> 0);
      // A bucket whose rows were all in one cluster stays so (clusters only merge): a row of that
      // cluster skips it whole. Full buckets of one recurring question are most of the candidates.
      const one = buckets.oneCluster[slot]!;
      if (one >= 0 && clusters.find(one) === root) { buckets.add(slot, i); continue; }
      let same = true;
      const pool = buckets.pool;
      for (let e = buckets.at[slot]!, end = e + buckets.count[slot]!; e < end; e++) {
        const j = pool[e]!;
        if (tried[j] === i) { if (same && clusters.find(j) !== root) same = false; continue; }
        tried[j] = i;
        if (clusters.find(j) === root) continue;
        same = false;
        const otherLength = start[j + 1]! - start[j]!;
        // Jaccard >= t needs the smaller set to hold t times the larger: checked before any read.
        if (Math.min(set.length, otherLength) < threshold * Math.max(set.length, otherLength) - 1e-9) continue;
        // Sets smaller than the signature are cheaper to merge than to estimate.
        if (set.length + otherLength > 2 * minima) {
          let miss = 0;
          for (let k = 0, o = j * minima; k < minima && miss <= maxMiss; k++) if (sigs[o + k] !== sigs[base + k]) miss++;
          if (miss > maxMiss) continue;
        } else if (small) {
          const need = (threshold * (set.length + otherLength)) / (1 + threshold) - 1e-9;
          const o = 4 * j;
          let bound = set.length;
          for (let k = 0; k < set.length && bound >= need; k++) {
            const p = bit[k]!;
            if (((sketch[o + (p >>> 5)]! >>> (p & 31)) & 1) === 0) bound--;
          }
          if (bound < need) continue;
        }
        if (atLeast(data, start[i]!, start[i + 1]!, start[j]!, start[j + 1]!, threshold)) { clusters.union(i, j); root = clusters.find(i); }
      }
      buckets.oneCluster[slot] = same ? i : -1;
      buckets.add(slot, i);
    }
  }
  return clusters;
}
