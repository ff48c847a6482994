/**
 * Names in lines typed wholly in lower case that carry their own shape, with no cue before them:
 * a listed given name with an initial ("a 72-year-old female, mary j., seen at ...") or with a
 * listed surname ("maria garcia", "paul winters"). The given name must be a common one (the
 * English and Spanish lists) that is no ordinary word (mark, grace, will stay out), and the surname
 * no verb ("emily said"). Lines with a capital letter are left to the capitalised-run rules, so
 * cased text costs one scan for a capital per line.
 */
import { lexicon } from './lexicon.js';
import { AMBIGUOUS, followerAhead, NEVER_NAME, VERB_AFTER } from './stopwords.js';
import type { Sink } from './types.js';
import { isLatinUpper, lowerLines } from './lines.js';

const isLower = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);

export function findLowerPairs(text: string, sink: Sink): void {
  const lines = lowerLines(text);
  for (let k = 0; k < lines.length; k += 2) pairsIn(text, lines[k] ?? 0, lines[k + 1] ?? 0, sink);
}

function pairsIn(text: string, a: number, b: number, sink: Sink): void {
  const { first, last, common } = lexicon();
  let i = a;
  while (i < b) {
    if (!isLower(text.charCodeAt(i)) || (i > a && isWordChar(text.charCodeAt(i - 1)))) { i++; continue; }
    const end = wordEnd(text, i, b);
    const given = text.slice(i, end);
    if (end - i >= 2 && givenName(given, first, common)) {
      const found = following(text, end, b, last);
      if (found > 0 && !eponymAfter(text, found)) {
        sink(i, found, 'NAME', 0.7, 'name.lower_pair');
        i = found;
        continue;
      }
    }
    i = end + 1;
  }
}

/** A common given name that is no ordinary word; a hyphenated one when both halves are ("anne-marie"). */
function givenName(w: string, first: ReadonlySet<string>, common: ReadonlySet<string>): boolean {
  const ok = (p: string): boolean => first.has(p) && !common.has(p) && !AMBIGUOUS.has(p) && !NEVER_NAME.has(p) && !VERB_AFTER.has(p);
  return w.includes('-') ? w.split('-').every(ok) : ok(w);
}

/** The end of an initial ("j.") or a listed surname after the given name, or 0. */
function following(text: string, end: number, b: number, last: ReadonlySet<string>): number {
  if (text.charCodeAt(end) !== 32) return 0;
  const s = end + 1;
  const c = text.charCodeAt(s);
  if (!isLower(c)) return 0;
  if (text.charCodeAt(s + 1) === 46 && !isWordChar(text.charCodeAt(s + 2))) return s + 2;
  const e = wordEnd(text, s, b);
  const sur = text.slice(s, e);
  // An ordinary word counts when the surname list has it (brown, young), but never a verb.
  if (e - s < 2 || !last.has(sur) || NEVER_NAME.has(sur) || VERB_AFTER.has(sur) || AMBIGUOUS.has(sur)) return 0;
  return e;
}

/** "miller fisher syndrome", "graham boyle troxell syndrome": the pair opens an eponym (a word may sit between). */
function eponymAfter(text: string, at: number): boolean {
  return followerAhead(text.slice(at, at + 40), /^ [a-zß-ÿ'-]{2,20}/);
}

function wordEnd(text: string, i: number, b: number): number {
  let j = i;
  while (j < b && (isLower(text.charCodeAt(j)) || (text.charCodeAt(j) === 45 && isLower(text.charCodeAt(j + 1)) && j > i))) j++;
  return j;
}

function isWordChar(c: number): boolean {
  return isLower(c) || isLatinUpper(c) || (c >= 48 && c <= 57) || c === 39 || c === 0x2019;
}
