/**
 * What follows a street that the address rules found (./addresses-intl.ts): its unit (Apt. 5,
 * Zimmer 3, m. 241, 4.em 94 ajtó, 2º B, 3 hoog), then on the same line the town, region and
 * postcode segments ("…, Górzno 93-850", "…, 90912 Nantes"), or in an address block the unit, town
 * and postcode lines under it. Everything here is read from a found street onwards, in windows of
 * bounded size, so no pattern runs over the whole text and clinical prose without a street never
 * reaches it.
 */
import { L, MEASURE, UPPER_CHAR, lineOf } from './addresses-intl-forms.js';
import type { Sink } from './types.js';

/** Unit words before their number, by language (apartment, room, floor, staircase, flat, block, door). */
const UNIT_WORDS = 'apt|apartment|appartement|app|appartamento|apartma|apartamento|apto|ap|suite|ste|unit|flat|floor|fl|room|zimmer|wohnung|whg|top|stiege|tür|piano|interno|int|scala|sc|m|lok|lokal|mieszkanie|bl|bloc|bloco|bloque|etaj|stan|stanovanje(?: št\\.?)?|kat|pisarna|nadstropje|lgh|lägenhet|leil|leilighet|oppgang|hus|dz|kv|daire|lakás|byt|casa|sobrado|lote|quadra|puerta|pta|piso|esc|escalera|planta|bus|bte|boîte|edificio|depto|departamento|interior|oficina|local';
/** Floor words after their number (Spanish floors 2º B, 1º Dcha. follow in UNIT, also as 2o B: the clean form folds º): 3 OG, 1e verdieping, 2 hoog achter, 4.em 94 ajtó, 1. tv, 7 étage. */
const FLOOR_WORDS = 'em|emelet|étage|etage|og|stock|hoog(?: achter| voor)?|verdieping|kat|piso|planta|th|tv|mf|etg|sal|drt|esq';
const UNIT = new RegExp(`(?:(?:${UNIT_WORDS})\\.? ?#?(?:\\d{1,5}[a-z]?|[a-h])(?![\\w-])|\\d{1,3}(?:\\.|e|er|re|ème|º|ª|o)? ?(?:${FLOOR_WORDS})\\b\\.?(?: \\d{1,4}\\.? ?ajtó)?|\\d{1,2}(?:[º°ª]\\.?(?: ?(?:[a-h]\\b|dcha\\.?|izda\\.?|izq\\.?|centro))?|[oa]\\.? ?(?:[a-h]\\b|dcha\\.?|izda\\.?|izq\\.?|centro))|[a-h] \\d{1,3}\\b|- ?\\d{1,4}\\b|\\d{1,2}(?:[a-f]|drt|esq|frt|dto)\\.?(?![\\w-])|r/c(?![\\w-])|(?:i{1,3}|iv|hs|bis|ter)(?![\\w-]))`, 'iuy');
/** The unit right after a street (after a comma, a space or a line break with its block indent). */
const UNIT_AFTER = new RegExp(`^(?:,? ?|[ \\t]*\\n[ \\t>?]{0,6})${UNIT.source}`, 'iu');
const UNIT_LINE = new RegExp(`^[ \\t>?]{0,6}${UNIT.source}[ \\t]*$`, 'iu');

/**
 * Postcode forms: Brazil 12345-678, Portugal 1234-567, Poland 12-345, Czechia/Slovakia/Sweden
 * 123 45, India 123 456, the Netherlands 1234 AB, Canada A1A 1A1, Britain AB12 3CD, Ireland
 * D02 X285, Latvia/Moldova LV-1234, and 4-6 digits (US ZIP+4 too).
 */
