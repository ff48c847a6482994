/**
 * Names typed in lower case ("my name is lena andersson", "mr. elliott"): chat users often skip
 * capitals. Only after a cue that announces a name, and only up to the first ordinary word.
 */
import { lexicon } from './lexicon.js';
import { AMBIGUOUS, NEVER_NAME, VERB_AFTER } from './stopwords.js';
import { findLowerPairs } from './names-lower-pairs.js';
import type { Sink } from './types.js';
import { firstMatch, nextMatch } from './exec.js';

const LETTER = 'a-z\\u00df-\\u00f6\\u00f8-\\u00ff\\u0100-\\u017f';
const CUE_LOWER = new RegExp(
  String.raw`\b(?:my name is|maiden name is|last name is|first name is|name:|everyone calls me|calls me|call me|(?:mr|mrs|ms)\.|dr\.?|mrs|gender of)[ \t]{1,6}` +
    `([${LETTER}][${LETTER}'-]{1,24}(?: [a-z]\\.?(?= ))?(?: [${LETTER}][${LETTER}'-]{1,24}){0,2})`,
  'gi',
);

// A line holding only two or three lower-case words (a name heading an address or signature block),
// and lists of three or more lower-case words joined by commas and a final "and".
const LINE_WORDS = new RegExp(`(?:^|\\n)[ \\t>?]{0,5}([${LETTER}]{2,24}(?: [a-z]\\.?)?(?: [${LETTER}][${LETTER}'-]{1,24}){1,2})[ \\t]*(?=\\n|$)`, 'g');
const LOWER_LIST_SRC = `(?<![${LETTER}])[${LETTER}]{2,24}(?:, [${LETTER}]{2,24}){1,12},? and [${LETTER}]{2,24}(?![${LETTER}])`;
export const LOWER_LIST = new RegExp(LOWER_LIST_SRC, 'g');
const LOWER_LIST_AT = new RegExp(LOWER_LIST_SRC, 'y');
const LETTER_CHAR = new RegExp(`^[${LETTER}]$`);
const IS_LIST_LETTER = Uint8Array.from({ length: 0x180 }, (_, c) => (LETTER_CHAR.test(String.fromCharCode(c)) ? 1 : 0));
const listLetter = (c: number): boolean => c < 0x180 && IS_LIST_LETTER[c] === 1;
const LIVES = new RegExp(`(?:^|\\n|[.!?] )([${LETTER}]{2,24} [${LETTER}]{2,24}) (?=lives|lived|works|moved)`, 'g');


// "my daughter emily", "her husband david (67)", "patient john doe", "a man named carlos mendez": a
// relative or the patient named in lower case. Only a listed given name counts, and a second word only when it is a listed
// surname and no ordinary word ("my son will be", "my wife has").
const KIN_LOWER = new RegExp(
  String.raw`\b(?:(?:my|his|her|our|their|patient's) (?:husband|wife|son|daughter|mom|mother|dad|father|brother|sister|partner|friend|cousin|aunt|uncle|niece|nephew|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|boyfriend|girlfriend|fianc[eé]e?|caregiver|neighbou?r)|patient|pt\.?|named|this is|i am|i'm|(?:his|her|their) name is),? ` +
    `([${LETTER}]{2,24})(?: ([${LETTER}][${LETTER}'-]{1,24}))?(?![${LETTER}])`,
  'g',
);

/** Given name then surname, both listed and neither an ordinary word. */
function listedPair(words: readonly string[]): boolean {
  const { firstWide: first, lastWide: last, firstFolded, lastFolded } = lexicon();
  const head = words[0] ?? '';
  const tail = words[words.length - 1] ?? '';
  return (first.has(head) || firstFolded.has(head)) && !AMBIGUOUS.has(head) && !NEVER_NAME.has(head) &&
    (last.has(tail) || first.has(tail) || lastFolded.has(tail)) && !AMBIGUOUS.has(tail) && !NEVER_NAME.has(tail);
}

/**
 * LOWER_LIST matches, run only on lines holding both ", " and " and ": a match never crosses a line
 * (letters, ", " and " and " only) and its edge look-arounds see a non-letter either way, so the
 * matches are the same as over the whole text, at a fraction of the cost (it tried every word).
 */
function* listMatches(text: string): Generator<RegExpExecArray> {
  let from = 0;
  for (let i = text.indexOf(' and ', from); i >= 0; i = text.indexOf(' and ', from)) {
    const lineStart = text.lastIndexOf('\n', i) + 1;
    const nl = text.indexOf('\n', i);
    const lineEnd = nl < 0 ? text.length : nl;
    from = lineEnd + 1;
    const comma = text.indexOf(', ', lineStart);
    if (comma < 0 || comma >= lineEnd) continue;
    yield* listMatchesIn(text.slice(lineStart, lineEnd), lineStart);
    if (nl < 0) break;
  }
}

