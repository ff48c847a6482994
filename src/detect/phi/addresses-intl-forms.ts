/**
 * The patterns and casing checks of the international address rules (./addresses-intl.ts): street
 * types by language, house numbers that are not doses, address cues, postcode forms and the
 * address-block layout. Kept apart so the finder reads in one sitting.
 */

import { EN_SUFFIXES, GLUED, PREFIX_TYPES, SUFFIX_WORDS } from './street-types.js';

export const L = 'A-Za-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u1e00-\\u1eff';
export const UP = 'A-Z\\u00c0-\\u00d6\\u00d8-\\u00de\\u0100-\\u017f';
const WORD = `[${L}][${L}'’-]{0,25}`;
/** A house number, not a dose, a count or a measurement (via oral 750 mg, largo de 10 horas). */
export const MEASURE = '(?:mg|mcg|µg|ml|mL|g|kg|mm|cm|Gy|units?|IU|UI|x|times|tabs?|caps?|mmHg|bpm|días?|days?|weeks?|semanas?|months?|meses|years?|años|hours?|horas|min|micras|sesiones|fracciones|veces)';
const NUM = `\\d{1,5}(?!s\\b)[a-zA-Z]?\\b\\.?(?![.,]?\\d|[%-]| ?${MEASURE}\\b)`;


/** Either case of the first letter: the `i` flag made these alternations several times slower. */
const eitherCase = (alts: string): string => alts.split('|').map((t) => (/^[a-z]/.test(t) ? `[${t[0] ?? ''}${(t[0] ?? '').toUpperCase()}]${t.slice(1)}` : t)).join('|');
/** Words between a street and its number: nº 5, nr. 12, no 98, Bloc 86 (Romanian blocks); s/n is Spanish for no number. */
const NUM_LEAD = '(?:[Nn][or]\\.? |[Nn][º°] ?|[Bb]loc )?';
const PREFIX_ALT = eitherCase(PREFIX_TYPES);
const SUFFIX_ALT = `${eitherCase(SUFFIX_WORDS)}|${GLUED}`;
export const PREFIXED = new RegExp(`(?<![${L}\\d])(?:${PREFIX_ALT}) (?:${WORD} ){0,4}${WORD},? (?:${NUM_LEAD}${NUM}|s/n\\.?)`, 'gu');
// Cheap anchors for the two type-word patterns: the house number's first digit, with the type
// behind it. Only where one hits is the full pattern run, on a window around it (1 MB of clinical
// text: ~2.5 ms against ~4-8 ms per pattern run over the whole text).
export const PREFIXED_ANCHOR = new RegExp(`(?: \\d| s/n)(?<=(?<![${L}\\d])(?:${PREFIX_ALT}) (?:${WORD} ){0,4}${WORD},? ${NUM_LEAD}(?:\\d|s/n))`, 'gu');
// Suffixed and glued types are found from the type word and the number, then the name is read
// backwards: a pattern starting with the name's words was tried at every letter of the text.
export const TYPE_AFTER = new RegExp(`(?:${SUFFIX_ALT}),? ${NUM}`, 'gu');
export const TYPE_AFTER_ANCHOR = new RegExp(` \\d(?<=(?:${SUFFIX_ALT}),? \\d)`, 'gu');
export const NAME_BEFORE_SPACED = new RegExp(`(?<![${L}\\d])(?:${WORD} ){0,2}${WORD} $`, 'u');
export const NAME_BEFORE_GLUED = new RegExp(`(?<![${L}\\d])(?:${WORD} ){0,2}[${L}]{1,25}$`, 'u');
/** A building number, the street, and the street's own number: 641 Dašická 688, 4241 Steinfelden 73. */
export const NUMBERED = new RegExp(`(?<![\\d.,:/-])\\d{1,6} (?:\\d{1,4} )?(?!${MEASURE}\\b)[${UP}][${L}'’-]{1,25}(?: [${L}][${L}'’-]{0,25}){0,3} ${NUM}`, 'gu');
/** A street name with its number, then "St." (Hoge Wei 32 St., hegyalja út 98. st.), or a capitalised street before St. after "and"/"of". */
export const BEFORE_ST = /(?<![\d.,])\d{1,5}[a-zA-Z]?\.? [Ss]t\.| St\./g;
export const NAME_BEFORE_NUMBER = new RegExp(`(?<![${L}\\d])(?:${WORD} ){0,3}${WORD} $`, 'u');
export const CAPITALISED_BEFORE_ST = new RegExp(`\\b(?:and|of|on|at) ((?:[${UP}][${L}'’-]{1,25} ){0,2}[${UP}][${L}'’-]{1,25})$`, 'u');
const FIRST_TYPES_LIST = 'rue avenue boulevard bd allée chemin impasse quai place passage square parvis drève chaussée sentier ruelle esplanade promenade faubourg résidence via viale vicolo piazza piazzale piazzetta corso largo strada contrada rua avenida alameda estrada rodovia travessa praça calle paseo camino carretera ronda'.split(' ');
const FIRST_TYPES = eitherCase(FIRST_TYPES_LIST.join('|'));
/** The number first, then the type and the name (29 Rue de Tanger, 12 avenue des Lilas, 8 Via Roma). */
export const NUMBER_FIRST = new RegExp(`(?<![\\d.,])\\d{1,5}[a-z]?,? (?:${FIRST_TYPES}) (?:(?:de|du|des|della|delle|di|da|do|dos|das|la|le|les|l'|d') ?){0,2}[${UP}][${L}'’-]{1,25}(?: [${L}][${L}'’-]{0,25}){0,3}`, 'gu');
/**
 * A house number, one to three name words and an English suffix (742 Natalie Cape, 99 west lane):
 * not after measures ("6 Minute Walk") and, in lower-case lines, no function words in the name
 * (the finder checks: "2 laps around the park").
 */
