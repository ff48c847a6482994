/**
 * Word helpers of the Korean name rules (names-ko.ts): the next word after a run, the particle at
 * a word's end, and whether a person title follows. They run for most Hangul runs of a text, so
 * the look-aheads are loops and the regexes run only where their first character is present.
 */
import { PARTICLES, TITLE_AFTER, TITLE_WORD_END } from './names-ko-lists.js';

const AGE_PAREN = /^\((?:\d{1,3}(?:[세)·,]|\.)|[\u4e00-\u9fff]{2,5}[·),])/;
const isHangulCode = (c: number): boolean => c >= 0xac00 && c <= 0xd7a3;

/**
 * The word after `end` (skipping one space), for title and surname look-ahead: what
 * /^ ?([가-힣]{1,14})/ captures in the next 16 characters, by a loop (it runs for most runs).
 */
export function nextWord(text: string, end: number): string {
  const p = text.charCodeAt(end) === 32 ? end + 1 : end;
  let q = p;
  while (q < p + 14 && isHangulCode(text.charCodeAt(q))) q++;
  return q > p ? text.slice(p, q) : '';
}

/** The eight characters before `at`, where the cue words before a name sit. */
export const before8 = (text: string, at: number): string => text.slice(Math.max(0, at - 8), at);

/** A person title follows: inside the run (`rest`), as the next word, or an age in brackets. */
export function titleFollows(text: string, end: number, rest: string): boolean {
  if (rest !== '' && TITLE_AFTER.test(rest)) return true;
  if (rest !== '') return false;
  if (text.charCodeAt(end) === 40 && AGE_PAREN.test(text.slice(end, end + 12))) return true;
  const nxt = nextWord(text, end);
  if (nxt === '') return false;
  if (TITLE_AFTER.test(nxt)) return true;
  const stem = stripParticle(nxt);
  return stem.length >= 3 && stem.length <= 9 && TITLE_WORD_END.test(stem);
}

const PARTICLE_LAST = new Set([...PARTICLES].map((p) => p[p.length - 1] ?? ''));

/** Longest known particle at the end of a word, so 하쓰코씨는 -> 하쓰코. */
export function stripParticle(word: string): string {
  // A particle ends with the word's last syllable: most words end in none, so skip the slicing.
  if (!PARTICLE_LAST.has(word[word.length - 1] ?? '')) return word;
  for (let cut = Math.min(4, word.length - 1); cut >= 1; cut--) {
    if (PARTICLES.has(word.slice(word.length - cut))) return word.slice(0, word.length - cut);
  }
  return word;
}