/**
 * LOWER_LIST's global matches in `line`, trying it (sticky) only where one can start: its first
 * word is the whole letter run (2-24 letters, none before it) that ends right at a ", ", so each
 * ", " names one possible start. Tried in order and resumed after each match, these are exactly
 * the global pass's matches (names-lower.test.ts compares the two).
 */
export function* listMatchesIn(line: string, offset = 0): Generator<RegExpExecArray> {
  let from = 0;
  for (let k = line.indexOf(', '); k >= 0; k = line.indexOf(', ', k + 1)) {
    let s = k;
    while (s > 0 && k - s <= 24 && listLetter(line.charCodeAt(s - 1))) s--;
    if (s < from || k - s < 2 || k - s > 24) continue;
    const re = LOWER_LIST_AT;
    re.lastIndex = s;
    const m = re.exec(line);
    if (!m) continue;
    from = re.lastIndex;
    m.index += offset;
    yield m;
  }
}

function findLowerShapes(text: string, sink: Sink): void {
  const { firstWide: first } = lexicon();
  for (const re of [LINE_WORDS, LIVES]) {
    for (let m = firstMatch(re, text); m; m = nextMatch(re, text, m)) {
      const value = m[1] ?? '';
      if (value === '' || value !== value.toLowerCase() || !listedPair(value.split(' '))) continue;
      const start = m.index + m[0].indexOf(value);
      sink(start, start + value.length, 'NAME', 0.65, 'name.lower_shape');
    }
  }
  for (const m of listMatches(text)) {
    const items = m[0].split(/,? and |, /);
    // Most of the list must be listed given names ("silvana, adam, christopher ... and caleb").
    const listed = items.filter((w) => first.has(w) && !AMBIGUOUS.has(w) && !NEVER_NAME.has(w)).length;
    if (items.length < 3 || listed * 3 < items.length * 2) continue;
    let at = m.index;
    for (const w of items) {
      const start = text.indexOf(w, at);
      at = start + w.length;
      if (!NEVER_NAME.has(w)) sink(start, at, 'NAME', 0.6, 'name.lower_list');
    }
  }
}

function findKinLower(text: string, sink: Sink): void {
  const { first, lastWide: last, lastFolded, common } = lexicon();
  for (let m = firstMatch(KIN_LOWER, text); m; m = nextMatch(KIN_LOWER, text, m)) {
    const given = m[1] ?? '';
    if (!first.has(given) || common.has(given) || NEVER_NAME.has(given) || AMBIGUOUS.has(given) || VERB_AFTER.has(given)) continue;
    const sur = m[2] ?? '';
    const both = sur !== '' && (last.has(sur) || lastFolded.has(sur)) && !common.has(sur) && !VERB_AFTER.has(sur) && !NEVER_NAME.has(sur);
    const start = m.index + m[0].length - given.length - (sur === '' ? 0 : sur.length + 1);
    sink(start, start + (both ? given.length + 1 + sur.length : given.length), 'NAME', 0.7, 'name.lower_kin');
  }
}

export function findNamesLower(text: string, sink: Sink): void {
  findLowerShapes(text, sink);
  findKinLower(text, sink);
  findLowerPairs(text, sink);
  for (let m = firstMatch(CUE_LOWER, text); m; m = nextMatch(CUE_LOWER, text, m)) {
    const value = m[1] ?? '';
    // Capitalised names are the Latin-script detector's; here only all-lower-case values.
    if (value === '' || value !== value.toLowerCase()) continue;
    const words = value.split(' ');
    const { firstWide: first, lastWide: last, common, first: given } = lexicon();
    // "call me back", "name: none": an ordinary word (common-lower.txt) that is no common given name.
    if (common.has(words[0] ?? '') && !given.has(words[0] ?? '')) continue;
    // "my name is lena andersson": two words; after a title ("ms. quinzia wants") a second word only when it is a listed name.
    const announced = /name|call/i.test(m[0].slice(0, m[0].length - value.length));
    let n = 0;
    while (n < words.length && !NEVER_NAME.has(words[n] ?? '')) {
      const w = words[n] ?? '';
      if (n > 0 && (VERB_AFTER.has(w) || (w.length > 2 && !first.has(w) && !last.has(w) && !(announced && n === 1)))) break;
      n++;
    }
    if (n === 0) continue;
    const kept = words.slice(0, n).join(' ').replace(/[ .]+$/, '');
    const start = m.index + m[0].length - value.length;
    sink(start, start + kept.length, 'NAME', 0.7, 'name.lower_cue');
  }
}
