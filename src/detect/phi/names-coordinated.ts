/**
 * Names in a coordinated list with a found name: "Monjeau, Graves and Reed", "Bowman and White".
 * A word on the clinical stop list (Graves: an eponym) or an ordinary word that is also a surname
 * (White, Brown) is no name on its own, and neither the rules nor the Latin model take it; next to
 * a found name in a list of names it is one. Run after the rules and the model, on their NAME spans:
 *  - a capitalised word between two names of one list ("A, W and B") is a name, unless it is a
 *    function word, month or title;
 *  - a capitalised word of the name lists joined to a name by "and" / "&" / ", " is a name.
 * Never: a word followed by another capitalised word (Smith and Jones Ltd), by an eponym word
 * (Graves disease); a listed place only between two names. Lower-case text is left alone (no capitals to anchor on).
 */
import { lexicon, type Lexicon } from './lexicon.js';
import { EPONYM_FOLLOWERS } from './stopwords.js';
import type { PhiSpan, Sink } from './types.js';

interface Item { readonly start: number; readonly end: number; readonly name: boolean }

// Separators of a list: ", ", " and ", ", and ", " & ", and the Spanish, German, French "y", "und", "et".
const SEP_RIGHT = /(?:,[ \t]{1,2}(?:(?:and|&)[ \t]{1,2})?|[ \t]{1,2}(?:and|&|y|und|et)[ \t]{1,2})/y;
const WORD = /[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f][\p{Ll}\p{Lu}'’-]{1,24}(?![\p{L}\d])/uy;
// The separator before a list item, and the first letter of the word before it.
const SEP_BEFORE = /(?:,[ \t]{1,2}(?:(?:and|&)[ \t]{1,2})?|[ \t]{1,2}(?:and|&|y|und|et)[ \t]{1,2})$/;
const FIRST_CAPITAL = /^[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f]$/;
/** Letters (to Latin Extended-B), digits, apostrophes and hyphens: a word runs over them. */
const inWord = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || c === 39 || c === 0x2019 || c === 45;
const NEXT_CAPITAL = /^[ \t]{1,2}[A-Z\u00c0-\u00de]/;
const CONJUNCTION = /[ \t](?:and|&|y|und|et)[ \t]/;

/** Words that sit in lists but are never names. */
const NOT_NAMES = new Set(`the a an this that these those and or but not of in on at for with by from to as so then also
i you he she we they it my your his her our their me him us them mr mrs ms miss dr dra prof sr sra srta mx
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december inc ltd llc co corp company associates sons partners group`.split(/\s+/));

/** The found names by start and by end, so a list item is looked up in O(1), not by a scan. */
interface Names { readonly byStart: ReadonlyMap<number, PhiSpan>; readonly byEnd: ReadonlyMap<number, PhiSpan> }

const sepEnd = (text: string, at: number): boolean => {
  const b = text.charCodeAt(at - 1);
  return (b === 32 || b === 9) && ',d&yt \t'.includes(text.charAt(at - 2));
};

/** The list items around one name: words and names joined by list separators, in text order. */
function listAround(text: string, span: PhiSpan, names: Names): Item[] {
  const items: Item[] = [{ start: span.start, end: span.end, name: true }];
  for (let k = 0; k < 8; k++) {
    const first = items[0];
    if (!first) break;
    // Walked back by hand: a 40-character window regex tried at every start cost 2 µs a name. Every
    // separator ends in a space or tab after ",", "d", "&", "y" or "t": two characters rule most out.
    if (!sepEnd(text, first.start)) break;
    const sep = SEP_BEFORE.exec(text.slice(Math.max(0, first.start - 8), first.start));
    if (!sep) break;
    const wordEnd = first.start - sep[0].length;
    const known = names.byEnd.get(wordEnd);
    if (known) { items.unshift({ start: known.start, end: known.end, name: true }); continue; }
    let ws = wordEnd;
    while (ws > 0 && wordEnd - ws <= 25 && inWord(text.charCodeAt(ws - 1))) ws--;
    if (wordEnd - ws < 2 || wordEnd - ws > 25 || !FIRST_CAPITAL.test(text.charAt(ws))) break;
    items.unshift({ start: ws, end: wordEnd, name: false });
  }
  for (let k = 0; k < 8; k++) {
    const last = items[items.length - 1];
    if (!last) break;
    // Every separator starts with "," or a space before a, &, y, u, e.
    const c = text.charCodeAt(last.end);
    if (c !== 44 && !(c === 32 && 'a&yue'.includes(text.charAt(last.end + 1)))) break;
    SEP_RIGHT.lastIndex = last.end;
    if (!SEP_RIGHT.test(text)) break;
    const at = SEP_RIGHT.lastIndex;
    const known = names.byStart.get(at);
    if (known) { items.push({ start: known.start, end: known.end, name: true }); continue; }
    WORD.lastIndex = at;
    if (!WORD.test(text)) break;
    items.push({ start: at, end: WORD.lastIndex, name: false });
  }
  return items;
}

function possible(text: string, w: Item): boolean {
  const word = text.slice(w.start, w.end);
  const lw = word.toLowerCase();
  if (word === word.toUpperCase() || NOT_NAMES.has(lw)) return false;
  const after = text.slice(w.end, w.end + 30);
  return !NEXT_CAPITAL.test(after) && !EPONYM_FOLLOWERS.test(after);
}

export function findNamesCoordinated(text: string, found: readonly PhiSpan[], sink: Sink, lex: Lexicon = lexicon()): void {
  const names = found.filter((s) => s.type === 'NAME').sort((a, b) => a.start - b.start);
  if (names.length === 0) return;
  const index: Names = { byStart: new Map(names.map((s) => [s.start, s])), byEnd: new Map(names.map((s) => [s.end, s])) };
  const done = new Set<number>();
  for (const span of names) {
    // A name already inside a list handled from an earlier name starts no second parse.
    if (done.has(span.start)) continue;
    const items = listAround(text, span, index);
    if (items.length < 2) continue;
    const isName = items.map((it) => it.name);
    // A listed word next to a name needs a conjunction in the list: "Smith, Will you call?" is none.
    const joined = CONJUNCTION.test(text.slice(items[0]?.start ?? 0, items[items.length - 1]?.end ?? 0));
    // Two passes: a listed word next to a word just taken continues the list (A, B, C and D).
    for (let pass = 0; pass < 2; pass++) {
      items.forEach((it, i) => {
        if (isName[i] || !possible(text, it)) return;
        const left = isName.slice(0, i).some(Boolean);
        const right = isName.slice(i + 1).some(Boolean);
        const lw = text.slice(it.start, it.end).toLowerCase();
        // A place that is also a surname (Madrid, Molina) only between two names.
        const listed = (lex.firstWide.has(lw) || lex.lastWide.has(lw)) && !lex.places.has(lw);
        const next = (isName[i - 1] ?? false) || (isName[i + 1] ?? false);
        if ((left && right) || (listed && next && joined)) isName[i] = true;
      });
    }
    items.forEach((it, i) => {
      if (done.has(it.start)) return;
      done.add(it.start);
      if (!it.name && isName[i]) sink(it.start, it.end, 'NAME', 0.55, 'name.latin.list');
    });
  }
}