export const NUMBER_EN = new RegExp(`(?<![\\d.,:/-])\\d{1,6}[a-zA-Z]? (?![Mm]inutes?\\b|[Hh]ours?\\b|[Dd]ays?\\b|[Ww]eeks?\\b|[Mm]onths?\\b|[Yy]ears?\\b|[Pp]oints?\\b|[Ss]teps?\\b|[Tt]imes\\b|[Ll]aps?\\b|[Bb]locks?\\b|[Mm]iles?\\b)(?:[${L}][${L}'’-]{0,25} ){1,3}(?:${eitherCase(EN_SUFFIXES)})\\b\\.?`, 'gu');
const DE_PREP = '(?:[Aa]n der|[Aa]n den|[Aa]m|[Aa]uf dem|[Aa]uf der|[Aa]uf den|[Ii]m|[Ii]n der|[Ii]n den|[Zz]um|[Zz]ur|[Uu]nter den|[Hh]inter dem|[Hh]inter der|[Vv]or dem)';
/** One or two words after the preposition, then the space before the house number. */
const DE_NOUN = `(?:[${L}][${L}'’-]{1,25} )?[${L}][${L}'’-]{1,25} `;
/**
 * German streets named by a preposition and a noun (An der Luisenburg 91c, Auf dem Forst 2, Am
 * Markt 5): one or two capitalised words and a house number of at most three digits; not a time,
 * a measure or a section ("Am Tag 3", "Im Jahr 2019", "Im Verlauf 2").
 */
