import type { KeyedStream } from '../keyed.js';
import { nameLists } from './lists.js';

const HANGUL = /[\uAC00-\uD7A3]/;
const TITLES = new Set(['dr', 'dra', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'sir', 'dame', 'sr', 'sra', 'srta', 'don', 'doña', 'dña']);
// "Miller, Sarah": the surname first.
const COMMA_FORM = /^[^,]+,\s*\S/;
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'md', 'do', 'rn', 'np', 'pa', 'phd', 'dds', 'pharmd', 'mba']);

export type Pick = (label: string, value: string) => KeyedStream;

/**
 * A realistic surrogate of the same shape: same token count, separators, initials and case.
 * Each token is chosen from its own keyed hash, so "John Smith" and a later "Mr. Smith" share the
 * surrogate surname. `attempt` > 0 asks for another candidate after a vault collision. `surname`
 * marks a one-word name its text uses as a surname (see `surnameUses`).
 */
export function nameSurrogate(original: string, pick: Pick, attempt: number, surname = false): string | undefined {
  if (HANGUL.test(original)) return koreanName(original, pick, attempt);
  const parts = original.split(/([\s,]+|\.(?:\s*)|-)/);
  const words = parts.map((p, i) => (i % 2 === 0 && p !== '' ? p : undefined));
  const nameIdx = words.flatMap((w, i) => (w !== undefined && !TITLES.has(w.toLowerCase()) && !SUFFIXES.has(w.toLowerCase()) && w.length > 1 ? [i] : []));
  // Initials alone ("J", the middle-name component of an HL7 name) become tags: a one-letter
  // surrogate in the vault would restore every lone letter of the model's answer ("X-ray").
  if (nameIdx.length === 0) return undefined;
  // A title or an initial before a lone name word makes it a surname ("Dr. Miller", "J. Miller").
  const surnameCue = words.some((w, i) => w !== undefined && (TITLES.has(w.toLowerCase()) || (w.length === 1 && i < (nameIdx[0] ?? 0))));
  const commaForm = COMMA_FORM.test(original);
  const lists = nameLists();
  const { enGiven } = nameSets();
  const out = [...parts];
  const surnames = surnameWords(parts, words, nameIdx, commaForm);
  for (let i = 0; i < parts.length; i += 1) {
    const w = words[i];
    if (w === undefined) continue;
    const lower = w.toLowerCase();
    if (TITLES.has(lower) || SUFFIXES.has(lower)) continue;
    if (w.length === 1) {
      out[i] = styled(String.fromCharCode(65 + ((pick('initial', lower).next(26) + attempt) % 26)), w);
      continue;
    }
    const isSurname = nameIdx.length > 1 ? surnames.has(i) : surnameCue || surname || !enGiven.has(lower);
    // Spanish words get Spanish surrogates (accents, or only in the Spanish lists), decided per word
    // so that a surname keeps its surrogate beside any given name ("Sullivan" alone and in
    // "Karen Sullivan-Ruiz").
    const spanish = /[áéíóúñ]/i.test(w) || nameSets().spanishOnly.has(lower);
    const list = spanish ? (isSurname ? lists.esLast : lists.esFirst) : isSurname ? lists.enLast : lists.enFirst;
    // Retries vary given names first so a family keeps one surrogate surname.
    const bump = isSurname ? (nameIdx.length === 1 ? attempt : Math.floor(attempt / 8)) : attempt;
    out[i] = styled(choose(list, pick(isSurname ? 'surname' : 'given', lower), bump, lower), w);
  }
  return out.join('');
}

