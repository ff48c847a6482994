import { Buffer } from 'node:buffer';
import * as chars from './chars.js';
import { TextBuilder, type OffsetMap } from './offsets.js';

// tsx (tests, benchmarks) compiles each imported function to a getter call; these loops run per
// character, so they call module-local bindings taken once here.
const { F_DIGIT, F_SPACE, F_WORD, charFlags } = chars;

/** Bytes with the span of source text each byte was decoded from. */
export class MappedBytes {
  bytes: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  length = 0;

  constructor(capacity: number) {
    const cap = Math.max(16, capacity);
    this.bytes = new Uint8Array(cap);
    this.starts = new Int32Array(cap);
    this.ends = new Int32Array(cap);
  }

  push(byte: number, s: number, e: number): void {
    if (this.length === this.bytes.length) this.grow();
    this.bytes[this.length] = byte;
    this.starts[this.length] = s;
    this.ends[this.length] = e;
    this.length++;
  }

  /** Appends a source character as its UTF-8 bytes, all mapped to the character. */
  pushChar(text: string, i: number): number {
    const cp = text.codePointAt(i) ?? 0;
    const w = cp > 0xffff ? 2 : 1;
    const enc = Buffer.from(text.slice(i, i + w), 'utf8');
    for (const byte of enc) this.push(byte, i, i + w);
    return w;
  }

  private grow(): void {
    const cap = this.bytes.length * 2;
    const bytes = new Uint8Array(cap);
    bytes.set(this.bytes);
    const starts = new Int32Array(cap);
    starts.set(this.starts);
    const ends = new Int32Array(cap);
    ends.set(this.ends);
    this.bytes = bytes;
    this.starts = starts;
    this.ends = ends;
  }
}

/**
 * Decodes UTF-8 keeping, for every UTF-16 unit produced, the source span of its bytes. Invalid
 * sequences become U+FFFD, which the text-quality check then counts against the candidate.
 */
export function decodeUtf8Mapped(src: MappedBytes): { text: string; map: OffsetMap | null } {
  const { bytes, starts, ends, length: n } = src;
  const b = new TextBuilder(n + 16);
  let i = 0;
  while (i < n) {
    const b0 = bytes[i] ?? 0;
    let cp = 0xfffd;
    let len = 1;
    if (b0 < 0x80) {
      cp = b0;
    } else if (b0 >= 0xc2 && b0 <= 0xdf && cont(bytes, i + 1, n)) {
      cp = ((b0 & 0x1f) << 6) | ((bytes[i + 1] ?? 0) & 0x3f);
      len = 2;
    } else if (b0 >= 0xe0 && b0 <= 0xef && cont(bytes, i + 1, n) && cont(bytes, i + 2, n)) {
      const v = ((b0 & 0x0f) << 12) | (((bytes[i + 1] ?? 0) & 0x3f) << 6) | ((bytes[i + 2] ?? 0) & 0x3f);
      if (v >= 0x800 && (v < 0xd800 || v > 0xdfff)) {
        cp = v;
        len = 3;
      }
    } else if (b0 >= 0xf0 && b0 <= 0xf4 && cont(bytes, i + 1, n) && cont(bytes, i + 2, n) && cont(bytes, i + 3, n)) {
      const v = ((b0 & 0x07) << 18) | (((bytes[i + 1] ?? 0) & 0x3f) << 12) | (((bytes[i + 2] ?? 0) & 0x3f) << 6) | ((bytes[i + 3] ?? 0) & 0x3f);
      if (v >= 0x10000 && v <= 0x10ffff) {
        cp = v;
        len = 4;
      }
    }
    const s = starts[i] ?? 0;
    const e = ends[i + len - 1] ?? s;
    if (cp > 0xffff) {
      b.push(0xd800 + ((cp - 0x10000) >> 10), s, e);
      b.push(0xdc00 + ((cp - 0x10000) & 0x3ff), s, e);
    } else {
      b.push(cp, s, e);
    }
    i += len;
  }
  // -1: positions are source positions, never indices, so the map must always be kept.
  return b.finish(-1);
}

function cont(bytes: Uint8Array, i: number, n: number): boolean {
  return i < n && ((bytes[i] ?? 0) & 0xc0) === 0x80;
}

/**
 * Whether decoded bytes read as text a person (or a model) would read, or as another printable
 * encoding to peel (base64 inside hex): almost no control or replacement characters, and a fair
 * share of letters. Binary garbage from decoding an ordinary word ("Acetaminophen...") fails this.
 */
export function isLikelyText(text: string): boolean {
  const n = text.length;
  if (n < 4) return false;
  let bad = 0;
  let letters = 0;
  let digits = 0;
  let nonAscii = 0;
  let units = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) {
      bad++;
      units++;
      continue;
    }
    if (c >= 0x80) nonAscii++;
    if (c >= 0xdc00 && c <= 0xdfff) continue; // second half of an astral character
    const f = charFlags(c);
    if ((f & F_SPACE) !== 0) continue;
    units++;
    if ((f & F_DIGIT) !== 0) digits++;
    else if ((f & F_WORD) !== 0) letters++;
  }
  if (units === 0 || bad * 20 > n) return false;
  if (letters >= Math.max(3, units * 0.4)) return true;
  return bad === 0 && nonAscii === 0 && letters + digits >= units * 0.6;
}