export const GERMAN_PREP = new RegExp(`(?<![${L}\\d])${DE_PREP} (?![Tt]ag|[Jj]ahr|[Mm]onat|[Ww]oche|[Aa]lter|[Ee]nde|[Aa]nfang|[Mm]ittel|[Ss]chnitt|[Rr]ahmen|[Vv]ergleich|[Bb]ereich|[Vv]erlauf|[Ss]tadium|[Gg]rad|[Zz]yklus|[Pp]unkt|[Kk]apitel|[Aa]bschnitt|[Ss]eite|[Ff]all|[Rr]ang|[Mm]inute|[Ss]tunde|[Ll]abor|[Ss]aal|[Zz]immer|[Bb]ett|[Rr]aum)${DE_NOUN}\\d{1,3}[a-z]?\\b(?![.,]?\\d| ?${MEASURE}\\b)`, 'gu');
// Anchored at the house number's first digit, as PREFIXED is: the prepositions start with common letters.
export const GERMAN_PREP_ANCHOR = new RegExp(` \\d(?<=(?<![${L}\\d])${DE_PREP} ${DE_NOUN}\\d)`, 'gu');
/** "the corner of 35 Pentelis Str. and Waechter Turnpike": two capitalised streets, numbers and abbreviations allowed. */
const SIDE = `(?:\\d{1,5}[a-z]? )?[${UP}][${L}'’.-]{1,25}(?: [${UP}\\d][${L}\\d'’.-]{0,25}){0,4}`;
export const CORNER = new RegExp(`\\b[Tt]he corner of ${SIDE} and ${SIDE}`, 'gu');
export const MILITARY = /\b(?:psc|unit|cmr) \d{3,5},? box \d{3,5}[ \t]*\n?[ \t]*(?:apo|fpo|dpo) a[aep] \d{5}\b|\b(?:uss|usns|usnv|uscgc) [a-z]{3,20}[ \t]*\n?[ \t]*(?:apo|fpo|dpo) a[aep] \d{5}\b/gi;
/** A town and its postcode after "in": the town may be lower case only where the whole line is. */
export const TOWN_POSTCODE = new RegExp(`\\bin ((?:[${L}][${L}'’.-]{0,25} ){0,3}[${L}][${L}'’-]{0,25}) (\\d{5}-\\d{3}|\\d{4}-\\d{3}|\\d{2}-\\d{3}|[A-Za-z]{2}-?\\d{4}|[A-Za-z]\\d[A-Za-z] ?\\d[A-Za-z]\\d|[A-Za-z]{1,2}\\d[A-Za-z\\d]? ?\\d[A-Za-z]{2}|\\d{4,6}|\\d{3} \\d{2})\\b(?![.,:/-]?\\d)`, 'gu');
export const NOT_TOWN = /^(?:table|figure|fig|page|pages|chapter|section|item|dose|doses|room|bed|ward|suite|unit|lot|building|floor|box|case|study|trial|version|cohort|group|year|stage|grade|type|class|phase|level|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|spring|summer|autumn|fall|winter|total|all|about|around|approximately|only|over|under|the|a|an|and|of|at|to|for|from|since|by|with|our|my|your|his|her|their|its|this|that|these|those|patients|cases|people|children|adults|women|men)$/i;
/** A phone written alone with its label, as in a contact block ("416 60 039 office", "(37) 788-063-Office"). */
export const LABELLED_PHONE = /(?:^|\n)[ \t>?]{0,6}(\+?\(?\d[\d ().-]{5,18}\d)[ \t]*-?[ \t]*(?:office|mobile|cell|home|work|fax|main|direct)\b/gi;
export const DIGITS = /\d/g;
export const NUMBER_BEFORE = /(?<![\d.,:/-])\d{1,6}[ ,]{1,2}$/;

const GENITIVE_TYPES = new Set('Trg Cesta Ulica Ulice Náměstí Námestie Nábřeží Nábrežie Třída Trieda Aleja Aleea Calea Strada Splaiul Bulevardul Intrarea Piața Šetalište Obala Prilaz Nabrežje Rynek Osiedle Skwer Wybrzeże'.split(' '));
/** The house-number words of NUM_LEAD and s/n: no name, but no reason to reject the street either. */
const NUMBER_WORDS = /^(?:[Nn][or]\.?|[Nn][º°]|[Bb]loc|s\/n\.?)$/;
const PARTICLES = new Set('de du des la le les l d l\' d\' l’ d’ am an auf dem im zum zur unter hinter vor di da do dos das del della delle dei van von der den ter te het op aan in y e i u a na pod nad za st'.split(' '));
const TYPE_WORDS = new Set([...PREFIX_TYPES.split('|'), ...SUFFIX_WORDS.split('|'), ...FIRST_TYPES_LIST].map((t) => t.replace(/\\/g, '')));
const LEAD_WORDS = new Set('on at to in of is are was the a an from with near and enter meet live lives moved move must please send ship sent it me us my our your'.split(' '));
export const UPPER_CHAR = /[A-Z\u00c0-\u00d6\u00d8-\u00de]/;
const CASED_START = /^[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f]/;

/**
 * Street words must be capitalised (particles and street types aside) unless the whole line is in
 * lower case, and at least one must be a capitalised name: "a lo largo de 10 horas" is no street.
 */
export function casedOk(text: string, start: number, end: number, anyFirst = false): boolean {
  if (start < 0) return false;
  if (!UPPER_CHAR.test(lineOf(text, start))) return true;
  let named = false;
  let first = anyFirst;
  const words = text.slice(start, end).split(/[ ,\n]+/);
  // Slavic and Romanian names after their type are often a lower-case genitive or adjective (Trg
  // republike 35a, Cesta v Mestni log 91, Strada mare 4): after one of these capitalised types,
  // words that no English or Spanish clinical text uses, any case passes.
  if (GENITIVE_TYPES.has(words[0] ?? '') && words.length > 2) return true;
  for (const raw of words) {
    // An elided article glued to the name (l'Abbaye, d'Orsel) is judged by the name.
    const w = raw.replace(/^[ldLD]['’](?=\p{L})/u, '');
    if (w === '' || /^\d/.test(w) || NUMBER_WORDS.test(w)) continue;
    // After an address cue the street's own type may come first in lower case (wyb. Hajduk 17a, rondo Sobczak 5).
    if (first) { first = false; if (/^[a-z\u00df-\u00ff]/.test(w)) continue; }
    const lw = w.toLowerCase();
    if (CASED_START.test(w) && !(w.length > 1 && w === w.toUpperCase())) { if (!TYPE_WORDS.has(lw)) named = true; continue; }
    if (!PARTICLES.has(lw) && !TYPE_WORDS.has(lw)) return false;
  }
  return named;
}

/**
 * The patterns take up to a few words before a street type, so "is on Villacher Strasse 89" matches
 * from "is": where the line has capitals, the lower-case words in front are dropped (-1: nothing left).
 */
export function trimLead(text: string, start: number, end: number): number {
  let s = start;
  if (!UPPER_CHAR.test(lineOf(text, start))) {
    // A lower-case line has no capitals to go by: drop the function words and verbs in front.
    for (let sp = text.indexOf(' ', s); sp > 0 && sp < end && LEAD_WORDS.has(text.slice(s, sp)); sp = text.indexOf(' ', s)) s = sp + 1;
    return s;
  }
  while (s < end && /[a-z\u00df-\u00ff]/.test(text[s] ?? '')) {
    const sp = text.indexOf(' ', s);
    if (sp < 0 || sp >= end) return -1;
    const w = text.slice(s, sp).toLowerCase();
    if (TYPE_WORDS.has(w)) return s;
    s = sp + 1;
  }
  return s;
}

/** Where a building number may open a street: a line start, after a comma, or after at/on/to/with/address. */
export const NUMBERED_BEFORE = /(?:^|\n)[ \t>?]{0,6}$|, $|\b(?:at|on|to|with|from|address:?|is) $/i;

/**
 * After an address slot ("is located at", "ship it to:", "update my address to", "enter on") the
 * street may be any short capitalised run with a house number (Kalevirinne 5, Bekkekroken 95): the
 * cue, not a type word, says it is a street. Drug names and doses after "is on" stay out (NEVER_NAME
 * and the unit check).
 */
export const SLOT = new RegExp(`\\b(?:(?:${eitherCase('located|situated|lives?|living|resides?|residing|enter|meet|moved|ship(?:ped)?|send|sent|deliver(?:ed)?|mail(?:ed)?|station is|office is|shop is|store is|house is|apartment is|restaurant is|hotel is')})(?: (?:it|them|this|the letter|the package|us|me|him|her))? (?:on|at|to|in)|(?:[Aa]ddress|[Aa]ddresses)(?: is| to| with)?:?|[Ss]hip to:|[Tt]o:) ((?:\\d{1,6}[a-z]? )?(?:[${L}][${L}'’.-]{0,25} ){0,4}[${L}][${L}'’.-]{0,25},? (?:[Nn]o\\.? |[Nn]r\\.? |[Bb]loc )?\\d{1,5}(?!s\\b)[a-zA-Z]?(?:/\\d{1,3}| bis)?\\b\\.?(?![.,]?\\d|[%-]| ?${MEASURE}\\b)|\\d{1,6}[a-z]?,? (?:[${L}][${L}'’.-]{0,25} ){0,3}[${L}][${L}'’.-]{1,25})`, 'gu');

/**
 * An address block laid out in lines: a line of two to four words with no digit (a name, or a
 * company), then a street line ending in its number (Ribarska 9, Kærparken 86A, 714 axelle de seine
 * 12, Höggen 2 Zimmer 767: a unit may follow; or a number and a name, 129 Suzanne de Caumartin), then
 * within four lines a postcode line. The layout, not the words, says it is an address.
 */
export const BLOCK_STREET = new RegExp(`(?:^|\\n)[ \\t>?]{0,6}([^\\n\\d:;!?@]{2,50}\\n[ \\t>?]{0,6})(\\d{1,6}[a-zA-Z]?,? (?!${MEASURE}\\b)[${L}][${L}'’.() -]{1,40}|(?:\\d{1,6}[a-zA-Z]? )?[${L}][${L}'’.() -]{1,40}[ ,](?:no\\.? )?\\d{1,5}[a-zA-Z]?(?:/\\d{1,3})?(?: [A-Za-z.]{1,12} ?\\d{1,4}[a-z]?| \\d{1,3}\\.? ?[A-Za-z]{2,12})?)[ \\t]*(?=\\n)`, 'gu');
// Title case (Manda Zdelar Ivić, Rosales-Mcguire Ltd), or a line typed wholly in lower case.
export const NAME_LINE = new RegExp(`^[ \\t>?]{0,6}(?:(?:[${UP}][${L}'’.-]{0,25} ){1,4}[${UP}][${L}'’.-]{0,25}|(?:\\p{Ll}[${L}'’.-]{0,25} ){1,4}\\p{Ll}[${L}'’.-]{0,25})[ \\t]*\\n`, 'u');
export const BLOCK_POSTCODE = /^[ \t>?]{0,6}(?:[^\n\d:;!?@+()]{1,40}? )?(?:\d{4}-\d{3}|\d{2}-\d{3}|\d{4} ?[A-Za-z]{2}|[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d|[A-Za-z]{1,2}\d{1,2}[A-Za-z]? ?\d[A-Za-z]{2}|[A-Za-z]{2}-?\d{4,5}|\d{2,3} \d{2,3}|\d{4,6})[ \t]*$/;
/** A postcode before its town (1623 Vitis, 23516 zabok), not a dose (1000 mg daily). */
export const BLOCK_POSTCODE_FIRST = new RegExp(`^[ \\t>?]{0,6}(?:\\d{5}-\\d{3}|\\d{4}-\\d{3}|\\d{2}-\\d{3}|\\d{4}|\\d{5}|\\d{3} \\d{2}) (?!${MEASURE}\\b)[^\\n\\d:;!?@+()]{2,40}$`);

/** The line around `at`, at most LINE_REACH characters either side: a text without newlines would make every casing check read all of it (quadratic over 100 KB). */
const LINE_REACH = 300;
export function lineOf(text: string, at: number): string {
  // Searched inside the window: lastIndexOf and indexOf themselves would scan to the text's ends.
  const from = Math.max(0, at - LINE_REACH);
  const w = text.slice(from, Math.min(text.length, at + LINE_REACH));
  const b = w.indexOf('\n', at - from);
  return w.slice(w.lastIndexOf('\n', at - from) + 1, b < 0 ? w.length : b);
}
