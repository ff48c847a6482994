import { Buffer } from 'node:buffer';
import { PATTERNS } from '../patterns.js';
import { BASE32_UPPER, BASE64_ALPHABET, findRuns, HEX_ALPHABET } from './runs.js';
import { decodeUtf8Mapped, isLikelyText, MappedBytes } from '../utf8.js';
import { spend, type Decoded, type DecodeBudget, type Decoder } from './types.js';

/*
 * Decoders for encodings of bytes: base64, base32 and hex. Each scans for candidate runs with one
 * linear regex and keeps a candidate only when its bytes read as text, which is what rejects
 * long ordinary words that happen to be valid base64 ("Pseudohypoparathyroidism").
 */

function isHexDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function hexValue(c: number): number {
  return c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57;
}

function isDecimal(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function trimPadding(run: string): string {
  let end = run.length;
  while (end > 0 && run.charCodeAt(end - 1) === 0x3d) end--;
  return run.slice(0, end);
}

/**
 * Base64 of text mixes upper and lower case throughout; a long word ("Metilprednisolona",
 * "PSEUDOHYPOPARATHYROIDISM") or a hex string does not, and by chance a few would decode to
 * printable bytes. Requiring two of each case costs a lookup per character.
 */
function looksLikeBase64(body: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < body.length && (upper < 2 || lower < 2); i++) {
    const c = body.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) upper++;
    else if (c >= 0x61 && c <= 0x7a) lower++;
  }
  return upper >= 2 && lower >= 2;
}

/** Base32 as RFC 4648 writes it: upper case, with a digit 2-7 or padding somewhere (words have neither). */
function looksLikeBase32(run: string): boolean {
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if ((c >= 0x32 && c <= 0x37) || c === 0x3d) return true;
  }
  return false;
}

export const decodeBase64: Decoder = (text, budget) => {
  const out: Decoded[] = [];
  for (const run of findRuns(text, BASE64_ALPHABET, budget.minEncodedChars, 2)) {
    if (budget.chars <= 0) break;
    const body = trimPadding(text.slice(run.start, run.end));
    if (body.length < budget.minEncodedChars) continue;
    if (!looksLikeBase64(body)) continue;
    // A remainder of one character carries no whole byte; past the budget only a prefix is read.
    let usable = body.length - (body.length % 4 === 1 ? 1 : 0);
    usable = Math.min(usable, Math.floor(budget.chars / 3) * 4 + 4);
    const decoded = Buffer.from(body.slice(0, usable), 'base64').toString('utf8');
    if (!isLikelyText(decoded) || !spend(budget, decoded.length)) continue;
    out.push({ via: 'base64', text: decoded, span: run, map: null });
  }
  return out;
};

function base32Value(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return c - 0x41;
  if (c >= 0x61 && c <= 0x7a) return c - 0x61;
  if (c >= 0x32 && c <= 0x37) return c - 0x32 + 26;
  return -1;
}