const POSTCODE = '(?:\\d{5}-\\d{3}|\\d{4}-\\d{3}|\\d{2}-\\d{3}|\\d{3} \\d{2,3}|\\d{2} \\d{3}|\\d{4} ?[A-Za-z]{2}|[A-Za-z]\\d[A-Za-z] ?\\d[A-Za-z]\\d|[A-Za-z]{1,2}\\d[A-Za-z\\d]? ?\\d[A-Za-z]{2}|[A-Za-z]\\d{2} ?[A-Za-z\\d]{4}|[A-Za-z]{2}-?\\d{4}|\\d{5}-\\d{4}|\\d{4,6})';
const TOWN_WORD = `[${L}][${L}'’.-]{0,25}`;
/** One comma-separated segment of the tail: a town or region, with its postcode before or after. */
const SEGMENT = new RegExp(`^(?:(${POSTCODE})|(?:(${POSTCODE}) )?((?:${TOWN_WORD} ){0,4}${TOWN_WORD})(?: (${POSTCODE}))?)$`, 'u');
const LOWER_START = /^[a-z\u00df-\u00ff]/;
const YEAR = /^(?:1[89]|20)\d\d$/;
/** Words that end a sentence's address tail when they open a segment ("…, if that helps", "…, thanks"). */
const NOT_TOWN_WORDS = new Set('if that this the a an and or but so then thanks thank please ok okay because when where which who after before since until near next by for from to in on at of with is are was we i you he she they it my our your his her their tomorrow today yesterday now asap last first floor room ward bed unit suite tel phone fax email mobile st st. street road avenue'.split(' '));
const PARTICLE_WORDS = new Set('de du des la le les l d di da do dos das del della van von der den am an im sur sous lès upon on in y e i u na nad pod'.split(' '));

/** The unit after a street: its end, or -1. */
export function unitAfter(text: string, end: number, sink: Sink): number {
  const m = UNIT_AFTER.exec(text.slice(end, end + 40));
  if (!m) return -1;
  const lead = m[0].length - m[0].replace(/^[,\s>?]+/, '').length;
  sink(end + lead, end + m[0].length, 'LOCATION', 0.65, 'loc.intl_unit');
  return end + m[0].length;
}

/**
 * The same-line tail of a street: comma-separated segments up to the sentence's end, each a town,
 * a region or a postcode; the first segment that is none of these ends it.
 */
export function streetTail(text: string, from: number, sink: Sink): void {
  const window = text.slice(from, from + 120);
  // A sentence's end, not an abbreviation's dot (Saldus raj., St. Gallen).
  const stop = /[\n;!?()]|(?<![\s.][\p{L}]{1,3})\.(?=\s|$)/u.exec(window);
  const tail = stop ? window.slice(0, stop.index) : window;
  const lowerLine = !UPPER_CHAR.test(lineOf(text, from));
  // "…, Csém" and "… in Csém" both name the town.
  const sep = /,| in (?=\S)/g;
  for (let segStart = 0, k = 0; segStart <= tail.length && k < 6; k++) {
    const m = sep.exec(tail);
    const raw = tail.slice(segStart, m ? m.index : tail.length);
    // The sentence's own full stop after a lettered postcode (…, Friesland 7528 VT.) is no part of it.
    const seg = m ? raw.trim() : raw.trim().replace(/(?<=\d ?[A-Za-z]{2})\.$/, '');
    const start = from + segStart + raw.indexOf(seg);
    segStart = m ? m.index + m[0].length : tail.length + 1;
    if (seg === '') continue;
    if (!segment(seg, start, lowerLine, sink)) return;
  }
}

/** One tail segment: a town or region with its postcode before or after it, or a postcode alone. False ends the tail. */
function segment(seg: string, start: number, lowerLine: boolean, sink: Sink): boolean {
  const m = SEGMENT.exec(seg);
  if (!m) return false;
  const [, alone, before, town, after] = m;
  // With its postcode beside it a region may have lower-case words (Karlovarský kraj, Brabant wallon).
  const isTown = town !== undefined && townLike(town, lowerLine, Boolean(before ?? after));
  if (town && !isTown) return false;
  for (const code of [alone, before, after]) {
    if (!code || (YEAR.test(code) && !isTown)) continue;
    const i = code === after && code !== before ? seg.length - code.length : 0;
    sink(start + i, start + i + code.length, 'LOCATION', 0.65, 'loc.intl_postcode');
  }
  if (town && isTown) {
    const i = seg.indexOf(town, before ? before.length : 0);
    sink(start + i, start + i + town.length, 'LOCATION', 0.6, 'loc.intl_town');
  }
  return true;
}

