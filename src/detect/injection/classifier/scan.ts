/**
 * Inference-time window scoring in one pass. The windows overlap (a 1 KB text is one coarse
 * window and three fine ones, 2.5 KB hashed), but a character n-gram inside a window hashes the
 * same in every window that holds it. So the text is hashed once into prefix sums of n-gram,
 * word and bigram weights and of the dense counts, and each window's logit is a few differences
 * plus a rehash of at most the two words its edges cut. The result equals extractWindow +
 * windowLogit up to float rounding (scan.test.ts checks every window).
 */
import * as hashing from './hashing.js';
import { windowSpans, type FeatureSpec } from './features.js';

// tsx compiles each imported function to a getter call; the per-character loop calls module-local bindings.
const { BIGRAM_SALT, CHAR_SALT, FNV_PRIME, WORD_SALT } = hashing;
const { bucket, isSecondPerson, isWordChar, normChar, secondPersonHashes, wordHashRange } = hashing;

/** Longest text scored this way; past it windows are sampled and hashing them one by one is cheaper. */
export const SCAN_MAX_CHARS = 256 * 1024;
/** Buffers for texts up to this length are kept between calls; longer texts allocate their own. */
const KEEP_CHARS = 16 * 1024;

interface ScanBuffers {
  readonly capacity: number;
  /** Per text position p (0..L): index of the first normalised character pushed at or after p. */
  readonly firstPush: Int32Array;
  /** Prefix sums over pushed characters: weights of all n-grams ending before j. */
  readonly grams: Float64Array;
  /** The pushed (normalised, whitespace-collapsed) characters: a window rehashes its first n-grams from them. */
  readonly pushed: Uint16Array;
  /**
   * Pushed indices of spaces, ASCII symbols and non-ASCII characters, each list ascending (a
   * window counts its share by two binary searches): cheaper than a prefix count per character,
   * as most characters are none of these.
   */
  readonly spaces: Int32Array;
  readonly symbols: Int32Array;
  readonly nonAscii: Int32Array;
  /** Lengths of the lists above and the word count, set by hashText. */
  readonly counts: Int32Array;
  /** Words: [start, end) in the text, hash, and prefix sums of word and bigram weights. */
  readonly wStart: Int32Array;
  readonly wEnd: Int32Array;
  readonly wHash: Int32Array;
  readonly wSum: Float64Array;
  readonly bSum: Float64Array;
  readonly you: Int32Array;
}

function allocate(capacity: number): ScanBuffers {
  const words = (capacity >>> 1) + 2;
  return {
    capacity,
    firstPush: new Int32Array(capacity + 1),
    grams: new Float64Array(capacity + 1),
    pushed: new Uint16Array(capacity),
    spaces: new Int32Array(capacity),
    symbols: new Int32Array(capacity),
    nonAscii: new Int32Array(capacity),
    counts: new Int32Array(4),
    wStart: new Int32Array(words),
    wEnd: new Int32Array(words),
    wHash: new Int32Array(words),
    wSum: new Float64Array(words + 1),
    bSum: new Float64Array(words + 1),
    you: new Int32Array(words + 1),
  };
}

let kept: ScanBuffers | undefined;

function buffersFor(length: number): ScanBuffers {
  if (length > KEEP_CHARS) return allocate(length);
  if (!kept || kept.capacity < length) kept = allocate(Math.max(length, 2048));
  return kept;
}

const WORDS = 0;
const SPACES = 1;
const SYMBOLS = 2;
const NON_ASCII = 3;

