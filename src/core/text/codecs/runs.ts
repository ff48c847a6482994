import type { Span } from '../../types.js';

/*
 * Maximal runs of an encoding's alphabet, found with a table lookup per character. A regex like
 * /[A-Za-z0-9+/]{16,}/ restarts inside every shorter word and was the costliest step of decoding
 * ordinary prose; this loop reads each character once.
 */

function alphabet(ranges: string): Uint8Array {
  const t = new Uint8Array(128);
  for (let i = 0; i < ranges.length; i++) {
    if (ranges[i + 1] === '~' && i + 2 < ranges.length) {
      for (let c = ranges.charCodeAt(i); c <= ranges.charCodeAt(i + 2); c++) t[c] = 1;
      i += 2;
    } else {
      t[ranges.charCodeAt(i)] = 1;
    }
  }
  return t;
}

/** `~` marks a range: "A~Z" is A to Z. */
export const BASE64_ALPHABET = alphabet('A~Za~z0~9+/_-');
export const BASE32_UPPER = alphabet('A~Z2~7');
export const HEX_ALPHABET = alphabet('0~9A~Fa~f');

/** Runs of at least `min` alphabet characters, each extended over up to `padding` '=' signs. */
export function findRuns(text: string, table: Uint8Array, min: number, padding = 0): Span[] {
  const out: Span[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c >= 128 || table[c] === 0) {
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d >= 128 || table[d] === 0) break;
      i++;
    }
    if (i - start < min) continue;
    let end = i;
    while (end < n && end - i < padding && text.charCodeAt(end) === 0x3d) end++;
    out.push({ start, end });
    i = end;
  }
  return out;
}

/** Whether any run of `min` alphabet characters exists; stops at the first. */
export function hasRun(text: string, table: Uint8Array, min: number): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && table[c] === 1) {
      if (++run >= min) return true;
    } else {
      run = 0;
    }
  }
  return false;
}
