/**
 * MinHash signatures and LSH banding: near-duplicate candidates in about linear time and bounded
 * memory (a signature per row, one bucket entry per band). Candidates are then verified with the
 * exact Jaccard similarity, so LSH only decides which pairs are compared.
 */
import { MAX_BUCKET, sortBands } from './bands.js';
import { differingBytes, packLowBytes, signature, signatureOnePermutation } from './signature.js';
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
/**
 * Sets held in one array, set i at [start[i], start[i + 1]): a candidate is read from one place
 * rather than through an object of its own (a fifth less time on the 0.5 clustering), and the
 * many sets of a large file cost no per-set object.
 */
export interface FlatSets { readonly data: Uint32Array; readonly start: Int32Array }

/**
 * Sets written straight into one array by `fill(i, out, at)`, which writes set i from `at` and
 * returns its length; `bound` is an upper bound on the total length (no growing copies).
 */
export function flatSets(n: number, bound: number, fill: (i: number, out: Uint32Array, at: number) => number): FlatSets {
  const start = new Int32Array(n + 1);
  const data = new Uint32Array(bound);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + fill(i, data, start[i]!);
  return { data: data.subarray(0, start[n]!), start };
}

/** Set i of `sets`, as a view. */
export function setOf(sets: FlatSets, i: number): Uint32Array {
  return sets.data.subarray(sets.start[i]!, sets.start[i + 1]!);
}

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

/** Per-row fields a candidate visit reads, side by side (one cache line, not five arrays): */
const STRIDE = 8;
/** the row last compared with it, */
const TRIED = 0;
/** its set's length and start in `data`, */
const LEN = 1;
const START = 2;
/** and, for small sets, a 128-bit sketch (one bit per element). */
const SKETCH = 3;

/**
 * Clusters the sets whose Jaccard similarity is at least `threshold` (transitively). Empty sets
 * stay alone: a prompt made only of boilerplate says nothing about its topic.
 */
export function clusterSets(list: readonly Uint32Array[] | FlatSets, threshold: number): Clusters {
  const { data, start } = Array.isArray(list) ? flatten(list as readonly Uint32Array[]) : list as FlatSets;
  const n = start.length - 1;
  const clusters = new Clusters(n);
  const { minima, perBand, bands, onePermutation } = plan(threshold);
  // A pair that shares several bands is compared once: TRIED says row j was already tried for i.
  const hot = new Int32Array(n * STRIDE);
  // Signatures are kept (4 bytes a minimum) so a candidate pair is first judged by its share of
  // equal minima, an unbiased estimate of its Jaccard similarity, and the exact merge of two sets
  // (about ten times the cost) runs only when the estimate is within 3.5 standard deviations of
  // the threshold: a pair truly at the threshold is skipped with probability under 0.03%. Their
  // low bytes are compared first: more differing bytes than allowed means more differing minima.
  const sigs = new Int32Array(n * minima);
  const words = minima >> 2;
  const packed = new Int32Array(n * words);
  const maxMiss = minima - Math.floor(minima * threshold - 3.5 * Math.sqrt(minima * threshold * (1 - threshold)));
  // Small sets (prompts: ~15 shingles) skip the estimate; a 128-bit sketch of each (one bit per
  // element) bounds the shared elements from above without reading the other set: an element of
  // row i whose bit is clear in row j's sketch is not in row j. Most candidates share a drug or a
  // condition and little else, and stop here; the bound is exact, so no pair is lost.
  const bits = new Uint8Array(data.length);
  const live = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const from = start[i]!;
    const length = start[i + 1]! - from;
    const hi = i * STRIDE;
    hot[hi + TRIED] = -1;
    hot[hi + LEN] = length;
    hot[hi + START] = from;
    if (length === 0) continue;
    live[m++] = i;
    const sig = sigs.subarray(i * minima, (i + 1) * minima);
    const set = data.subarray(from, from + length);
    if (onePermutation) signatureOnePermutation(set, sig); else signature(set, sig);
    packLowBytes(sig, packed, i * words);
    if (length <= 2 * minima) {
      for (let k = 0; k < length; k++) {
        const p = Math.imul(set[k]!, 0x9e3779b1) >>> 25;
        bits[from + k] = p;
        const w = hi + SKETCH + (p >>> 5);
        hot[w] = hot[w]! | (1 << (p & 31));
      }
    }
  }
  const keys = new Uint32Array(bands * m);
  for (let k = 0; k < m; k++) {
    const base = live[k]! * minima;
    for (let b = 0; b < bands; b++) {
      let h = Math.imul(b + 1, 0x9e3779b1);
      for (let r = 0; r < perBand; r++) h = Math.imul(h ^ sigs[base + b * perBand + r]!, 0x01000193);
      keys[b * m + k] = h >>> 0;
    }
  }
  const { order, first, self } = sortBands(keys, live, m, bands, n);
  // Per run (at its first position): a row in the one cluster all the run's rows were last seen
  // in, or -1. It stays so (clusters only merge): a row of that cluster skips the run whole. Full
  // runs of one recurring question are most of the candidates.
  const one = new Int32Array(bands * m).fill(-1);
  for (let k = 0; k < m; k++) {
    const i = live[k]!;
    const from = start[i]!;
    const length = hot[i * STRIDE + LEN]!;
    const to = from + length;
    const base = i * minima;
    const pw = i * words;
    const small = length <= 2 * minima;
    // Row i's root changes only when it joins another cluster, so it is looked up once per row.
    let root = clusters.find(i);
    for (let b = 0; b < bands; b++) {
      const run = first[i * bands + b]!;
      const o = one[run]!;
      if (o >= 0 && clusters.find(o) === root) continue;
      let same = true;
      for (let e = run, end = Math.min(self[i * bands + b]!, run + MAX_BUCKET); e < end; e++) {
        const j = order[e]!;
        const hj = j * STRIDE;
        if (hot[hj + TRIED] === i) { if (same && clusters.find(j) !== root) same = false; continue; }
        hot[hj + TRIED] = i;
        if (clusters.find(j) === root) continue;
        same = false;
        const otherLength = hot[hj + LEN]!;
        // Jaccard >= t needs the smaller set to hold t times the larger: checked before any read.
        if (Math.min(length, otherLength) < threshold * Math.max(length, otherLength) - 1e-9) continue;
        // Sets smaller than the signature are cheaper to merge than to estimate.
        if (length + otherLength > 2 * minima) {
          let miss = 0;
          for (let w = 0, q = j * words; w < words && miss <= maxMiss; w++) miss += differingBytes(packed[q + w]!, packed[pw + w]!);
          if (miss > maxMiss) continue;
          miss = 0;
          for (let r = 0, q = j * minima; r < minima && miss <= maxMiss; r++) if (sigs[q + r] !== sigs[base + r]) miss++;
          if (miss > maxMiss) continue;
        } else if (small) {
          const need = (threshold * (length + otherLength)) / (1 + threshold) - 1e-9;
          let bound = length;
          for (let r = from; r < to && bound >= need; r++) {
            const p = bits[r]!;
            if (((hot[hj + SKETCH + (p >>> 5)]! >>> (p & 31)) & 1) === 0) bound--;
          }
          if (bound < need) continue;
        }
        const js = hot[hj + START]!;
        if (atLeast(data, from, to, js, js + otherLength, threshold)) { clusters.union(i, j); root = clusters.find(i); }
      }
      one[run] = same ? i : -1;
    }
  }
  return clusters;
}
