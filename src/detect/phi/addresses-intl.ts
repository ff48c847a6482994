/**
 * International address forms the US/Spanish rules in locations.ts do not know, written from the
 * street-naming conventions of the languages rather than from examples: street types that come
 * before the name (rue du centre 320, Piazzetta Scalette 104, Pod Floriánem 1677) or after it
 * (Villacher Strasse 89, Hammarvägen 15, hegyalja út 98), a building number before a street that
 * ends in its own number (641 Dašická 688), US military addresses (PSC 5420, Box 2708, APO AA
 * 33879), a postcode after a town ("in København K 1421"), any short street with a house number
 * after an address cue ("ship it to:", "is located at"), English number-first streets by suffix
 * (742 Natalie Cape), German preposition streets (An der Luisenburg 91c), an address block by its
 * layout, and a labelled phone line inside one ("28-64-66-98 office"). After each street its unit,
 * town and postcode are read by ./addresses-tail.ts. Lower-case streets count only in lines typed
 * wholly in lower case. Patterns: ./addresses-intl-forms.ts, type words: ./street-types.ts.
 */
import { NEVER_NAME } from './stopwords.js';
import { BEFORE_ST, BLOCK_POSTCODE, BLOCK_POSTCODE_FIRST, BLOCK_STREET, CAPITALISED_BEFORE_ST, CORNER, DIGITS, LABELLED_PHONE, GERMAN_PREP, GERMAN_PREP_ANCHOR, MILITARY, NAME_BEFORE_GLUED, NUMBER_EN, NAME_BEFORE_NUMBER, NAME_BEFORE_SPACED, NAME_LINE, NOT_TOWN, NUMBERED, NUMBERED_BEFORE, NUMBER_BEFORE, NUMBER_FIRST, PREFIXED, PREFIXED_ANCHOR, SLOT, TOWN_POSTCODE, TYPE_AFTER, TYPE_AFTER_ANCHOR, casedOk, lineOf, trimLead } from './addresses-intl-forms.js';
import { blockLines, streetTail, unitAfter, unitOrTownBelow } from './addresses-tail.js';
import { firstMatch, nextMatch } from './exec.js';
import type { Sink } from './types.js';

/** Words no street name is made of: "2 laps around the park" in a lower-case line. */
const FUNCTION_WORDS = new Set('the a an around to in at on of for and or my his her our their your this that with by from into through across along down up over per every each'.split(' '));