/** Hashes the whole text once into `buf`. */
function hashText(text: string, spec: FeatureSpec, weights: Float32Array, buf: ScanBuffers): void {
  const { firstPush, grams, pushed, spaces, symbols, nonAscii, wStart, wEnd, wHash, wSum, bSum, you } = buf;
  const shift = 32 - spec.bits;
  const charSeed = (spec.seed ^ CHAR_SALT) >>> 0;
  const wordSeed = (spec.seed ^ WORD_SALT) >>> 0;
  const youHashes = secondPersonHashes(spec.seed);
  const n = text.length;
  let c0 = 32, c1 = 32, c2 = 32, c3 = 32, c4 = 32;
  let m = 0, nw = 0, prev = 0, wh = wordSeed, ws = 0;
  let nSpaces = 0, nSymbols = 0, nNonAscii = 0;
  let inWord = false;
  grams[0] = 0; wSum[0] = 0; bSum[0] = 0; you[0] = 0;
  for (let i = 0; i <= n; i++) {
    firstPush[i] = m;
    const c = i < n ? normChar(text.charCodeAt(i)) : 32;
    const wordChar = isWordChar(c);
    if (wordChar) {
      if (!inWord) ws = i;
      wh = Math.imul(wh ^ c, FNV_PRIME);
      inWord = true;
    } else if (inWord) {
      const w = wh | 0;
      wStart[nw] = ws;
      wEnd[nw] = i;
      wHash[nw] = w;
      wSum[nw + 1] = (wSum[nw] as number) + (weights[bucket(w, shift)] as number);
      bSum[nw + 1] = (bSum[nw] as number) + (nw > 0 ? weights[bucket(Math.imul(prev ^ BIGRAM_SALT, FNV_PRIME) ^ w, shift)] as number : 0);
      you[nw + 1] = (you[nw] as number) + (isSecondPerson(youHashes, w) ? 1 : 0);
      prev = w;
      nw++;
      wh = wordSeed;
      inWord = false;
    }
    if (i === n || (c === 32 && c0 === 32)) continue;
    c4 = c3; c3 = c2; c2 = c1; c1 = c0; c0 = c;
    if (c === 32) spaces[nSpaces++] = m;
    else if (c >= 128) nonAscii[nNonAscii++] = m;
    else if (!wordChar) symbols[nSymbols++] = m;
    let g = 0;
    if (m >= 2) {
      let h = Math.imul(charSeed ^ c0, FNV_PRIME);
      h = Math.imul(h ^ c1, FNV_PRIME);
      h = Math.imul(h ^ c2, FNV_PRIME);
      g = weights[bucket(h ^ 3, shift)] as number;
      if (m >= 3) {
        h = Math.imul(h ^ c3, FNV_PRIME);
        g += weights[bucket(h ^ 4, shift)] as number;
        if (m >= 4) g += weights[bucket(Math.imul(h ^ c4, FNV_PRIME) ^ 5, shift)] as number;
      }
    }
    pushed[m] = c;
    grams[m + 1] = (grams[m] as number) + g;
    m++;
  }
  const counts = buf.counts;
  counts[WORDS] = nw;
  counts[SPACES] = nSpaces;
  counts[SYMBOLS] = nSymbols;
  counts[NON_ASCII] = nNonAscii;
}

/** How many entries of sorted[0, count) lie in [from, to). */
function countIn(sorted: Int32Array, count: number, from: number, to: number): number {
  if (count === 0) return 0;
  return firstAbove(sorted, count, to - 1) - firstAbove(sorted, count, from - 1);
}

/** First index in sorted[0, count) whose value exceeds `after`. */
function firstAbove(sorted: Int32Array, count: number, after: number): number {
  let lo = 0, hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) > after) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export interface LinearParts {
  readonly weights: Float32Array;
  readonly dense: readonly number[];
  readonly bias: number;
}

/** Hash of word k as the window [s, e) sees it: rehashed only when an edge cuts it. */
function edgeHash(spec: FeatureSpec, text: string, buf: ScanBuffers, k: number, s: number, e: number): number {
  const ks = buf.wStart[k] as number, ke = buf.wEnd[k] as number;
  return ks < s || ke > e ? wordHashRange(spec.seed, text, Math.max(ks, s), Math.min(ke, e)) : buf.wHash[k] as number;
}

function bigramBucket(prev: number, word: number, shift: number): number {
  return bucket(Math.imul(prev ^ BIGRAM_SALT, FNV_PRIME) ^ word, shift);
}

