import type { Span } from '../types.js';
import { Buffer } from 'node:buffer';

/**
 * Where each UTF-16 unit of a derived text came from: unit i was produced from source units
 * [start[i], end[i]). `null` stands for the identity map, so unchanged text costs nothing.
 * Removed source characters belong to no unit, which is why a span's end is taken from the
 * last unit's end rather than the next unit's start: removal never shifts offsets.
 */
export interface OffsetMap {
  readonly start: Int32Array;
  readonly end: Int32Array;
}

/** Maps a span of a derived text of length `length` to its source; `sourceLength` bounds it. */
export function mapSpan(map: OffsetMap | null, length: number, sourceLength: number, s: number, e: number): Span {
  let start = clamp(Math.floor(s), 0, length);
  let end = clamp(Math.floor(e), 0, length);
  if (end < start) [start, end] = [end, start];
  if (map === null) return { start: Math.min(start, sourceLength), end: Math.min(end, sourceLength) };
  if (start === end) {
    const pos = start < length ? map.start[start] ?? 0 : length > 0 ? map.end[length - 1] ?? sourceLength : 0;
    return { start: pos, end: pos };
  }
  const rs = map.start[start] ?? 0;
  const re = map.end[end - 1] ?? sourceLength;
  return { start: Math.min(rs, re), end: Math.max(rs, re) };
}

/** `outer` maps into a text that `inner` maps into its source; the result maps straight there. */
export function composeMaps(outer: OffsetMap | null, inner: OffsetMap | null, innerLength: number): OffsetMap | null {
  if (outer === null) return inner;
  if (inner === null) return outer;
  const n = outer.start.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const os = outer.start[i] ?? 0;
    const oe = outer.end[i] ?? 0;
    if (oe > os) {
      start[i] = inner.start[os] ?? 0;
      end[i] = inner.end[oe - 1] ?? 0;
    } else {
      const pos = os < innerLength ? inner.start[os] ?? 0 : innerLength > 0 ? inner.end[innerLength - 1] ?? 0 : 0;
      start[i] = pos;
      end[i] = pos;
    }
  }
  return { start, end };
}

function clamp(v: number, lo: number, hi: number): number {
  if (Number.isNaN(v)) return lo;
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * The first `n` units as a string. Buffer's UTF-16 decoding copies units as they are (lone
 * surrogates included) and is several times faster than String.fromCharCode over the array.
 */
export function unitsToString(codes: Uint16Array, n: number): string {
  return Buffer.from(codes.buffer, codes.byteOffset, n * 2).toString('utf16le');
}

/**
 * Collects UTF-16 units with their source spans. Maps are only allocated once the output stops
 * being a unit-for-unit copy of the source positions, so the common 1:1 case stays allocation-light.
 */
export class TextBuilder {
  private codes: Uint16Array;
  private starts: Int32Array | null = null;
  private ends: Int32Array | null = null;
  private len = 0;

  constructor(capacity: number) {
    this.codes = new Uint16Array(Math.max(16, capacity));
  }

  get length(): number {
    return this.len;
  }

  push(code: number, s: number, e: number): void {
    if (this.len === this.codes.length) this.grow();
    if (this.starts === null) {
      if (s === this.len && e === s + 1) {
        this.codes[this.len++] = code;
        return;
      }
      this.materialise();
    }
    this.codes[this.len] = code;
    (this.starts as Int32Array)[this.len] = s;
    (this.ends as Int32Array)[this.len] = e;
    this.len++;
  }

  /** Overwrites the unit at i (same source span), for in-place folding. */
  set(i: number, code: number): void {
    this.codes[i] = code;
  }

  at(i: number): number {
    return this.codes[i] ?? 0;
  }

  finish(sourceLength: number): { text: string; map: OffsetMap | null } {
    const text = unitsToString(this.codes, this.len);
    if (this.starts === null && this.len === sourceLength) return { text, map: null };
    if (this.starts === null) this.materialise();
    return { text, map: { start: (this.starts as Int32Array).slice(0, this.len), end: (this.ends as Int32Array).slice(0, this.len) } };
  }

  /** Like finish, but leaves the units as an array for a further pass. */
  finishUnits(sourceLength: number): { codes: Uint16Array; length: number; map: OffsetMap | null } {
    const codes = this.codes.subarray(0, this.len);
    if (this.starts === null && this.len === sourceLength) return { codes, length: this.len, map: null };
    if (this.starts === null) this.materialise();
    return { codes, length: this.len, map: { start: (this.starts as Int32Array).subarray(0, this.len), end: (this.ends as Int32Array).subarray(0, this.len) } };
  }

  private grow(): void {
    const cap = this.codes.length * 2;
    const codes = new Uint16Array(cap);
    codes.set(this.codes);
    this.codes = codes;
    if (this.starts !== null && this.ends !== null) {
      const starts = new Int32Array(cap);
      starts.set(this.starts);
      const ends = new Int32Array(cap);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
  }

  private materialise(): void {
    const cap = this.codes.length;
    this.starts = new Int32Array(cap);
    this.ends = new Int32Array(cap);
    for (let i = 0; i < this.len; i++) {
      this.starts[i] = i;
      this.ends[i] = i + 1;
    }
  }
}
