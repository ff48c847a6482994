/**
 * International address forms the US/Spanish rules in locations.ts do not know, written from the
 * street-naming conventions of the languages rather than from examples: street types that come
 * before the name (rue du centre 320, Piazzetta Scalette 104, Pod Floriánem 1677) or after it
 * (Villacher Strasse 89, Hammarvägen 15, hegyalja út 98), a building number before a street that
 * ends in its own number (641 Dašická 688), US military addresses (PSC 5420, Box 2708, APO AA
 * 33879), a postcode after a town ("in København K 1421"), the secondary-unit and postcode lines of
 * an address block, and a labelled phone line inside one ("28-64-66-98 office"). Case-insensitive
 * where forms are typed in lower case.
 */
import { NEVER_NAME } from './stopwords.js';
import type { Sink } from './types.js';

const L = 'A-Za-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u1e00-\\u1eff';
const UP = 'A-Z\\u00c0-\\u00d6\\u00d8-\\u00de\\u0100-\\u017f';
const WORD = `[${L}][${L}'’-]{0,25}`;
/** A house number, not a dose, a count or a measurement (via oral 750 mg, largo de 10 horas). */
const UNIT = '(?:mg|mcg|µg|ml|mL|g|kg|mm|cm|Gy|units?|IU|UI|x|times|tabs?|caps?|mmHg|bpm|días?|days?|weeks?|semanas?|months?|meses|years?|años|hours?|horas|min|micras|sesiones|fracciones|veces)';
const NUM = `\\d{1,5}(?!s\\b)[a-zA-Z]?\\b\\.?(?![.,]?\\d|[%-]| ?${UNIT}\\b)`;

/** Types written before the street name (French, Italian, Portuguese, Spanish, Slavic, Czech prepositions ...). */
const PREFIX_TYPES = 'cours|passage|place|ladeira|beco|rodovia|carr\\.|carretera|cerrada|calzada|callejón|privada|andador|circuito|prolongación|eje|intrarea|calea|splaiul|șoseaua|piața|rue|rua|via|viale|vicolo|piazza|piazzetta|piazzale|corso|largo|contrada|borgo|strada|stradela|ulica|ul\\.|aleja|al\\.|aleea|bulevardul|boulevard|bd\\.|avenue|chemin|allée|impasse|quai|passage|travessa|praça|azinhaga|calçada|estrada|alameda|carrer|cesta|trg|ulice|náměstí|nábřeží|jalan|jln\\.|jl\\.|osiedle|plac|rynek|pod|nad|za|dworzec|droga|šetalište|obala|put|sokak';
/** Types written after the name, as a separate word. */
const SUFFIX_WORDS = 'iela|gāte|bulvāris|prospekts|tänav|allé|straat|strasse|straße|str\\.|gasse|weg|allee|platz|ring|damm|ufer|straat|laan|plein|gracht|kade|dijk|vej|gade|gata|gatan|vägen|väg|gränd|veien|vegen|vei|katu|tie|kuja|utca|út|u\\.|körút|tér|sor|köz|ulica|ulice|cesta|sokak|sokağı|caddesi|cad\\.|bulvarı';
/** Types glued to the end of the name (Hammarvägen, Loorenstrasse, Asselsestraat). */
const GLUED = 'str\\.|park|dreef|hof|markt|singel|kade|steeg|haugen|kroken|bakken|svingen|stien|tunet|rinne|kaari|raitti|väylä|ranta|strasse|straße|gasse|weg|allee|platz|damm|straat|laan|plein|gracht|dijk|vej|gade|stræde|gatan|vägen|gränd|torget|veien|vegen|gata|katu|tie|kuja|polku|utca|sokak';

