/**
 * Extra evidence for Latin-script names that the list-and-cue scorer in names.ts lacks: the shape
 * of a surname (Central/Eastern European letters and suffixes), context nouns that only take a
 * person ("the Sokolov novel", "ex-Beatle Lennon"), quoted speaker labels, and coordination with
 * a name already found ("Morrison, Rogers and Torres").
 */
import type { Lexicon } from './lexicon.js';
import { AMBIGUOUS } from './stopwords.js';
import type { Sink } from './types.js';

/**
 * Upper-case letters of Latin Extended-A used by Czech, Polish, Croatian, Hungarian, Turkish,
 * Latvian ... (Š, Č, Ł, Ő, Ż): spelled out because the block interleaves upper and lower case.
 */
export const UP_EXTENDED = '\u0100\u0104\u0106\u010c\u010e\u0110\u0112\u0118\u011a\u011e\u0122\u012a\u0130\u0136\u013b\u013d\u0141\u0143\u0145\u0147\u014c\u0150\u0152\u0154\u0158\u015a\u015e\u0160\u0162\u0164\u016a\u016e\u0170\u0172\u0179\u017b\u017d';

// Letters that English and Spanish words never contain (ł, ř, ő, ð, þ ...): in a capitalised run of
// two or more words they mark a personal or place name, and both are identifiers.
const FOREIGN_LETTER = /[\u0100-\u017f\u00d0\u00de\u00f0\u00fe\u00f8\u00d8]/;
// Surname endings that ordinary words and drugs do not have (Kovačević, Kowalski, Shevchenko,
// Papadopoulos, Ionescu, Nováková, Guðmundsdóttir, Eriksson, Shervashidze).
const SURNAME_END = /(?:vić|vic|ić|ski|ska|sky|skaya|wicz|enko|chuk|shvili|dze|poulos|escu|ová|ova|sdóttir|dottir|sson|ssen)$/;

export interface NameToken { start: number; end: number; lower: string; initial: boolean }

/** A run of two or more words whose spelling marks it as a foreign personal name. */
export function foreignShaped(run: readonly NameToken[], text: string, lex: Lexicon): boolean {
  const words = run.filter((t) => !t.initial);
  if (words.length < 2) return false;
  for (const t of words) if (lex.places.has(t.lower)) return false;
  const lastWord = words[words.length - 1];
  if (lastWord && lastWord.lower.length >= 5 && SURNAME_END.test(lastWord.lower)) return true;
  for (const t of words) if (FOREIGN_LETTER.test(text.slice(t.start, t.end))) return true;
  return false;
}

/** Nouns that take a person as modifier after an article: "the Jensen novel", "a Hedvig Arvidsson concert". */
export const CREATOR_AFTER = /^ (?:novel|novels|book|books|biography|memoir|poem|poems|album|song|songs|single|record|concert|tour|version|film|films|movie|movies|interview|estate|household)\b/;
export const ARTICLE_BEFORE = /(?:^|[^A-Za-z])(?:the|The|a|A|an|An) $/;
/** Band or team membership written as a prefix: "ex-Beatle Lennon", "ex-Zombie Kastner". */
export const EX_MEMBER = /\bex-[A-Z][a-z]{2,15} /g;
/** Only a person is reliable or impulsive: "Irenka is very reliable", "Why is Natasja so impulsive". */
export const PERSON_ADJ_AFTER = /^ (?:(?:is|was|seems|seemed) (?:very |so |always |really |quite )?|so )(?:reliable|unreliable|impulsive|friendly|rude|kind|generous|stubborn|honest|dishonest|jealous|lazy|shy|polite|talented|clever|funny|brave|selfish|charming|arrogant)\b/;
/** "Gijsbrecht: "Who are you?"": a line-initial word followed by a colon and a quotation. */
export const SPEAKER_QUOTE = /^: ?["“]/;

const LIST_GOES_ON = /^,? (?:and|or|&) [A-Z]/;
const LIST_SEP = /^(?:, | and | & |, and | or | y | e )$/;

export interface ScoredRun { readonly toks: readonly NameToken[]; named: boolean }

/**
 * Names coordinated with a found name, or with each other when two of them are listed: "founders:
 * Monjeau, Graves and Reed", "Park and Mann were". Places and ordinary words that are also given
 * names (Will, Mark) do not join without a found name in the list.
 */
export function joinCoordinated(text: string, runs: readonly ScoredRun[], lex: Lexicon, sink: Sink): void {
  let i = 0;
  while (i < runs.length) {
    let j = i;
    while (j + 1 < runs.length && chainable(text, runs[j], runs[j + 1])) j++;
    if (j > i) {
      const a = runs[i]?.toks;
      const b = runs[i + 1]?.toks[0];
      const sep = a && b ? text.slice(a[a.length - 1]?.end ?? 0, b.start) : '';
      // "Šušulić, Bowman and White": the list goes on past a word the tokenizer dropped (White).
      const lastEnd = runs[j]?.toks.at(-1)?.end ?? 0;
      tagChain(runs.slice(i, j + 1), sep !== ', ' || LIST_GOES_ON.test(text.slice(lastEnd, lastEnd + 6)), lex, sink);
    }
    i = j + 1;
  }
}

function chainable(text: string, a: ScoredRun | undefined, b: ScoredRun | undefined): boolean {
  const aEnd = a?.toks[a.toks.length - 1]?.end;
  const bStart = b?.toks[0]?.start;
  if (aEnd === undefined || bStart === undefined || bStart - aEnd > 6) return false;
  return (a?.toks.length ?? 9) <= 3 && (b?.toks.length ?? 9) <= 3 && LIST_SEP.test(text.slice(aEnd, bStart));
}

function tagChain(chain: readonly ScoredRun[], andJoined: boolean, lex: Lexicon, sink: Sink): void {
  const listed = (r: ScoredRun): boolean => r.toks.every((t) => t.initial || ((lex.firstWide.has(t.lower) || lex.lastWide.has(t.lower)) && !AMBIGUOUS.has(t.lower)));
  const isPlace = (r: ScoredRun): boolean => r.toks.some((t) => lex.places.has(t.lower));
  // Two members need "and"/"or" between them ("Park and Mann"); a comma alone joins three or more,
  // since "Name, Department" and "Diagnosis, Name" are the usual two-item comma pairs.
  if (chain.length < 3 && !andJoined) return;
  const hasNamed = chain.some((r) => r.named);
  const anchored = hasNamed || chain.filter((r) => listed(r) && !isPlace(r)).length >= 2;
  if (!anchored) return;
  for (const r of chain) {
    // Department or place phrases ("Sección de Nefrología") are not list members: one word, or two listed ones.
    if (r.toks.length > 2 || (r.toks.length === 2 && !listed(r))) continue;
    const first = r.toks[0];
    const last = r.toks[r.toks.length - 1];
    // A place that is also a listed name (Jackson, Rogers) joins a list that already holds a person.
    if (r.named || !first || !last || (isPlace(r) && !(hasNamed && listed(r))) || r.toks.every((t) => t.initial)) continue;
    r.named = true;
    sink(first.start, last.end, 'NAME', 0.6, 'name.list_join');
  }
}
