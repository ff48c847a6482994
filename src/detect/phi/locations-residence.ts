/**
 * A town after a residence cue ("grew up in Aigen im Mühlkreis", "lives in Krumau am Kamp", "a
 * native of Newcastle upon Tyne"): the cue, not a place list, says it is a place, so towns no list
 * holds are found. Only capitalised runs count; months, wards and rooms ("born in January",
 * "lives in Room 4") are not towns, nor countries and US states, which Safe Harbor leaves in
 * ("grew up in Mexico", "lives in Ohio").
 */
import { L, NOT_TOWN, UP } from './addresses-intl-forms.js';
import { firstMatch, nextMatch } from './exec.js';
import { lexicon } from './lexicon.js';
import type { Sink } from './types.js';

const NAME = `[${UP}][${L}'’-]{1,25}`;
const JOIN = '(?: (?:am|an der|an|im|in der|bei|ob|de|del|de la|des|di|da|do|du|la|le|les|sur|sous|upon|on|aan de|aan den|aan|op|pri|pod|nad) | |-)';
const CUE = '(?:grew up|was born|were born|born and raised|live|lives|lived|living|resides|resided|residing|settled|raised|is based|are based|hometown is) in|relocated to|(?:a )?native of|(?:a )?resident of|hometown of';
const RESIDENCE = new RegExp(`\\b(?:${CUE}) (${NAME}(?:${JOIN}${NAME}){0,3})(?![${L}'’-])`, 'gu');
const COUNTRIES = 'afghanistan albania algeria argentina armenia australia austria bangladesh belarus belgium bolivia bosnia brazil bulgaria cambodia cameroon canada chile china colombia croatia cuba cyprus czechia denmark ecuador egypt england estonia ethiopia finland france georgia germany ghana greece guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya korea kosovo latvia lebanon libya lithuania luxembourg malaysia mexico moldova mongolia morocco nepal netherlands nicaragua nigeria norway pakistan panama paraguay peru philippines poland portugal romania russia scotland senegal serbia slovakia slovenia somalia spain sudan sweden switzerland syria taiwan tanzania thailand tunisia turkey uganda ukraine uruguay venezuela vietnam wales yemen zimbabwe españa méxico perú brasil alemania francia italia inglaterra marruecos rumanía'
  + ' alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming';
const NOT_PLACE = new Set(COUNTRIES.split(' '));
const NOT_PLACE_RUN = /^(?:the |el |la )?(?:united states|united kingdom|new zealand|south africa|south korea|north korea|sri lanka|saudi arabia|costa rica|puerto rico|el salvador|dominican republic|new (?:hampshire|jersey|mexico)|north (?:carolina|dakota)|south (?:carolina|dakota)|west virginia|rhode island|district of columbia|estados unidos|reino unido)$/i;

/** A country or US state (any case): Safe Harbor leaves them in. */
export function isCountryOrState(place: string): boolean {
  return NOT_PLACE.has(place.toLowerCase()) || NOT_PLACE_RUN.test(place);
}

// Typed in lower case ("i live in chicago"): nothing marks a town but the place list, so only a
// listed town counts (the longest of up to three words), and a one-word one only when it is no
// ordinary word ("lives in reading", "grew up in mobile").
const LOWER_WORD = "[a-zß-öø-ÿ][a-zß-öø-ÿ'’-]{1,25}";
const RESIDENCE_LOWER = new RegExp(`\\b(?:${CUE}) (${LOWER_WORD}(?: ${LOWER_WORD}){0,2})`, 'g');

/** The cue's letters all occur in "in ", " to " or " of ": a text without them pays one indexOf. */
const HINTS = [' in ', ' to ', ' of '];

export function findResidenceTowns(text: string, sink: Sink): void {
  if (!HINTS.some((h) => text.includes(h))) return;
  for (let m = firstMatch(RESIDENCE, text); m; m = nextMatch(RESIDENCE, text, m)) {
    const town = m[1] ?? '';
    if (NOT_TOWN.test(town.split(/[ -]/)[0] ?? '') || town === town.toUpperCase() || isCountryOrState(town)) continue;
    const start = m.index + m[0].length - town.length;
    sink(start, start + town.length, 'LOCATION', 0.6, 'loc.residence_town');
  }
  const { places, common } = lexicon();
  cuedTowns(text, RESIDENCE_LOWER, (t, n) => places.has(t) && !isCountryOrState(t) && !(n === 1 && common.has(t)), (start, town) => {
    sink(start, start + town.length, 'LOCATION', 0.6, 'loc.residence_town');
    return true;
  });
}

/**
 * For each match of `re` (group 1: the words after a place cue), the longest leading run of them
 * that `accept` takes, given to `report`, which says whether it kept it. Matching resumes at the
 * words, which may hold the next cue ("in chicago and grew up in ..."), or after a kept town.
 */
export function cuedTowns(text: string, re: RegExp, accept: (town: string, n: number) => boolean, report: (start: number, town: string) => boolean): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length - (m[1] ?? '').length;
    re.lastIndex = start;
    const town = longestPlace((m[1] ?? '').split(' '), accept);
    if (town !== undefined && report(start, town)) re.lastIndex = start + town.length;
  }
}

/** The longest run of the leading words (trailing dots and apostrophes dropped) that `accept` takes. */
function longestPlace(words: readonly string[], accept: (town: string, n: number) => boolean): string | undefined {
  for (let n = words.length; n >= 1; n--) {
    const town = words.slice(0, n).join(' ').replace(/[.’']+$/, '');
    if (accept(town, n)) return town;
  }
  return undefined;
}
