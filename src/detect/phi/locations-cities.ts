/**
 * Towns named alone ("seen in Duluth", "San Francisco"), and the checks that keep a place's name
 * inside a term from counting as a place: a programme ("World Health"), a classification, score
 * or protocol named after a place ("Stanford type A", "Mayo protocol").
 */
import { isOrdinary, lexicon } from './lexicon.js';
import { isCountryOrState } from './locations-residence.js';
import { followerAhead, NEVER_NAME } from './stopwords.js';
import type { Sink } from './types.js';
import { firstMatch, nextMatch } from './exec.js';

const CITY_CUE = /\b(?:in|at|from|near|to|our|the|residing in|resides in|lives in|living in|of|en|de|vive en|residente en|natural de)[ ]$/i;
const PLACE_TOKEN = /[A-Z\u00c0-\u00de](?<![A-Za-z\u00c0-\u017f][A-Z\u00c0-\u00de])[a-z\u00df-\u017f]{2,20}(?:(?: | de | del | de la )[A-Z\u00c0-\u00de][a-z\u00df-\u017f]{2,20}){0,3}(?![A-Za-z\u00c0-\u017f])/g;

/**
 * Ordinary words before Health name a programme or a field (World Health, Child Health, National
 * Health), not a place, unless a visit puts someone there (an appointment at Central Health); a
 * facility's own name has a word of its own (Kaiser Health).
 */
export function programme(text: string, at: number, name: string): boolean {
  if (!name.endsWith(' Health') || /\b(?:at|to|in) $/.test(text.slice(Math.max(0, at - 4), at))) return false;
  const lex = lexicon();
  return name.split(' ').slice(0, -1).every((w) => isOrdinary(w.toLowerCase(), lex) || isCountryOrState(w));
}

/** Whether the words after `end` make the place's name part of a term: a follower, maybe after one or two capitalised words. */
export function namesATerm(text: string, end: number): boolean {
  return followerAhead(text.slice(end, end + 50), /^(?: [A-Z][a-z]{2,20}){1,2}(?= )/);
}

let firstWords: ReadonlySet<string> | undefined;

export function findCities(text: string, sink: Sink): void {
  const { places, placesEs } = lexicon();
  firstWords ??= new Set([...places].map((p) => p.split(' ')[0] ?? p));
  for (let m = firstMatch(PLACE_TOKEN, text); m; m = nextMatch(PLACE_TOKEN, text, m)) {
    const sp = m[0].indexOf(' ');
    if (!firstWords.has((sp < 0 ? m[0] : m[0].slice(0, sp)).toLowerCase())) continue;
    // Longest known prefix of the capitalised run ("San Francisco", "New York").
    const parts = m[0].split(' ');
    for (let n = parts.length; n >= 1; n--) {
      const cand = parts.slice(0, n).join(' ');
      const key = cand.toLowerCase();
      if (!places.has(key) || NEVER_NAME.has(key)) continue;
      // A US state or a country alone is no Safe Harbor location ("raised in Iowa", "data from
      // Michigan"); one that opens a longer name may name a place in it (Washington HealthCenter).
      if (isCountryOrState(key) && !/^ ?[A-Z]/.test(text.slice(m.index + cand.length, m.index + cand.length + 2))) break;
      if (placesEs.has(key)) {
        sink(m.index, m.index + cand.length, 'LOCATION', 0.7, 'loc.city.es');
        break;
      }
      const before = text.slice(Math.max(0, m.index - 14), m.index);
      if (namesATerm(text, m.index + cand.length)) break;
      if (n >= 2 || CITY_CUE.test(before)) sink(m.index, m.index + cand.length, 'LOCATION', n >= 2 ? 0.75 : 0.7, 'loc.city');
      break;
    }
  }
}