function decodeBase32Run(body: string, maxBytes: number): Buffer {
  const bytes: number[] = [];
  let value = 0;
  let bits = 0;
  for (let i = 0; i < body.length && bytes.length < maxBytes; i++) {
    value = ((value << 5) | base32Value(body.charCodeAt(i))) & 0x1fff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

export const decodeBase32: Decoder = (text, budget) => {
  const out: Decoded[] = [];
  for (const run of findRuns(text, BASE32_UPPER, budget.minEncodedChars, 6)) {
    if (budget.chars <= 0) return out;
    const encoded = text.slice(run.start, run.end);
    const body = trimPadding(encoded);
    if (body.length < budget.minEncodedChars || !looksLikeBase32(encoded)) continue;
    const decoded = decodeBase32Run(body, budget.chars).toString('utf8');
    if (!isLikelyText(decoded) || !spend(budget, decoded.length)) continue;
    out.push({ via: 'base32', text: decoded, span: run, map: null });
  }
  return out;
};

/** Reads hex digit pairs from `text` starting at each listed position; each byte maps to its two digits plus `extra` prefix units. */
function hexCandidate(text: string, positions: readonly number[], prefix: number, span: { start: number; end: number }, budget: DecodeBudget): Decoded | null {
  const count = Math.min(positions.length, budget.chars);
  const bytes = new MappedBytes(count);
  for (let k = 0; k < count; k++) {
    const p = positions[k] ?? 0;
    bytes.push((hexValue(text.charCodeAt(p)) << 4) | hexValue(text.charCodeAt(p + 1)), p - prefix, p + 2);
  }
  const { text: decoded, map } = decodeUtf8Mapped(bytes);
  if (!isLikelyText(decoded) || !spend(budget, decoded.length)) return null;
  return { via: 'hex', text: decoded, span, map };
}

/** Cheap gate for the pairs regex: three hex pairs in a row with one separator kind ("49 67 6e"). */
function hasHexPairs(text: string): boolean {
  for (let i = 0; i + 8 <= text.length; i++) {
    const sep = text.charCodeAt(i + 2);
    if ((sep !== 0x20 && sep !== 0x3a) || text.charCodeAt(i + 5) !== sep) continue;
    if (isHexDigit(text.charCodeAt(i)) && isHexDigit(text.charCodeAt(i + 1)) && isHexDigit(text.charCodeAt(i + 3))
      && isHexDigit(text.charCodeAt(i + 4)) && isHexDigit(text.charCodeAt(i + 6)) && isHexDigit(text.charCodeAt(i + 7))) return true;
  }
  return false;
}

/** Contiguous hex digits ("49676e6f7265..."). */
export const decodeHexRun: Decoder = (text, budget) => {
  const out: Decoded[] = [];
  const minDigits = Math.max(16, budget.minEncodedChars);
  for (const run of findRuns(text, HEX_ALPHABET, minDigits)) {
    if (budget.chars <= 0) return out;
    const digits = text.slice(run.start, run.end);
    // An odd count is not a byte string; a plain number (an MRN, a phone number) is not worth decoding.
    if (digits.length % 2 !== 0 || isDecimal(digits)) continue;
    const positions: number[] = [];
    for (let p = run.start; p < run.end; p += 2) positions.push(p);
    const d = hexCandidate(text, positions, 0, run, budget);
    if (d !== null) out.push(d);
  }
  return out;
};

/** Hex bytes written one by one: "\\x49\\x67...", "0x49 0x67 ...", "49 67 6e ...". */
export const decodeHexBytes: Decoder = (text, budget) => {
  const out: Decoded[] = [];
  const push = (d: Decoded | null): void => {
    if (d !== null) out.push(d);
  };
  if (text.includes('\\x')) {
    for (const m of text.matchAll(PATTERNS.hexEscaped)) {
      const positions: number[] = [];
      for (let p = m.index + 2; p < m.index + m[0].length; p += 4) positions.push(p);
      push(hexCandidate(text, positions, 2, { start: m.index, end: m.index + m[0].length }, budget));
    }
  }
  if (text.includes('0x')) {
    for (const m of text.matchAll(PATTERNS.hexPrefixed)) {
      const positions: number[] = [];
      const end = m.index + m[0].length;
      for (let p = m.index; p + 4 <= end; p += 4) {
        positions.push(p + 2);
        if (p + 4 < end && text.charCodeAt(p + 4) !== 0x30) p++; // the optional separator
      }
      push(hexCandidate(text, positions, 2, { start: m.index, end: m.index + m[0].length }, budget));
    }
  }
  if (!hasHexPairs(text)) return out;
  for (const m of text.matchAll(PATTERNS.hexPairs)) {
    const positions: number[] = [];
    for (let p = m.index; p < m.index + m[0].length; p += 3) positions.push(p);
    push(hexCandidate(text, positions, 0, { start: m.index, end: m.index + m[0].length }, budget));
  }
  return out;
};