// Titles before a surname alone; not Don, Sir or Dame, which stand before given names too.
const TITLE_BEFORE = /\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Sr|Sra|Srta|Dra)\.? ?$/i;
const WORD = /[\p{L}'’]+/gu;

/**
 * The one-word names in `text` that it uses as surnames: right after a title ("Dr. Miller": the
 * detector's span leaves the title out), or the word that ends another name of the text ("Sarah
 * Miller ... Miller"; the first word when written "Miller, Sarah"). Without this a word that is
 * also a given name would get a given-name surrogate alone and a surname one inside the full name.
 */
export function surnameUses(text: string, names: readonly { readonly start: number; readonly end: number }[]): (start: number, original: string) => boolean {
  const last = new Set<string>();
  for (const n of names) {
    const value = text.slice(n.start, n.end);
    // Initials count as words ("J. Miller"), titles and suffixes do not.
    const words = (value.match(WORD) ?? []).filter((w) => !TITLES.has(w.toLowerCase()) && !SUFFIXES.has(w.toLowerCase()));
    if (words.length < 2) continue;
    const word = (COMMA_FORM.test(value) ? words[0] : words[words.length - 1]) ?? '';
    if (word.length > 1) last.add(word.toLowerCase());
  }
  return (start, original) => last.has(original.trim().toLowerCase()) || TITLE_BEFORE.test(text.slice(Math.max(0, start - 6), start));
}

/**
 * The surname words of a name of several words: the last (the first when written "Surname, Given"),
 * the words hyphenated to it ("Sullivan-Ruiz"), and a middle word that the lists know only as a
 * surname ("María José Fernández López" has two).
 */
function surnameWords(parts: readonly string[], words: readonly (string | undefined)[], nameIdx: readonly number[], commaForm: boolean): Set<number> {
  const head = commaForm ? nameIdx[0] : nameIdx[nameIdx.length - 1];
  const out = new Set<number>();
  if (head === undefined) return out;
  out.add(head);
  const step = commaForm ? 2 : -2;
  for (let j = head; parts[j + step / 2] === '-' && words[j + step] !== undefined; j += step) out.add(j + step);
  const { given, family } = nameSets();
  for (const i of nameIdx) {
    const w = (words[i] ?? '').toLowerCase();
    if (i !== nameIdx[0] && i !== nameIdx[nameIdx.length - 1] && family.has(w) && !given.has(w)) out.add(i);
  }
  return out;
}

function koreanName(original: string, pick: Pick, attempt: number): string | undefined {
  const compact = original.replace(/\s+/g, '');
  if (!/^[\uAC00-\uD7A3]{2,5}$/.test(compact)) return undefined;
  const { koSurnames, koGiven } = nameLists();
  const s = pick('ko-name', compact);
  const surname = choose(koSurnames, s, attempt, compact[0] ?? '');
  let given = '';
  while (given.length < compact.length - 1) given += choose(koGiven, s, attempt, '');
  given = given.slice(0, compact.length - 1);
  const result = surname + given;
  if (result === compact) return undefined;
  // Keep a space the original had after the surname ("김 민준").
  const spaced = /^\S(\s+)\S+$/.exec(original.trim());
  return spaced ? `${surname}${spaced[1] ?? ' '}${given}` : result;
}

/** An entry of `list` from the keyed stream (moved on by `bump` after a collision), never `avoid`. */
export function choose(list: readonly string[], stream: KeyedStream, bump: number, avoid: string): string {
  let idx = (stream.next(list.length) + bump) % list.length;
  if ((list[idx] ?? '').toLowerCase() === avoid) idx = (idx + 1) % list.length;
  return list[idx] ?? 'Alex';
}

/** `value` in the letter case of `like` (upper, lower, or as listed). */
export function styled(value: string, like: string): string {
  if (like.length > 1 && like === like.toUpperCase() && like !== like.toLowerCase()) return value.toUpperCase();
  if (like === like.toLowerCase() && like !== like.toUpperCase()) return value.toLowerCase();
  return value;
}

/** Lower-cased sets derived from the name lists, built once: English given names, all given names and surnames, words only the Spanish lists have. */
interface NameSets { readonly enGiven: Set<string>; readonly given: Set<string>; readonly family: Set<string>; readonly spanishOnly: Set<string> }
let setsCache: NameSets | undefined;
function nameSets(): NameSets {
  if (!setsCache) {
    const { enFirst, esFirst, enLast, esLast } = nameLists();
    const low = (xs: readonly string[]): string[] => xs.map((n) => n.toLowerCase());
    const english = new Set(low([...enFirst, ...enLast]));
    setsCache = {
      enGiven: new Set(low(enFirst)),
      given: new Set(low([...enFirst, ...esFirst])),
      family: new Set(low([...enLast, ...esLast])),
      spanishOnly: new Set(low([...esFirst, ...esLast]).filter((n) => !english.has(n))),
    };
  }
  return setsCache;
}
