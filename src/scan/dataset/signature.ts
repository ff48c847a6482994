/**
 * MinHash signatures of sorted 32-bit sets: the classic form (one hash function per minimum) and
 * one-permutation hashing (one hash per element), plus a one-byte-per-minimum copy for a cheap
 * first look at a candidate pair.
 */
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
 * The low byte of each minimum, four to a word. Two rows' bytes differ wherever their minima do
 * (and rarely agree where they do not), so counting differing bytes bounds the differing minima
 * from below: a pair with too many is skipped after reading 64 bytes instead of 256.
 */
export function packLowBytes(sig: Int32Array, out: Int32Array, at: number): void {
  for (let w = 0; w < sig.length >> 2; w++) {
    const k = 4 * w;
    out[at + w] = (sig[k]! & 0xff) | ((sig[k + 1]! & 0xff) << 8) | ((sig[k + 2]! & 0xff) << 16) | (sig[k + 3]! << 24);
  }
}

/** How many bytes of `a` and `b` differ. */
export function differingBytes(a: number, b: number): number {
  const x = a ^ b;
  // The high bit of each byte of y is set when that byte of x is not zero.
  const y = ((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x;
  return Math.imul((y >>> 7) & 0x01010101, 0x01010101) >>> 24;
}

/**
 * Whether rows i and j of `sigs` (`minima` a row; `packed` holds their low bytes) differ in more
 * than `maxMiss` minima: the bytes first (a lower bound), then the minima themselves. A function
 * of its own, not a loop in clusterSets: there the calls to differingBytes were not inlined.
 */
export function tooManyMisses(packed: Int32Array, sigs: Int32Array, i: number, j: number, minima: number, maxMiss: number): boolean {
  const words = minima >> 2;
  let miss = 0;
  for (let w = 0, x = j * words, y = i * words; w < words && miss <= maxMiss; w++) miss += differingBytes(packed[x + w]!, packed[y + w]!);
  if (miss > maxMiss) return true;
  miss = 0;
  for (let r = 0, x = j * minima, y = i * minima; r < minima && miss <= maxMiss; r++) if (sigs[x + r] !== sigs[y + r]) miss++;
  return miss > maxMiss;
}
