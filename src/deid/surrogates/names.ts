import type { KeyedStream } from '../keyed.js';
import { nameLists } from './lists.js';

const HANGUL = /[\uAC00-\uD7A3]/;
const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'sir', 'dame', 'sr', 'sra', 'srta', 'don', 'doña']);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'md', 'do', 'rn', 'np', 'pa', 'phd', 'dds', 'pharmd', 'mba']);

export type Pick = (label: string, value: string) => KeyedStream;

/**
 * A realistic surrogate of the same shape: same token count, separators, initials and case.
 * Each token is chosen from its own keyed hash, so "John Smith" and a later "Mr. Smith" share the
 * surrogate surname. `attempt` > 0 asks for another candidate after a vault collision.
 */
export function nameSurrogate(original: string, pick: Pick, attempt: number): string | undefined {
  if (HANGUL.test(original)) return koreanName(original, pick, attempt);
  const parts = original.split(/([\s,]+|\.(?:\s*)|-)/);
  const words = parts.map((p, i) => (i % 2 === 0 && p !== '' ? p : undefined));
  const nameIdx = words.flatMap((w, i) => (w !== undefined && !TITLES.has(w.toLowerCase()) && !SUFFIXES.has(w.toLowerCase()) && w.length > 1 ? [i] : []));
  if (nameIdx.length === 0) return undefined;
  const hasTitle = words.some((w) => w !== undefined && TITLES.has(w.toLowerCase()));
  const commaForm = /^[^,]+,\s*\S/.test(original);
  const lists = nameLists();
  const firstSet = firstNames();
  // Spanish names get Spanish surrogates: accents, or a word found only in the Spanish lists.
  const spanish = /[áéíóúñÁÉÍÓÚÑ]/.test(original) || nameIdx.some((i) => spanishNames().has((words[i] ?? '').toLowerCase()));
  const out = [...parts];
  const lastIdx = nameIdx[nameIdx.length - 1];
  const firstIdx = nameIdx[0];
  for (let i = 0; i < parts.length; i += 1) {
    const w = words[i];
    if (w === undefined) continue;
    const lower = w.toLowerCase();
    if (TITLES.has(lower) || SUFFIXES.has(lower)) continue;
    if (w.length === 1) {
      out[i] = styled(String.fromCharCode(65 + pick('initial', lower).next(26)), w);
      continue;
    }
    const surname = commaForm ? i === firstIdx : nameIdx.length > 1 ? i === lastIdx : hasTitle || !firstSet.has(lower);
    const list = spanish ? (surname ? lists.esLast : lists.esFirst) : surname ? lists.enLast : lists.enFirst;
    // Retries vary given names first so a family keeps one surrogate surname.
    const bump = surname ? (nameIdx.length === 1 ? attempt : Math.floor(attempt / 8)) : attempt;
    out[i] = styled(choose(list, pick(surname ? 'surname' : 'given', lower), bump, lower), w);
  }
  return out.join('');
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

let spanishCache: Set<string> | undefined;
function spanishNames(): Set<string> {
  if (!spanishCache) {
    const { esFirst, esLast, enFirst, enLast } = nameLists();
    const english = new Set([...enFirst, ...enLast].map((n) => n.toLowerCase()));
    spanishCache = new Set([...esFirst, ...esLast].map((n) => n.toLowerCase()).filter((n) => !english.has(n)));
  }
  return spanishCache;
}

let firstSetCache: Set<string> | undefined;
function firstNames(): Set<string> {
  firstSetCache ??= new Set(nameLists().enFirst.map((n) => n.toLowerCase()));
  return firstSetCache;
}