/** The logit extractWindow + windowLogit would give text[s, e). */
function windowLogitAt(model: LinearParts, spec: FeatureSpec, text: string, buf: ScanBuffers, s: number, e: number): number {
  const counts = buf.counts;
  const nw = counts[WORDS] as number;
  const { firstPush, grams, pushed } = buf;
  const shift = 32 - spec.bits;
  const W = model.weights;
  // A window restarts with "previous char = space", so a space pushed right at its start is dropped.
  let a = firstPush[s] as number;
  if (s < e && (firstPush[s + 1] as number) > a && normChar(text.charCodeAt(s)) === 32) a++;
  const b = firstPush[e] as number;
  const len = b - a;
  let chars = 0;
  if (a + 4 < b) chars += (grams[b] as number) - (grams[a + 4] as number);
  // The 3-grams ending at a + 2 and a + 3 and the 4-gram ending at a + 3 (grams[] also holds the
  // longer n-grams ending there, which reach back before the window).
  if (a + 2 < b) {
    const charSeed = (spec.seed ^ CHAR_SALT) >>> 0;
    const p0 = pushed[a] as number, p1 = pushed[a + 1] as number, p2 = pushed[a + 2] as number;
    chars += W[bucket(Math.imul(Math.imul(Math.imul(charSeed ^ p2, FNV_PRIME) ^ p1, FNV_PRIME) ^ p0, FNV_PRIME) ^ 3, shift)] as number;
    if (a + 3 < b) {
      const p3 = pushed[a + 3] as number;
      const h = Math.imul(Math.imul(Math.imul(charSeed ^ p3, FNV_PRIME) ^ p2, FNV_PRIME) ^ p1, FNV_PRIME);
      chars += (W[bucket(h ^ 3, shift)] as number) + (W[bucket(Math.imul(h ^ p0, FNV_PRIME) ^ 4, shift)] as number);
    }
  }
  const nChars = Math.max(0, len - 2) + Math.max(0, len - 3) + Math.max(0, len - 4);

  // Words overlapping the window; the first and last may be cut by its edges and hash differently.
  const f = firstAbove(buf.wEnd, nw, s);
  const l = firstAbove(buf.wStart, nw, e - 1) - 1;
  let words = 0, count = 0, you = 0;
  if (s < e && f <= l) {
    const youHashes = secondPersonHashes(spec.seed);
    const { wHash } = buf;
    const n = l - f + 1;
    const hf = edgeHash(spec, text, buf, f, s, e);
    words = W[bucket(hf, shift)] as number;
    you = isSecondPerson(youHashes, hf) ? 1 : 0;
    if (n >= 2) {
      const hl = edgeHash(spec, text, buf, l, s, e);
      words += W[bucket(hl, shift)] as number;
      you += isSecondPerson(youHashes, hl) ? 1 : 0;
      if (n === 2) {
        words += W[bigramBucket(hf, hl, shift)] as number;
      } else {
        words += (buf.wSum[l] as number) - (buf.wSum[f + 1] as number);
        words += (W[bigramBucket(hf, wHash[f + 1] as number, shift)] as number) + (W[bigramBucket(wHash[l - 1] as number, hl, shift)] as number);
        words += (buf.bSum[l] as number) - (buf.bSum[f + 2] as number);
        you += (buf.you[l] as number) - (buf.you[f + 1] as number);
      }
    }
    count = n;
  }
  let z = model.bias;
  if (nChars > 0) z += chars / Math.sqrt(nChars);
  if (count > 0) z += words / Math.sqrt(2 * count - 1);
  // The dense features in DENSE_FEATURES order.
  const visible = len - countIn(buf.spaces, counts[SPACES] as number, a, b);
  const d = model.dense;
  z += (d[0] as number) * (Math.log1p(e - s) / 8);
  if (visible > 0) {
    z += (d[1] as number) * (countIn(buf.symbols, counts[SYMBOLS] as number, a, b) / visible);
    z += (d[2] as number) * (countIn(buf.nonAscii, counts[NON_ASCII] as number, a, b) / visible);
  }
  if (count > 0) z += (d[3] as number) * Math.min(1, (8 * you) / count);
  return z;
}

export interface BestWindow {
  readonly logit: number;
  readonly start: number;
  readonly end: number;
}

/** Max logit over the spec's windows (same windows and order as the reference scorer). */
export function scanBestWindow(model: LinearParts, spec: FeatureSpec, text: string): BestWindow {
  const buf = buffersFor(text.length);
  hashText(text, spec, model.weights, buf);
  const spans = windowSpans(text.length, spec);
  let best = -Infinity, bestStart = 0, bestEnd = 0;
  for (let k = 0; k < spans.length; k += 2) {
    const start = spans[k] as number;
    const end = spans[k + 1] as number;
    const z = windowLogitAt(model, spec, text, buf, start, end);
    if (z > best) {
      best = z;
      bestStart = start;
      bestEnd = end;
    }
  }
  return { logit: best, start: bestStart, end: bestEnd };
}

/** Every window's logit, for tests against the reference. */
export function scanWindowLogits(model: LinearParts, spec: FeatureSpec, text: string, spans: readonly number[]): number[] {
  const buf = allocate(text.length);
  hashText(text, spec, model.weights, buf);
  const out: number[] = [];
  for (let k = 0; k < spans.length; k += 2) out.push(windowLogitAt(model, spec, text, buf, spans[k] as number, spans[k + 1] as number));
  return out;
}
