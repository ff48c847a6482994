/*
 * One pass that tells decodeLayers which byte decoders can find anything in a layer. Ordinary
 * prose has long base64-alphabet runs ("community-acquired", "hydrochlorothiazide") that the
 * base64 decoder would reject only after finding them again and testing their case mix; here
 * the run is judged as it is read, so most layers skip base64, base32 and both hex decoders.
 * Each bit is a superset of what the decoder itself accepts: a gate never hides a payload.
 */

/** A base64-alphabet run of the minimum length with two upper- and two lower-case letters (looksLikeBase64). */
export const GATE_BASE64 = 1;
/** An upper-case base32 run of the minimum length with a digit 2-7 or '=' padding (looksLikeBase32). */
export const GATE_BASE32 = 2;
/** A run of hex digits of max(16, minimum) (decodeHexRun's own minimum). */
export const GATE_HEX_RUN = 4;
/** Hex bytes written one by one: "\x49", "0x49" or three pairs with one separator ("49 67 6e"). */
export const GATE_HEX_BYTES = 8;

const B64 = 1;
const B32 = 2;
const HEX = 4;
const UPPER = 8;
const LOWER = 16;

const CLASS = (() => {
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const upper = c >= 0x41 && c <= 0x5a;
    const lower = c >= 0x61 && c <= 0x7a;
    const digit = c >= 0x30 && c <= 0x39;
    let k = 0;
    if (upper || lower || digit || c === 0x2b || c === 0x2f || c === 0x5f || c === 0x2d) k |= B64;
    if (upper || (c >= 0x32 && c <= 0x37)) k |= B32;
    if (digit || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)) k |= HEX;
    if (upper) k |= UPPER;
    if (lower) k |= LOWER;
    t[c] = k;
  }
  return t;
})();

/** -1 for characters of the base64 alphabet and for hex digits, 0 otherwise: `run = (run + 1) & mask` needs no branch. */
const B64_MASK = Int32Array.from(CLASS, (k) => ((k & B64) !== 0 ? -1 : 0));
const HEX_MASK = Int32Array.from(CLASS, (k) => ((k & HEX) !== 0 ? -1 : 0));

export function decoderGates(text: string, minEncodedChars: number): number {
  let found = text.includes('\\x') || text.includes('0x') ? GATE_HEX_BYTES : 0;
  const n = text.length;
  let run = 0;
  let hex = 0;
  // Branch-free counting per character; the branches below are rarely taken on prose (a run
  // reaching the minimum, two hex digits before a space), so they cost little in mispredictions.
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) {
      if (run >= minEncodedChars) found |= longRun(text, i - run, i, minEncodedChars);
      run = hex = 0;
      continue;
    }
    const next = (run + 1) & (B64_MASK[c] as number);
    if (run >= minEncodedChars && next === 0) found |= longRun(text, i - run, i, minEncodedChars);
    run = next;
    if (hex >= 2 && (c === 0x20 || c === 0x3a) && (found & GATE_HEX_BYTES) === 0 && hexPairsAt(text, i - 2)) found |= GATE_HEX_BYTES;
    hex = (hex + 1) & (HEX_MASK[c] as number);
  }
  if (run >= minEncodedChars) found |= longRun(text, n - run, n, minEncodedChars);
  return found;
}

/** Which run decoders accept something in the base64-alphabet run text[start, end). */
function longRun(text: string, start: number, end: number, min: number): number {
  const minHex = Math.max(16, min);
  let found = 0;
  let upper = 0, lower = 0, b32 = 0, hex = 0;
  let b32Digit = false;
  for (let i = start; i < end; i++) {
    const k = CLASS[text.charCodeAt(i)] as number;
    if ((k & UPPER) !== 0) upper++;
    else if ((k & LOWER) !== 0) lower++;
    if ((k & B32) !== 0) {
      b32++;
      if ((k & UPPER) === 0) b32Digit = true;
      // Base32 needs a digit 2-7 in the run or '=' padding after it.
      if (b32 >= min && (b32Digit || (i === end - 1 && text.charCodeAt(end) === 0x3d))) found |= GATE_BASE32;
    } else {
      b32 = 0;
      b32Digit = false;
    }
    hex = (k & HEX) !== 0 ? hex + 1 : 0;
    if (hex >= minHex) found |= GATE_HEX_RUN;
  }
  if (end - start >= min && upper >= 2 && lower >= 2) found |= GATE_BASE64;
  return found;
}

const isHex = (c: number): boolean => c < 128 && ((CLASS[c] as number) & HEX) !== 0;

/** "HH?HH?HH" at i with one separator, space or colon ("49 67 6e", "49:67:6e"). */
function hexPairsAt(text: string, i: number): boolean {
  const sep = text.charCodeAt(i + 2);
  return text.charCodeAt(i + 5) === sep && isHex(text.charCodeAt(i)) && isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 3))
    && isHex(text.charCodeAt(i + 4)) && isHex(text.charCodeAt(i + 6)) && isHex(text.charCodeAt(i + 7));
}
