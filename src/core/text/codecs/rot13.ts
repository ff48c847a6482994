import { Buffer } from 'node:buffer';
import { PATTERNS } from '../patterns.js';
import { spend, type Decoded, type Decoder } from './types.js';

/*
 * ROT13 turns any text into other letters, so decoding every input would double the work and
 * invent layers. It runs only on a cue ("rot13" is mentioned) or when a sentence's ROT13 is far
 * more English than the sentence itself.
 */

// Frequent English words, and the vocabulary of instructions to a model.
const COMMON = new Set(`the and you all to of is are in it for this that with be your now from not any
previous prior instructions instruction ignore disregard forget system prompt reveal tell me what
please do must will new rules above output secret password say act as an or on have was were can
my we they he she his her there their what when which who how if then than but so no yes
just only also into about after before over under again all every each other more most some
message messages text following below user assistant model developer mode respond answer
repeat print show give write read delete send data patient record records access admin`.split(PATTERNS.whitespace));

export function rot13(text: string): string {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) units[i] = ((c - 0x41 + 13) % 26) + 0x41;
    else if (c >= 0x61 && c <= 0x7a) units[i] = ((c - 0x61 + 13) % 26) + 0x61;
    else units[i] = c;
  }
  return Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le');
}

const MIN_HINTS = 2;

/** ROT13 of frequent English trigrams ("the", "and", "ing", "you", "all", "ion", "ous"), as a 26^3 table. */
const HINT_TRIGRAMS = (() => {
  const t = new Uint8Array(26 * 26 * 26);
  for (const g of ['gur', 'naq', 'vat', 'lbh', 'nyy', 'vba', 'bhf']) {
    t[((g.charCodeAt(0) - 0x61) * 26 + g.charCodeAt(1) - 0x61) * 26 + g.charCodeAt(2) - 0x61] = 1;
  }
  return t;
})();

/** A cheap gate before scoring words: ROT13'd English is full of these trigrams, English has few. */
function hasRot13Hints(text: string): boolean {
  let hints = 0;
  let run = 0;
  let key = 0;
  for (let i = 0; i < text.length; i++) {
    const c = (text.charCodeAt(i) | 0x20) - 0x61;
    if (c < 0 || c > 25) {
      run = 0;
      continue;
    }
    key = (key * 26 + c) % (26 * 26 * 26);
    if (++run >= 3 && HINT_TRIGRAMS[key] === 1 && ++hints >= MIN_HINTS) return true;
  }
  return false;
}
const MIN_WORDS = 3;

/** Whether a segment reads as English only after ROT13. */
function rot13IsEnglish(segment: string): boolean {
  let words = 0;
  let plain = 0;
  let rotated = 0;
  for (const m of segment.matchAll(PATTERNS.asciiWord)) {
    if (m[0].length < 2) continue;
    words++;
    const w = m[0].toLowerCase();
    if (COMMON.has(w)) plain++;
    if (COMMON.has(rot13(w))) rotated++;
  }
  return words >= MIN_WORDS && rotated >= 2 && rotated >= 2 * plain + 1 && rotated * 10 >= words * 3;
}

function isSegmentEnd(c: number): boolean {
  return c === 0x0a || c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x3b;
}

export const decodeRot13: Decoder = (text, budget) => {
  if (text.includes('13') && PATTERNS.rot13Cue.test(text)) {
    if (!spend(budget, text.length)) return [];
    return [{ via: 'rot13', text: rot13(text), span: { start: 0, end: text.length }, map: 'shifted' }];
  }
  if (!hasRot13Hints(text)) return [];
  const out: Decoded[] = [];
  let start = 0;
  for (let p = 0; p <= text.length; p++) {
    if (p < text.length && !isSegmentEnd(text.charCodeAt(p))) continue;
    if (p - start >= 8) {
      const segment = text.slice(start, p);
      if (rot13IsEnglish(segment) && spend(budget, segment.length)) {
        out.push({ via: 'rot13', text: rot13(segment), span: { start, end: p }, map: 'shifted' });
      }
    }
    start = p + 1;
  }
  return out;
};
