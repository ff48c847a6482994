/**
 * MinHash signatures and LSH banding: near-duplicate candidates in about linear time and bounded
 * memory (a signature per row; buckets are runs of a band's sorted keys). Candidates are then
 * verified with the exact Jaccard similarity, so LSH only decides which pairs are compared.
 */
import { BandSorter } from './bands.js';
import { Clusters, type FlatSets } from './sets.js';
import { packLowBytes, signature, signatureOnePermutation, tooManyMisses } from './signature.js';
import { atLeast, jaccardNeed } from './tokens.js';

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
/** A bucket that grows past this is a mass-duplicate group; later members join via its first ones. */
const MAX_BUCKET = 64;

/**
 * Set bits of four words together: each word's bits are summed into bytes first (at most 8 a
 * byte), so the four add without carrying (at most 32 a byte, 128 in all) and one multiply sums
 * the bytes. One small call instead of four: clusterSets is too large for V8 to inline them all,
 * and the out-of-line calls were a seventh of its time.
 */
function popcount4(a: number, b: number, c: number, d: number): number {
  return Math.imul(bytes(a) + bytes(b) + bytes(c) + bytes(d), 0x01010101) >>> 24;
}

function bytes(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (x + (x >>> 4)) & 0x0f0f0f0f;
}

/**
 * Clusters the sets whose Jaccard similarity is at least `threshold` (transitively). Empty sets
 * stay alone: a prompt made only of boilerplate says nothing about its topic.
 *
 * A row is compared with the rows before it in each of its buckets, up to the bucket's first
 * MAX_BUCKET. Buckets are taken band by band, each as a run of its band's sorted keys, and a run's
 * first rows are copied out once, so a comparison reads them from a few cache lines instead of
 * from anywhere in the row arrays. The clusters are the connected pairs that pass the checks,
 * which does not depend on the order they are compared in.
 */
export function clusterSets(sets: FlatSets, threshold: number): Clusters {
  const { data, start } = sets;
  const n = start.length - 1;
  const clusters = new Clusters(n);
  const { minima, perBand, bands, onePermutation } = plan(threshold);
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
  // element) bounds the shared elements from above without reading either set: a shared element
  // sets a bit in both sketches, and at most `extra` (elements less bits set) share a bit with
  // another element of their own set. Most candidates share a drug or a condition and little
  // else, and stop here; the bound is exact, so no pair is lost.
  const small = 2 * minima;
  const sketch = new Int32Array(4 * n);
  // Elements less the sketch bits they set: at most that many share a bit within their own set.
  const extraOf = new Int32Array(n);
  const live = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const from = start[i]!;
    const length = start[i + 1]! - from;
    if (length === 0) continue;
    live[m++] = i;
    const sig = sigs.subarray(i * minima, (i + 1) * minima);
    const set = data.subarray(from, from + length);
    if (onePermutation) signatureOnePermutation(set, sig); else signature(set, sig);
    packLowBytes(sig, packed, i * words);
    if (length <= small) {
      for (let k = 0; k < length; k++) {
        const p = Math.imul(set[k]!, 0x9e3779b1) >>> 25;
        const w = 4 * i + (p >>> 5);
        sketch[w] = sketch[w]! | (1 << (p & 31));
      }
      extraOf[i] = length - popcount4(sketch[4 * i]!, sketch[4 * i + 1]!, sketch[4 * i + 2]!, sketch[4 * i + 3]!);
    }
  }
  const sorter = new BandSorter(m);
  const mRow = new Int32Array(MAX_BUCKET);
  const mLen = new Int32Array(MAX_BUCKET);
  const mSketch = new Int32Array(4 * MAX_BUCKET);
  const mExtra = new Int32Array(MAX_BUCKET);
  for (let b = 0; b < bands; b++) {
    for (let k = 0; k < m; k++) {
      let h = Math.imul(b + 1, 0x9e3779b1);
      for (let r = 0, o = live[k]! * minima + b * perBand; r < perBand; r++) h = Math.imul(h ^ sigs[o + r]!, 0x01000193);
      sorter.keys[k] = h >>> 0;
    }
    const sorted = sorter.sort(live, m);
    for (let s = 0, e = 1; s < m; s = e++) {
      while (e < m && sorted.keys[e] === sorted.keys[s]) e++;
      if (e - s < 2) continue;
      const members = Math.min(e - s, MAX_BUCKET);
      for (let q = 0; q < members; q++) {
        const j = sorted.rows[s + q]!;
        mRow[q] = j;
        mLen[q] = start[j + 1]! - start[j]!;
        for (let w = 0; w < 4; w++) mSketch[4 * q + w] = sketch[4 * j + w]!;
        mExtra[q] = extraOf[j]!;
      }
      // A row in the one cluster all the run's rows so far were last seen in, or -1. It stays so
      // (clusters only merge): a later row of that cluster skips the run whole. Full runs of one
      // recurring question are most of the candidates.
      let one = mRow[0]!;
      for (let p = 1; p < e - s; p++) {
        const i = sorted.rows[s + p]!;
        let root = clusters.find(i);
        if (one >= 0 && clusters.find(one) === root) continue;
        const from = start[i]!;
        const length = start[i + 1]! - from;
        const to = from + length;
        const s0 = sketch[4 * i]!;
        const s1 = sketch[4 * i + 1]!;
        const s2 = sketch[4 * i + 2]!;
        const s3 = sketch[4 * i + 3]!;
        const extra = extraOf[i]!;
        let same = true;
        for (let q = 0, end = Math.min(p, MAX_BUCKET); q < end; q++) {
          const j = mRow[q]!;
          if (clusters.find(j) === root) continue;
          same = false;
          const otherLength = mLen[q]!;
          // Jaccard >= t needs the smaller set to hold t times the larger: checked before any read.
          if (Math.min(length, otherLength) < threshold * Math.max(length, otherLength) - 1e-9) continue;
          // Sets smaller than the signature are cheaper to merge than to estimate.
          if (length + otherLength > small) {
            if (tooManyMisses(packed, sigs, i, j, minima, maxMiss)) continue;
          } else {
            const need = jaccardNeed(threshold, length, otherLength);
            const x = 4 * q;
            const bound = popcount4(s0 & mSketch[x]!, s1 & mSketch[x + 1]!, s2 & mSketch[x + 2]!, s3 & mSketch[x + 3]!) + Math.min(extra, mExtra[q]!);
            if (bound < need) continue;
          }
          if (atLeast(data, from, to, start[j]!, start[j]! + otherLength, threshold)) { clusters.union(i, j); root = clusters.find(i); }
        }
        one = same ? i : -1;
      }
    }
  }
  return clusters;
}