const EN_TOWN = /^, ((?:[A-Z][a-z'’-]{1,25} ){0,2}[A-Z][a-z'’-]{1,25})(?![\w'’-])/;

/** `text` is the clean form; spans go to `sink` at rule scores of the other location rules (0.6-0.8). */
export function findAddressesIntl(text: string, sink: Sink): void {
  if (!/\d/.test(text)) return;
  const streets: number[] = [];
  const street = (start: number, end: number, rule: string): void => {
    // A building or unit number written before the street ("688 rue du centre 320") joins it.
    const lead = NUMBER_BEFORE.exec(text.slice(Math.max(0, start - 8), start));
    sink(start - (lead?.[0].length ?? 0), end, 'LOCATION', 0.7, rule);
    streets.push(end);
  };
  const typed = (from: number, end: number): void => {
    let start = trimLead(text, from, end);
    // A lower-case type word in the lead ("my new place is Bahçe Sokak 72c") is no street: try
    // from the next word (at most the pattern's five lead words).
    for (let k = 0; k < 5 && start >= 0 && !casedOk(text, start, end) && /[a-z\u00df-\u00ff]/.test(text[start] ?? ''); k++) {
      const sp = text.indexOf(' ', start);
      start = sp < 0 || sp >= end ? -1 : trimLead(text, sp + 1, end);
    }
    if (casedOk(text, start, end)) street(start, end, 'loc.intl_street');
  };
  for (const m of around(text, PREFIXED_ANCHOR, PREFIXED, 200)) typed(m.index, m.index + m[0].length);
  for (let m = firstMatch(NUMBER_FIRST, text); m; m = nextMatch(NUMBER_FIRST, text, m)) typed(m.index, m.index + m[0].length);
  for (const m of around(text, GERMAN_PREP_ANCHOR, GERMAN_PREP, 60)) {
    // The noun capitalised as German writes it, unless the whole line is lower case.
    const noun = m[0].split(' ').at(-2) ?? '';
    if (casedOk(text, m.index, m.index + m[0].length, true) && (/^[A-ZÄÖÜ]/.test(noun) || !/[A-Z]/.test(lineOf(text, m.index)))) street(m.index, m.index + m[0].length, 'loc.intl_de_prep');
  }
  for (let m = firstMatch(NUMBER_EN, text); m; m = nextMatch(NUMBER_EN, text, m)) {
    const words = m[0].split(' ');
    if (words.slice(1, -1).some((w) => FUNCTION_WORDS.has(w.toLowerCase()))) continue;
    if (!casedOk(text, m.index, m.index + m[0].length)) continue;
    street(m.index, m.index + m[0].length, 'loc.intl_en_street');
    // An English address line is one unit, "123 Elm St, Springfield": its town joins it (at the US
    // street rule's score, so the longer span wins the overlap).
    const town = EN_TOWN.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 60));
    if (town?.[1] && !NOT_TOWN.test(town[1].split(' ')[0] ?? '')) sink(m.index, m.index + m[0].length + town[0].length, 'LOCATION', 0.85, 'loc.intl_en_address');
  }
  for (const m of around(text, TYPE_AFTER_ANCHOR, TYPE_AFTER, 40)) {
    const glued = text.charCodeAt(m.index - 1) !== 32;
    if (m.index === 0 || (glued && !/[\p{L}]/u.test(text[m.index - 1] ?? ''))) continue;
    const window = text.slice(Math.max(0, m.index - 80), m.index);
    const name = (glued ? NAME_BEFORE_GLUED : NAME_BEFORE_SPACED).exec(window);
    if (name) typed(m.index - name[0].length, m.index + m[0].length);
  }
  for (let m = firstMatch(NUMBERED, text); m; m = nextMatch(NUMBERED, text, m)) {
    if (!NUMBERED_BEFORE.test(text.slice(Math.max(0, m.index - 10), m.index)) || !casedOk(text, m.index, m.index + m[0].length)) continue;
    street(m.index, m.index + m[0].length, 'loc.intl_numbered');
  }
  if (text.includes('t.')) {
    for (let m = firstMatch(BEFORE_ST, text); m; m = nextMatch(BEFORE_ST, text, m)) {
      const end = m.index + m[0].length;
      const window = text.slice(Math.max(0, m.index - 100), m.index);
      if (m[0] === ' St.') {
        // "the corner of Asselsestraat 7 St. and Martinez Mall St.": capitalised words after and/of/on/at.
        const cap = CAPITALISED_BEFORE_ST.exec(window);
        if (cap?.[1]) street(m.index - cap[1].length, end, 'loc.intl_before_st');
        continue;
      }
      const name = NAME_BEFORE_NUMBER.exec(window);
      if (!name) continue;
      const start = trimLead(text, m.index - name[0].length, end);
      if (casedOk(text, start, end)) street(start, end, 'loc.intl_before_st');
    }
  }
  if (text.includes('orner of')) for (let m = firstMatch(CORNER, text); m; m = nextMatch(CORNER, text, m)) street(m.index, m.index + m[0].length, 'loc.intl_corner');
  for (let m = firstMatch(SLOT, text); m; m = nextMatch(SLOT, text, m)) {
    const v = (m[1] ?? '').replace(/[ ,]+$/, '');
    const start = m.index + m[0].length - (m[1] ?? '').length;
    // "moved to Springfield in 2019": the number is a year, not a house number.
    if (/ (?:in|since|until|by|from|during) (?:19|20)\d\d\.?$/.test(v)) continue;
    const firstWord = /[^\d ,][^ ,]*/.exec(v)?.[0].toLowerCase() ?? '';
    // "is on Lisinopril 20" is no street; "ship it to: 99 west lane" is (a direction after a house number).
    const direction = /^\d/.test(v) && /^(?:north|south|east|west|old|new|upper|lower|great|little)$/.test(firstWord);
    if ((NEVER_NAME.has(firstWord) && !direction) || !casedOk(text, start, start + v.length, true)) continue;
    street(start, start + v.length, 'loc.intl_slot');
  }
  if (text.includes('\n')) {
    for (let m = firstMatch(BLOCK_STREET, text); m; m = nextMatch(BLOCK_STREET, text, m)) {
      const lead = m[1] ?? '';
      if (!NAME_LINE.test(lead)) continue;
      const start = m.index + m[0].length - (m[2] ?? '').length;
      const end = m.index + m[0].length;
      if (!casedOk(text, start, end, true) || !postcodeBelow(text, end)) continue;
      // A number and words with no type and no number after them (129 Suzanne de Caumartin) need
      // a unit or town line right under them: a count and a drug over a lab line does not have one.
      if (!/\d[a-zA-Z]?[ \t]*$/.test(m[2] ?? '') && !unitOrTownBelow(text, end)) continue;
      street(start, end, 'loc.intl_block_street');
    }
  }
  for (let m = firstMatch(MILITARY, text); m; m = nextMatch(MILITARY, text, m)) street(m.index, m.index + m[0].length, 'loc.intl_military');
  for (let m = firstMatch(TOWN_POSTCODE, text); m; m = nextMatch(TOWN_POSTCODE, text, m)) {
    const town = m[1] ?? '';
    const last = town.slice(town.lastIndexOf(' ') + 1);
    if (NOT_TOWN.test(last) || NOT_TOWN.test(town.split(' ')[0] ?? '')) continue;
    if (/^(?:19|20)\d\d$/.test(m[2] ?? '')) continue;
    const start = m.index + 3;
    if (!/^[A-Z\u00c0-\u00de\u0100-\u017f]/.test(town) && /[A-Z]/.test(lineOf(text, start))) continue;
    sink(start, m.index + m[0].length, 'LOCATION', 0.65, 'loc.intl_town_postcode');
  }
  for (const end of streets) {
    let e = end;
    for (let k = 0, u = unitAfter(text, e, sink); k < 2 && u >= 0; k++, u = unitAfter(text, e, sink)) e = u;
    streetTail(text, e, sink);
    blockLines(text, e, sink);
  }
  for (let m = firstMatch(LABELLED_PHONE, text); m; m = nextMatch(LABELLED_PHONE, text, m)) {
    const v = m[1] ?? '';
    if ((v.match(DIGITS)?.length ?? 0) < 7) continue;
    const start = m.index + m[0].indexOf(v);
    sink(start, start + v.length, 'PHONE', 0.75, 'phone.labelled_line');
  }
}

/** Matches of `full` that cover a hit of `anchor`, searched in a window reaching `back` characters before it. */
function* around(text: string, anchor: RegExp, full: RegExp, back: number): Generator<{ index: number; 0: string }> {
  let done = 0;
  for (let a = firstMatch(anchor, text); a; a = nextMatch(anchor, text, a)) {
    if (a.index < done) continue;
    const from = Math.max(0, a.index - back);
    // Enough after the number for its unit check ("12 semanas" is no house number).
    const window = text.slice(from, Math.min(text.length, a.index + 40));
    // `full` is used by this loop alone: its lastIndex is reset per window, no clone needed.
    for (let m = firstMatch(full, window); m; m = nextMatch(full, window, m)) {
      const end = from + m.index + m[0].length;
      if (end <= a.index || from + m.index < done) continue;
      done = end;
      yield { index: from + m.index, 0: m[0] };
    }
  }
}

function postcodeBelow(text: string, from: number): boolean {
  let pos = text.indexOf('\n', from);
  for (let k = 0; k < 4 && pos >= 0; k++) {
    const next = text.indexOf('\n', pos + 1);
    const line = text.slice(pos + 1, next < 0 ? text.length : next);
    if (BLOCK_POSTCODE.test(line) || BLOCK_POSTCODE_FIRST.test(line)) return true;
    pos = next;
  }
  return false;
}
