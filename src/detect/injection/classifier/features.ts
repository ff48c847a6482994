/**
 * Hashed features for the injection classifier. `extractWindow` is the reference definition: it
 * writes one window's bucket indices into a reusable buffer and the trainer learns from exactly
 * those. Inference (scan.ts) computes the same window sums from one pass over the whole text; a
 * test holds the two to the same logits. FNV-1a over char codes, no substrings, no per-n-gram
 * allocation.
 */
import * as hashing from './hashing.js';

/** Bump when anything below changes what a text hashes to; a model trained on another version is refused. */
export const FEATURE_VERSION = 1;

// tsx compiles each imported function to a getter call; the per-character loop below calls
// module-local bindings taken once here.
const { BIGRAM_SALT, CHAR_SALT, FNV_PRIME, WORD_SALT } = hashing;
const { bucket, isSecondPerson, isWordChar, normChar, secondPersonHashes } = hashing;

export interface FeatureSpec {
  readonly version: number;
  /** log2 of the number of hash buckets. */
  readonly bits: number;
  readonly seed: number;
  /** Window length and stride in UTF-16 units; windows overlap by window - stride. */
  readonly window: number;
  readonly stride: number;
  /**
   * A second, finer scale (0 = off): a short attack inside a long benign document is a small
   * share of a large window and gets outvoted by the text around it, but not in a small one.
   */
  readonly subWindow: number;
  readonly subStride: number;
  /** Most windows scored per scale for one layer; longer texts are sampled evenly. */
  readonly maxWindows: number;
}

export const DEFAULT_FEATURE_SPEC: FeatureSpec = Object.freeze({
  version: FEATURE_VERSION,
  bits: 18,
  seed: 0x9e3779b1,
  window: 1536,
  stride: 1024,
  subWindow: 512,
  subStride: 256,
  maxWindows: 256,
});

export const DENSE_FEATURES = ['log_length', 'symbol_ratio', 'non_ascii_ratio', 'second_person_ratio'] as const;
export const DENSE_COUNT = DENSE_FEATURES.length;

/**
 * What one window hashed to: char n-gram buckets fill `indices` from the front ([0, charEnd)),
 * word and word-bigram buckets from the back ([wordStart, indices.length)), so one pass writes both.
 */
export interface WindowFeatures {
  readonly indices: Int32Array;
  charEnd: number;
  wordStart: number;
  readonly dense: Float64Array;
}

export function createWindowFeatures(spec: FeatureSpec): WindowFeatures {
  // 3 char n-grams per character plus at most one word and one bigram per two characters.
  const indices = new Int32Array(4 * spec.window + 16);
  return { indices, charEnd: 0, wordStart: indices.length, dense: new Float64Array(DENSE_COUNT) };
}

/** Hashes text[start, end) (at most spec.window units) into `out` in one linear pass. */
export function extractWindow(text: string, start: number, end: number, spec: FeatureSpec, out: WindowFeatures): void {
  const shift = 32 - spec.bits;
  const idx = out.indices;
  const charSeed = (spec.seed ^ CHAR_SALT) >>> 0;
  const wordSeed = (spec.seed ^ WORD_SALT) >>> 0;
  const you = secondPersonHashes(spec.seed);
  // The last five normalised chars, newest in c0; whitespace runs collapse so layout does not matter.
  let c0 = 32, c1 = 32, c2 = 32, c3 = 32, c4 = 32;
  let seen = 0;
  let n = 0;
  let back = idx.length;
  let symbols = 0, nonAscii = 0, visible = 0;
  let words = 0, secondPerson = 0;
  let prev = 0;
  let wh = wordSeed;
  let inWord = false;
  for (let i = start; i <= end; i++) {
    const c = i < end ? normChar(text.charCodeAt(i)) : 32;
    const wordChar = isWordChar(c);
    if (wordChar) {
      wh = Math.imul(wh ^ c, FNV_PRIME);
      inWord = true;
    } else if (inWord) {
      const w = wh | 0;
      idx[--back] = bucket(w, shift);
      if (words > 0) idx[--back] = bucket(Math.imul(prev ^ BIGRAM_SALT, FNV_PRIME) ^ w, shift);
      if (isSecondPerson(you, w)) secondPerson++;
      prev = w;
      words++;
      wh = wordSeed;
      inWord = false;
    }
    if (i === end || (c === 32 && c0 === 32)) continue;
    c4 = c3; c3 = c2; c2 = c1; c1 = c0; c0 = c;
    seen++;
    if (c !== 32) {
      visible++;
      if (c >= 128) nonAscii++;
      else if (!wordChar) symbols++;
    }
    if (seen < 3) continue;
    let h = Math.imul(charSeed ^ c0, FNV_PRIME);
    h = Math.imul(h ^ c1, FNV_PRIME);
    h = Math.imul(h ^ c2, FNV_PRIME);
    idx[n++] = bucket(h ^ 3, shift);
    if (seen < 4) continue;
    h = Math.imul(h ^ c3, FNV_PRIME);
    idx[n++] = bucket(h ^ 4, shift);
    if (seen < 5) continue;
    h = Math.imul(h ^ c4, FNV_PRIME);
    idx[n++] = bucket(h ^ 5, shift);
  }
  out.charEnd = n;
  out.wordStart = back;

  const d = out.dense;
  d[0] = Math.log1p(end - start) / 8;
  d[1] = visible > 0 ? symbols / visible : 0;
  d[2] = visible > 0 ? nonAscii / visible : 0;
  d[3] = words > 0 ? Math.min(1, (8 * secondPerson) / words) : 0;
}

/** Start offsets of windows of `size` over `length` units: all of them up to `max`, else an even sample. */
export function windowStarts(length: number, size: number, stride: number, max: number): number[] {
  if (length <= size) return [0];
  const last = length - size;
  const count = Math.ceil(last / stride) + 1;
  const starts: number[] = [];
  if (count <= max) {
    for (let k = 0; k < count - 1; k++) starts.push(k * stride);
  } else {
    // Even sample with both ends included; the rules still read the whole text.
    for (let k = 0; k < max - 1; k++) starts.push(Math.floor((k * last) / (max - 1)));
  }
  starts.push(last);
  return starts;
}

/** Every window scored for a text, as flat [start, end, start, end, ...], coarse scale first. */
export function windowSpans(length: number, spec: FeatureSpec): number[] {
  const spans: number[] = [];
  for (const start of windowStarts(length, spec.window, spec.stride, spec.maxWindows)) spans.push(start, Math.min(length, start + spec.window));
  if (spec.subWindow > 0 && length > spec.subWindow) {
    for (const start of windowStarts(length, spec.subWindow, spec.subStride, spec.maxWindows)) spans.push(start, start + spec.subWindow);
  }
  return spans;
}