/** Either case of the first letter: the `i` flag made these alternations several times slower. */
const eitherCase = (alts: string): string => alts.split('|').map((t) => (/^[a-z]/.test(t) ? `[${t[0] ?? ''}${(t[0] ?? '').toUpperCase()}]${t.slice(1)}` : t)).join('|');
const PREFIXED = new RegExp(`(?<![${L}\\d])(?:${eitherCase(PREFIX_TYPES)}) (?:${WORD} ){0,4}${WORD},? ${NUM}`, 'gu');
// Cheap anchors for the two type-word patterns: the house number's first digit, with the type
// behind it. Only where one hits is the full pattern run, on a window around it (1 MB of clinical
// text: ~2.5 ms against ~4-8 ms per pattern run over the whole text).
const PREFIXED_ANCHOR = new RegExp(` \\d(?<=(?<![${L}\\d])(?:${eitherCase(PREFIX_TYPES)}) (?:${WORD} ){0,4}${WORD},? \\d)`, 'gu');
// Suffixed and glued types are found from the type word and the number, then the name is read
// backwards: a pattern starting with the name's words was tried at every letter of the text.
const TYPE_AFTER = new RegExp(`(?:${eitherCase(SUFFIX_WORDS)}|${GLUED}),? ${NUM}`, 'gu');
const TYPE_AFTER_ANCHOR = new RegExp(` \\d(?<=(?:${eitherCase(SUFFIX_WORDS)}|${GLUED}),? \\d)`, 'gu');
const NAME_BEFORE_SPACED = new RegExp(`(?<![${L}\\d])(?:${WORD} ){0,2}${WORD} $`, 'u');
const NAME_BEFORE_GLUED = new RegExp(`(?<![${L}\\d])(?:${WORD} ){0,2}[${L}]{1,25}$`, 'u');
/** A building number, the street, and the street's own number: 641 Dašická 688, 4241 Steinfelden 73. */
const NUMBERED = new RegExp(`(?<![\\d.,:/-])\\d{1,6} (?:\\d{1,4} )?(?!${UNIT}\\b)[${UP}][${L}'’-]{1,25}(?: [${L}][${L}'’-]{0,25}){0,3} ${NUM}`, 'gu');
/** A street name with its number, then "St." (Hoge Wei 32 St., hegyalja út 98. st.), or a capitalised street before St. after "and"/"of". */
const BEFORE_ST = /(?<![\d.,])\d{1,5}[a-zA-Z]?\.? [Ss]t\.| St\./g;
const NAME_BEFORE_NUMBER = new RegExp(`(?<![${L}\\d])(?:${WORD} ){0,3}${WORD} $`, 'u');
const CAPITALISED_BEFORE_ST = new RegExp(`\\b(?:and|of|on|at) ((?:[${UP}][${L}'’-]{1,25} ){0,2}[${UP}][${L}'’-]{1,25})$`, 'u');
const FIRST_TYPES_LIST = 'rue avenue boulevard bd allée chemin impasse quai place via viale piazza corso largo rua avenida calle travessa praça'.split(' ');
const FIRST_TYPES = FIRST_TYPES_LIST.map((t) => `[${t[0] ?? ''}${(t[0] ?? '').toUpperCase()}]${t.slice(1)}`).join('|');
/** The number first, then the type and the name (29 Rue de Tanger, 12 avenue des Lilas, 8 Via Roma). */
const NUMBER_FIRST = new RegExp(`(?<![\\d.,])\\d{1,5}[a-z]?,? (?:${FIRST_TYPES}) (?:(?:de|du|des|della|delle|di|da|do|dos|das|la|le|les|l'|d') ?){0,2}[${UP}][${L}'’-]{1,25}(?: [${L}][${L}'’-]{0,25}){0,3}`, 'gu');
/** "the corner of 35 Pentelis Str. and Waechter Turnpike": two capitalised streets, numbers and abbreviations allowed. */
const SIDE = `(?:\\d{1,5}[a-z]? )?[${UP}][${L}'’.-]{1,25}(?: [${UP}\\d][${L}\\d'’.-]{0,25}){0,4}`;
const CORNER = new RegExp(`\\b[Tt]he corner of ${SIDE} and ${SIDE}`, 'gu');
const MILITARY = /\b(?:psc|unit|cmr) \d{3,5},? box \d{3,5}[ \t]*\n?[ \t]*(?:apo|fpo|dpo) a[aep] \d{5}\b|\b(?:uss|usns|usnv|uscgc) [a-z]{3,20}[ \t]*\n?[ \t]*(?:apo|fpo|dpo) a[aep] \d{5}\b/gi;
/** A town and its postcode after "in": the town may be lower case only where the whole line is. */
const TOWN_POSTCODE = new RegExp(`\\bin ((?:[${L}][${L}'’.-]{0,25} ){0,3}[${L}][${L}'’-]{0,25}) (\\d{4,5}|\\d{3} \\d{2})\\b(?![.,:/-]?\\d)`, 'gu');
const NOT_TOWN = /^(?:room|bed|ward|suite|unit|lot|building|floor|box|case|study|trial|version|cohort|group|year|stage|grade|type|class|phase|level|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|spring|summer|autumn|fall|winter|total|all|about|around|approximately|only|over|under|the|a|an|and|of|at|to|for|from|since|by|with|our|my|your|his|her|their|its|this|that|these|those|patients|cases|people|children|adults|women|men)$/i;
const SECONDARY_LINE = /^[ \t>?]{0,6}(?:apt|apartment|suite|unit|ste|flat|floor|fl)\.? ?#?\d{1,6}[a-z]?[ \t]*$/i;
const POSTCODE_LINE = /^[ \t>?]{0,6}(?:[^\n\d:;!?@+()]{1,40}? )?(\d{4}-\d{3}|\d{4} ?[A-Za-z]{2}|[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d|[A-Za-z]{1,2}\d{1,2}[A-Za-z]? ?\d[A-Za-z]{2}|[A-Za-z]{2}-?\d{4,5}|\d{3,6}(?: \d{2,3})?)[ \t]*$/;
/** A phone written alone with its label, as in a contact block ("416 60 039 office", "(37) 788-063-Office"). */
const LABELLED_PHONE = /(?:^|\n)[ \t>?]{0,6}(\+?\(?\d[\d ().-]{5,18}\d)[ \t]*-?[ \t]*(?:office|mobile|cell|home|work|fax|main|direct)\b/gi;
const DIGITS = /\d/g;
const NUMBER_BEFORE = /(?<![\d.,:/-])\d{1,6}[ ,]{1,2}$/;

const PARTICLES = new Set('de du des la le les l d di da do dos das del della delle dei van von der den ter te het op aan in y e i u a na pod nad za st'.split(' '));
const TYPE_WORDS = new Set([...PREFIX_TYPES.split('|'), ...SUFFIX_WORDS.split('|'), ...FIRST_TYPES_LIST].map((t) => t.replace(/\\/g, '')));
const LEAD_WORDS = new Set('on at to in of is are was the a an from with near and enter meet live lives moved move must please send ship sent it me us my our your'.split(' '));
const UPPER_CHAR = /[A-Z\u00c0-\u00d6\u00d8-\u00de]/;
const CASED_START = /^[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f]/;

/**
 * Street words must be capitalised (particles and street types aside) unless the whole line is in
 * lower case, and at least one must be a capitalised name: "a lo largo de 10 horas" is no street.
 */
function casedOk(text: string, start: number, end: number, anyFirst = false): boolean {
  if (start < 0) return false;
  if (!UPPER_CHAR.test(lineOf(text, start))) return true;
  let named = false;
  let first = anyFirst;
  for (const w of text.slice(start, end).split(/[ ,\n]+/)) {
    if (w === '' || /^\d/.test(w)) continue;
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
function trimLead(text: string, start: number, end: number): number {
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
const NUMBERED_BEFORE = /(?:^|\n)[ \t>?]{0,6}$|, $|\b(?:at|on|to|with|from|address:?|is) $/i;

/**
 * After an address slot ("is located at", "ship it to:", "update my address to", "enter on") the
 * street may be any short capitalised run with a house number (Kalevirinne 5, Bekkekroken 95): the
 * cue, not a type word, says it is a street. Drug names and doses after "is on" stay out (NEVER_NAME
 * and the unit check).
 */
const SLOT = new RegExp(`\\b(?:(?:${eitherCase('located|situated|lives?|living|resides?|residing|enter|meet|moved|ship(?:ped)?|send|sent|deliver(?:ed)?|mail(?:ed)?|station is|office is|shop is|store is|house is|apartment is|restaurant is|hotel is')})(?: (?:it|them|this|the letter|the package|us|me|him|her))? (?:on|at|to|in)|(?:[Aa]ddress|[Aa]ddresses)(?: is| to| with)?:?|[Ss]hip to:|[Tt]o:) ((?:\\d{1,6}[a-z]? )?(?:[${L}][${L}'’.-]{0,25} ){0,4}[${L}][${L}'’.-]{0,25},? (?:[Nn]o\\.? |[Nn]r\\.? |[Bb]loc )?\\d{1,5}(?!s\\b)[a-zA-Z]?(?:/\\d{1,3}| bis)?\\b\\.?(?![.,]?\\d|[%-]| ?${UNIT}\\b)|\\d{1,6}[a-z]?,? (?:[${L}][${L}'’.-]{0,25} ){0,3}[${L}][${L}'’.-]{1,25})`, 'gu');
/** Postcode forms: digits (4-6, 3+2, 4-3), Dutch 1234 AB, Canadian A1A 1A1, British AB12 3CD, LV-1234. */
const POSTCODE = '(?:\\d{4}-\\d{3}|\\d{4} ?[A-Za-z]{2}(?![A-Za-z])|[A-Za-z]\\d[A-Za-z] ?\\d[A-Za-z]\\d|[A-Za-z]{1,2}\\d{1,2}[A-Za-z]? ?\\d[A-Za-z]{2}|[A-Za-z]{2}-?\\d{4,5}|\\d{3} \\d{2}|\\d{4,6})';
/** The rest of a street's line: a unit ("2 OG", "3e verdieping", "Apt. 252") and a town with its postcode. */
const SAME_LINE = new RegExp(`^(,? ?(?:[^\\n,.;:!?]{1,24}\\d[^\\n,.;:!?]{0,12})?)(?:,? ?(?:[${L}][${L}'’ -]{1,30}[ ,]{1,2})?(${POSTCODE})(?![\\w-])|,? ?(${POSTCODE}) [${L}])`, 'u');
const SHORT_UNIT_LINE = /^[ \t>?]{0,6}(?=[^\n]{0,20}\d)[^\n@:;!?+()]{1,20}$/;

/**
 * An address block laid out in lines: a line of two to four words with no digit (a name, or a
 * company), then a street line ending in its number (Ribarska 9, Kærparken 86A, 714 axelle de seine
 * 12), then within four lines a postcode line. The layout, not the words, says it is an address.
 */
const BLOCK_STREET = new RegExp(`(?:^|\\n)[ \\t>?]{0,6}([^\\n\\d:;!?@]{2,50}\\n[ \\t>?]{0,6})((?:\\d{1,6}[a-zA-Z]? )?[${L}][${L}'’.() -]{1,40}[ ,](?:no\\.? )?\\d{1,5}[a-zA-Z]?(?:/\\d{1,3})?)[ \\t]*(?=\\n)`, 'gu');
// Title case (Manda Zdelar Ivić, Rosales-Mcguire Ltd), or a line typed wholly in lower case.
const NAME_LINE = new RegExp(`^[ \\t>?]{0,6}(?:(?:[${UP}][${L}'’.-]{0,25} ){1,4}[${UP}][${L}'’.-]{0,25}|(?:[a-z\\u00df-\\u00ff][${L}'’.-]{0,25} ){1,4}[a-z\\u00df-\\u00ff][${L}'’.-]{0,25})[ \\t]*\\n`, 'u');
const BLOCK_POSTCODE = /^[ \t>?]{0,6}(?:[^\n\d:;!?@+()]{1,40}? )?(?:\d{4}-\d{3}|\d{2}-\d{3}|\d{4} ?[A-Za-z]{2}|[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d|[A-Za-z]{1,2}\d{1,2}[A-Za-z]? ?\d[A-Za-z]{2}|[A-Za-z]{2}-?\d{4,5}|\d{2,3} \d{2,3}|\d{4,6})[ \t]*$/;

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
    const start = trimLead(text, from, end);
    if (casedOk(text, start, end)) street(start, end, 'loc.intl_street');
  };
  for (const m of around(text, PREFIXED_ANCHOR, PREFIXED, 200)) typed(m.index, m.index + m[0].length);
  for (const m of text.matchAll(NUMBER_FIRST)) typed(m.index, m.index + m[0].length);
  for (const m of around(text, TYPE_AFTER_ANCHOR, TYPE_AFTER, 40)) {
    const glued = text.charCodeAt(m.index - 1) !== 32;
    if (m.index === 0 || (glued && !/[\p{L}]/u.test(text[m.index - 1] ?? ''))) continue;
    const window = text.slice(Math.max(0, m.index - 80), m.index);
    const name = (glued ? NAME_BEFORE_GLUED : NAME_BEFORE_SPACED).exec(window);
    if (name) typed(m.index - name[0].length, m.index + m[0].length);
  }
  for (const m of text.matchAll(NUMBERED)) {
    if (!NUMBERED_BEFORE.test(text.slice(Math.max(0, m.index - 10), m.index)) || !casedOk(text, m.index, m.index + m[0].length)) continue;
    street(m.index, m.index + m[0].length, 'loc.intl_numbered');
  }
  if (text.includes('t.')) {
    for (const m of text.matchAll(BEFORE_ST)) {
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
  if (text.includes('orner of')) for (const m of text.matchAll(CORNER)) street(m.index, m.index + m[0].length, 'loc.intl_corner');
  for (const m of text.matchAll(SLOT)) {
    const v = (m[1] ?? '').replace(/[ ,]+$/, '');
    const start = m.index + m[0].length - (m[1] ?? '').length;
    const firstWord = /[^\d ,][^ ,]*/.exec(v)?.[0].toLowerCase() ?? '';
    if (NEVER_NAME.has(firstWord) || !casedOk(text, start, start + v.length, true)) continue;
    street(start, start + v.length, 'loc.intl_slot');
  }
  if (text.includes('\n')) {
    for (const m of text.matchAll(BLOCK_STREET)) {
      const lead = m[1] ?? '';
      if (!NAME_LINE.test(lead)) continue;
      const start = m.index + m[0].length - (m[2] ?? '').length;
      const end = m.index + m[0].length;
      if (!casedOk(text, start, end, true) || !postcodeBelow(text, end)) continue;
      street(start, end, 'loc.intl_block_street');
    }
  }
  for (const m of text.matchAll(MILITARY)) street(m.index, m.index + m[0].length, 'loc.intl_military');
  for (const m of text.matchAll(TOWN_POSTCODE)) {
    const town = m[1] ?? '';
    const last = town.slice(town.lastIndexOf(' ') + 1);
    if (NOT_TOWN.test(last) || NOT_TOWN.test(town.split(' ')[0] ?? '')) continue;
    if (/^(?:19|20)\d\d$/.test(m[2] ?? '')) continue;
    const start = m.index + 3;
    if (!/^[A-Z\u00c0-\u00de\u0100-\u017f]/.test(town) && /[A-Z]/.test(lineOf(text, start))) continue;
    sink(start, m.index + m[0].length, 'LOCATION', 0.65, 'loc.intl_town_postcode');
  }
  for (const end of streets) {
    const rest = SAME_LINE.exec(text.slice(end, end + 70));
    if (rest) {
      const code = rest[2] ?? rest[3] ?? '';
      const at = end + rest[0].lastIndexOf(code);
      if (/\d/.test(rest[1] ?? '')) sink(end, end + (rest[1] ?? '').length, 'LOCATION', 0.65, 'loc.intl_unit');
      sink(at, at + code.length, 'LOCATION', 0.65, 'loc.intl_postcode');
    }
    blockLines(text, end, sink);
  }
  for (const m of text.matchAll(LABELLED_PHONE)) {
    const v = m[1] ?? '';
    if ((v.match(DIGITS)?.length ?? 0) < 7) continue;
    const start = m.index + m[0].indexOf(v);
    sink(start, start + v.length, 'PHONE', 0.75, 'phone.labelled_line');
  }
}

/** Matches of `full` that cover a hit of `anchor`, searched in a window reaching `back` characters before it. */
function* around(text: string, anchor: RegExp, full: RegExp, back: number): Generator<{ index: number; 0: string }> {
  let done = 0;
  for (const a of text.matchAll(anchor)) {
    if (a.index < done) continue;
    const from = Math.max(0, a.index - back);
    const re = new RegExp(full);
    // Enough after the number for its unit check ("12 semanas" is no house number).
    const window = text.slice(from, Math.min(text.length, a.index + 40));
    for (let m = re.exec(window); m; m = re.exec(window)) {
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
    if (BLOCK_POSTCODE.test(text.slice(pos + 1, next < 0 ? text.length : next))) return true;
    pos = next;
  }
  return false;
}

function lineOf(text: string, at: number): string {
  const a = text.lastIndexOf('\n', at) + 1;
  const b = text.indexOf('\n', at);
  return text.slice(a, b < 0 ? text.length : b);
}

/** The secondary-unit and postcode lines of an address block: up to four lines under a street. */
function blockLines(text: string, streetEnd: number, sink: Sink): void {
  let pos = text.indexOf('\n', streetEnd);
  for (let k = 0; k < 4 && pos >= 0; k++) {
    const next = text.indexOf('\n', pos + 1);
    const line = text.slice(pos + 1, next < 0 ? text.length : next);
    if (line.length > 60) return;
    // A unit line (Apt. 169; right under the street also a short line with a number: 3e verdieping, 2 OG).
    const sec = SECONDARY_LINE.test(line) || (k === 0 && SHORT_UNIT_LINE.test(line) && !POSTCODE_LINE.test(line));
    if (sec) {
      const lead = /^[ \t>?]*/.exec(line)?.[0].length ?? 0;
      sink(pos + 1 + lead, pos + 1 + line.trimEnd().length, 'LOCATION', 0.65, 'loc.intl_block');
    } else {
      const m = POSTCODE_LINE.exec(line);
      if (m?.[1]) {
        const start = pos + 1 + m[0].lastIndexOf(m[1]);
        sink(start, start + m[1].length, 'LOCATION', 0.65, 'loc.intl_block');
        return;
      }
    }
    pos = next;
  }
}