function townLike(town: string, lowerLine: boolean, coded = false): boolean {
  const words = town.split(' ');
  const first = words[0]?.toLowerCase() ?? '';
  if (NOT_TOWN_WORDS.has(first)) return false;
  if (lowerLine) return words.length <= 4 && !words.some((w) => NOT_TOWN_WORDS.has(w));
  // Capitalised words, lower-case particles between them (Rio Grande do Sul, Saldus raj.).
  // Beside a postcode a region may be a lower-case adjective (lubelskie 27-185).
  if (coded) return words.length <= 5 && !words.some((w) => NOT_TOWN_WORDS.has(w.toLowerCase()));
  return !LOWER_START.test(town) && words.every((w, k) => !LOWER_START.test(w) || PARTICLE_WORDS.has(w) || (k === words.length - 1 && w.endsWith('.')));
}

const POSTCODE_LINE = new RegExp(`^[ \\t>?]{0,6}(?:(${POSTCODE}) (?!${MEASURE}\\b)((?:${TOWN_WORD} ){0,4}${TOWN_WORD})|((?:${TOWN_WORD},? ){0,4}${TOWN_WORD}) ,?(${POSTCODE})|(${POSTCODE}))[ \\t]*$`, 'u');
const SHORT_UNIT_LINE = /^[ \t>?]{0,6}(?=[^\n]{0,20}\d)[^\n@:;!?+()]{1,20}$/;
const TOWN_LINE = new RegExp(`^[ \\t>?]{0,6}((?:${TOWN_WORD} ){0,3}${TOWN_WORD})[ \\t]*$`, 'u');

/**
 * The unit, town and postcode lines of an address block: up to four lines under a street. Town
 * lines count only once a postcode line below confirms the block; the postcode line ends it.
 */
export function blockLines(text: string, streetEnd: number, sink: Sink): void {
  let pos = text.indexOf('\n', streetEnd);
  const towns: Array<[number, number]> = [];
  for (let k = 0; k < 4 && pos >= 0 && pos - streetEnd < 400; k++) {
    const next = text.indexOf('\n', pos + 1);
    const line = text.slice(pos + 1, next < 0 ? text.length : next);
    if (line.length > 60) return;
    const lead = /^[ \t>?]*/.exec(line)?.[0].length ?? 0;
    const body = line.trimEnd();
    // A unit line; right under the street also any short line with a number (3e verdieping, Lote 47).
    if (UNIT_LINE.test(line) || (k === 0 && SHORT_UNIT_LINE.test(line) && !POSTCODE_LINE.test(line))) {
      sink(pos + 1 + lead, pos + 1 + body.length, 'LOCATION', 0.65, 'loc.intl_block');
    } else {
      const m = POSTCODE_LINE.exec(line);
      if (m) {
        const code = m[1] ?? m[4] ?? m[5] ?? '';
        const town = m[2] ?? m[3];
        const ci = m[1] ? lead : body.length - code.length;
        sink(pos + 1 + ci, pos + 1 + ci + code.length, 'LOCATION', 0.65, 'loc.intl_block');
        if (town) {
          const ti = line.indexOf(town, m[1] ? lead + code.length : lead);
          if (ti >= 0) towns.push([pos + 1 + ti, pos + 1 + ti + town.replace(/[ ,]+$/, '').length]);
        }
        for (const [a, b] of towns) sink(a, b, 'LOCATION', 0.6, 'loc.intl_town');
        return;
      }
      const t = TOWN_LINE.exec(line);
      if (!t?.[1] || NOT_TOWN_WORDS.has(t[1].split(' ')[0]?.toLowerCase() ?? '')) return;
      towns.push([pos + 1 + lead, pos + 1 + lead + t[1].length]);
    }
    pos = next;
  }
}

/** Whether the line under `end` is a unit line or a town line (letters only). */
export function unitOrTownBelow(text: string, end: number): boolean {
  const pos = text.indexOf('\n', end);
  if (pos < 0 || pos - end > 200) return false;
  const next = text.indexOf('\n', pos + 1);
  const line = text.slice(pos + 1, next < 0 ? Math.min(text.length, pos + 80) : Math.min(next, pos + 80));
  return UNIT_LINE.test(line) || (TOWN_LINE.test(line) && !NOT_TOWN_WORDS.has(line.trim().split(' ')[0]?.toLowerCase() ?? ''));
}
