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

/** Frequent English trigrams; their ROT13 images mark ROT13'd English. */
const ENGLISH_TRIGRAMS = ['the', 'and', 'ing', 'you', 'all', 'ion', 'ous', 'ent', 'for', 'tha', 'her', 'ere'];
const PLAIN = 1;
const HINT = 2;

/** A 26^3 table: PLAIN for an English trigram, HINT for the ROT13 of one. */
const TRIGRAMS = (() => {
  const t = new Uint8Array(26 * 26 * 26);
  const key = (g: string): number => ((g.charCodeAt(0) - 0x61) * 26 + g.charCodeAt(1) - 0x61) * 26 + g.charCodeAt(2) - 0x61;
  for (const g of ENGLISH_TRIGRAMS) {
    t[key(g)] = PLAIN;
    t[key(rot13(g))] = HINT;
  }
  return t;
})();
const MIN_WORDS = 3;

function rot13Word(w: string): string {
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    out += String.fromCharCode(c >= 0x61 && c <= 0x7a ? ((c - 0x61 + 13) % 26) + 0x61 : c);
  }
  return out;
}

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
    if (COMMON.has(rot13Word(w))) rotated++;
  }
  return words >= MIN_WORDS && rotated >= 2 && rotated >= 2 * plain + 1 && rotated * 10 >= words * 3;
}

/** Per ASCII code: 1-26 for a letter (its index + 1), SEGMENT_END for .!?:; and a line break, 0 otherwise. */
const SEGMENT_END = 27;
const ROT_CLASS = (() => {
  const t = new Uint8Array(128);
  for (let c = 0; c < 26; c++) {
    t[0x41 + c] = c + 1;
    t[0x61 + c] = c + 1;
  }
  for (const c of [0x0a, 0x2e, 0x21, 0x3f, 0x3a, 0x3b]) t[c] = SEGMENT_END;
  return t;
})();

/**
 * One pass over the text: each sentence-like segment counts English trigrams and ROT13'd ones, and
 * only a segment where the ROT13'd kind dominates is scored word by word. Ordinary English (a
 * clinical note full of "the", "and", "ion") never reaches the word scoring, so the uncued path
 * costs one table lookup per letter, and a ROT13 sentence inside a long English document is still
 * judged on its own.
 */
function rot13Segments(text: string, budget: Parameters<Decoder>[1]): Decoded[] {
  const out: Decoded[] = [];
  const n = text.length;
  let start = 0;
  let hints = 0;
  let plain = 0;
  let run = 0;
  // The last two letters as 26 * a + b and the last one alone: the trigram key needs no modulo.
  let pair = 0;
  let last = 0;
  const endSegment = (p: number): void => {
    if (hints >= MIN_HINTS && hints > plain && p - start >= 8) {
      const segment = text.slice(start, p);
      if (rot13IsEnglish(segment) && spend(budget, segment.length)) {
        out.push({ via: 'rot13', text: rot13(segment), span: { start, end: p }, map: 'shifted' });
      }
    }
  };
  for (let p = 0; p < n; p++) {
    const code = text.charCodeAt(p);
    const k = code < 128 ? ROT_CLASS[code] as number : 0;
    if (k === 0) {
      run = 0;
      continue;
    }
    if (k === SEGMENT_END) {
      endSegment(p);
      start = p + 1;
      hints = 0;
      plain = 0;
      run = 0;
      continue;
    }
    const c = k - 1;
    const key = pair * 26 + c;
    pair = last * 26 + c;
    last = c;
    if (++run >= 3) {
      const t = TRIGRAMS[key];
      if (t === HINT) hints++;
      else if (t === PLAIN) plain++;
    }
  }
  endSegment(n);
  return out;
}

export const decodeRot13: Decoder = (text, budget) => {
  if (text.includes('13') && PATTERNS.rot13Cue.test(text)) {
    if (!spend(budget, text.length)) return [];
    return [{ via: 'rot13', text: rot13(text), span: { start: 0, end: text.length }, map: 'shifted' }];
  }
  return rot13Segments(text, budget);
};
