/**
 * Dates more specific than a year (English, Spanish, Korean) and ages over 89. A year alone, an
 * age of 89 or under, a blood pressure, a dose fraction and a score are not PHI, so bare m/d pairs
 * need a date cue and every numeric date is checked for a real month and day.
 */
import { matchesAt, regexHits, startsNear, sticky, type HitGroup } from './anchors.js';
import { hangulMatches, type HangulLines } from './lines.js';
import type { Sink } from './types.js';
import { firstMatch, nextMatch } from './exec.js';

// Chat-style text is typed in lower case: the full month names then too, but not "may" (you may 2x).
const EN_MONTH_LOWER = 'january|february|march|april|june|july|august|september|october|november|december';
const EN_MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC|${EN_MONTH_LOWER})`;
const ES_MONTH = String.raw`(?:[Ee]nero|[Ff]ebrero|[Mm]arzo|[Aa]bril|[Mm]ayo|[Jj]unio|[Jj]ulio|[Aa]gosto|[Ss]e(?:p)?tiembre|[Oo]ctubre|[Nn]oviembre|[Dd]iciembre)`;
const LATIN = 'A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f';
const ORD = String.raw`(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:\d{4}|'\d{2})`;

const EN_MDY = new RegExp(String.raw`\b${EN_MONTH}\.? {1,2}(?:[12]\d|3[01]|0?[1-9])${ORD}\b(?:,? {1,2}${YEAR}\b)?`, 'g');
const EN_DMY = new RegExp(String.raw`\b(?:[12]\d|3[01]|0?[1-9])${ORD}(?: of)?[ -]${EN_MONTH}\b\.?(?:,?[ -]${YEAR}\b)?`, 'g');
// Lower-case abbreviations (feb 15, 2023; jul 21st 2021) only with an ordinal or a year after the
// day: "mar 3" or "may 2" alone are as likely a verb and a number.
const EN_MDY_LOWER = new RegExp(String.raw`\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)\.? {1,2}(?:[12]\d|3[01]|0?[1-9])(?:(?:st|nd|rd|th)\b(?:,? {1,2}${YEAR}\b)?|,? {1,2}${YEAR}\b)`, 'g');
const EN_MY = new RegExp(String.raw`\b${EN_MONTH}\.?,? (?:of )?\d{4}\b`, 'g');
const ES_DMY = new RegExp(String.raw`(?<![${LATIN}\d])(?:[12]\d|3[01]|0?[1-9]) (?:de )?${ES_MONTH}(?![${LATIN}])(?:,? (?:de |del )?\d{4}\b)?`, 'g');
const ES_MY = new RegExp(String.raw`(?<![${LATIN}])${ES_MONTH} (?:de |del )?\d{4}\b`, 'g');
const EN_RELATIVE = new RegExp(String.raw`\b(?:last|this past|next) (?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|${EN_MONTH})\b`, 'g');
const ES_MONTH_ALONE = new RegExp(String.raw`(?<=\b(?:en|desde|hasta|mes de|finales de|principios de|mediados de|durante|el pasado) )${ES_MONTH}(?![${LATIN}])(?: (?:del|de) (?:mismo|presente|año) ?(?:año)?)?`, 'g');
// "last week" names no date by itself; next to a named patient or record number it narrows the
// visit down, so scan.ts asks for these only when the text already holds a direct identifier.
const EN_RELATIVE_PERIOD = /\b(?:last|this past) (?:week|month|year|weekend|spring|summer|fall|autumn|winter)\b/g;
// A weekday, for the same reason: beside a name it is one element of the event's date ("seen on
// Monday"). The plural is a habit ("on Mondays"), not a date.
const EN_WEEKDAY = /\b(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day(?![A-Za-z'’])/g;

// The month-name patterns are scanned from their month words (anchors.ts): every match holds one
// at a fixed distance from its start, 0 for month-first forms; day-first: 1-2 digits, an
// ordinal, " of", a separator (English, 2..8 before) or a space and "de " (Spanish, 2..6). The
// month words are found by one pass of their own alternation (about 1 ms per MB; indexOf of
// lower-case literals is no cheaper): it skips a month word starting inside another (mayoctubre),
// which no month pattern could match, since each needs a non-letter before its month word.
const EN_MONTH_START = new RegExp(`Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|${EN_MONTH_LOWER}`, 'g');
const ES_MONTH_START = new RegExp(ES_MONTH, 'g');
/** The global patterns, in monthScans' order, for the test that compares the two. */
export const MONTH_PATTERNS = { words: [EN_MDY, EN_DMY, ES_DMY], alone: ES_MONTH_ALONE, monthYear: [EN_MY, ES_MY] } as const;
const EN_MDY_Y = sticky(EN_MDY);
const EN_DMY_Y = sticky(EN_DMY);
const EN_MY_Y = sticky(EN_MY);
const ES_DMY_Y = sticky(ES_DMY);
const ES_MY_Y = sticky(ES_MY);
const ES_MONTH_ALONE_Y = sticky(ES_MONTH_ALONE);
const isDigitAt = (text: string, p: number): boolean => {
  const c = text.charCodeAt(p);
  return c >= 48 && c <= 57;
};

const at = (hits: readonly number[], minBack: number, maxBack: number): HitGroup => ({ hits, minBack, maxBack });
type Scan = readonly [RegExp, readonly number[]];

/** Each month pattern with the starts to try, in the order findDates has always reported them. */
export function monthScans(text: string): { words: Scan[]; alone: Scan; monthYear: Scan[] } {
  const en = regexHits(text, EN_MONTH_START);
  const es = regexHits(text, ES_MONTH_START);
  // regexHits gives sorted, distinct starts: the month word's own start needs no startsNear.
  const enAt = en;
  const esAt = es;
  return {
    words: [[EN_MDY_Y, enAt], [EN_DMY_Y, startsNear(text, [at(en, 2, 8)], isDigitAt)], [ES_DMY_Y, startsNear(text, [at(es, 2, 6)], isDigitAt)]],
    alone: [ES_MONTH_ALONE_Y, esAt],
    monthYear: [[EN_MY_Y, enAt], [ES_MY_Y, esAt]],
  };
}

export function findRelativeDates(text: string, sink: Sink): void {
  for (let m = firstMatch(EN_RELATIVE_PERIOD, text); m; m = nextMatch(EN_RELATIVE_PERIOD, text, m)) sink(m.index, m.index + m[0].length, 'DATE', 0.55, 'date.relative_period');
  for (let m = firstMatch(EN_WEEKDAY, text); m; m = nextMatch(EN_WEEKDAY, text, m)) sink(m.index, m.index + m[0].length, 'DATE', 0.55, 'date.weekday');
}

const NUMERIC = /(?<![\d/.-])(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?!\d|[/.-]\d)/g;
// A two-digit year first (89.12.27, 49-10-17) reads as a date only after a birth-date cue: alone it
// is as much a version or a lab value as a date.
const BIRTH_YMD = /(?:생년월일|출생일|생일|\bDOB|\bD\.O\.B\.|\bdate of birth|\bbirth ?date|\bfecha de nacimiento|\bF\. ?nac\.?)[ \t]{0,2}[:：]?[ \t]{0,3}(\d{2})([/.-])(\d{1,2})\2(\d{1,2})(?!\d|[/.-]\d)/gi;
// A holiday with its year names one day ("Thanksgiving Day 2025", "Christmas Eve of 2024", "2023년 추석").
const HOLIDAY_YEAR = /\b(?:Christmas(?: Eve| Day)?|New Year['’]?s(?: Eve| Day)?|Thanksgiving(?: Day)?|Easter(?: Sunday| Monday)?|Independence Day|Fourth of July|Memorial Day|Labor Day|Veterans Day|Halloween|Valentine['’]?s Day|Mother['’]?s Day|Father['’]?s Day)(?:,? (?:of |in )?)((?:19|20)\d\d)\b/g;
const KO_HOLIDAY_YEAR = /(?<!\d)(?:19|20)\d\d ?년 ?(?:설날|추석|한가위|성탄절|크리스마스|어린이날|현충일|광복절|개천절|한글날|삼일절|석가탄신일|부처님 ?오신 ?날)/g;
// Korean dotted dates with spaces ("2023. 3. 14."), a four-digit year first; the last dot is the
// sentence's or the format's, and is left out.
const SPACED_YMD = /(?<![\d.])((?:19|20)\d\d)\. ?(1[0-2]|0?[1-9])\. ?(3[01]|[12]\d|0?[1-9])(?!\d|\.\d)/g;
const MONTH_DAY = /(?<![\d/.,-])(\d{1,2})\/(\d{1,2})(?![\d/]|[.,]\d)/g;
const KO_DATE = /(?<!\d)(?:\d{2,4} ?년 ?)?(?:1[0-2]|0?[1-9]) ?월 ?(?:[12]\d|3[01]|0?[1-9]) ?일/g;
const KO_YEAR_MONTH = /(?<!\d)\d{2,4} ?년 ?(?:1[0-2]|0?[1-9]) ?월(?! ?\d)/g;
const KO_MONTH = /(?<![\d.])(?:1[0-2]|0?[1-9]) ?월(?! ?\d)(?![가-힣]*(?:간|동안))/g;
const KO_DAY = /(?<![\d.~-])(?:[12]\d|3[01]|[1-9]) ?일(?![가-힣]*(?:간|동안|째)|\d| ?(?:전|후|뒤|만에|이내|이상|마다|분|치|씩|정도|경과|이후|동안|\d{1,2} ?회))/g;

const AGE_EN = /\b(?:9\d|1[01]\d)(?:[- ]?(?:years?|yrs?)[- ]?old|[- ]?y\/o\b|[- ]?yo\b|[- ]?y\.o\.| ?años| ?anos\b)/g;
const AGE_CUE = /\b(?:aged?|edad|age of)[: ]{1,3}(9\d|1[01]\d)\b/gi;
const AGE_KO = /(?<!\d)(?:9\d|1[01]\d) ?세(?![가-힣])|(?<!\d)(?:9\d|1[01]\d) ?세(?=[이가는의,)])/g;

// A bare m/d needs one of these shortly before (or a Korean cue after), else "BP 120/80", "1/2 tab",
// "Apgar 8/9" would all be dates.
const MD_CUE_BEFORE = /(?:\b(?:on|since|from|until|till|by|dated?|DOB|d\.o\.b\.?|admitted|discharged|seen|el|día|desde|visit|surgery|f\/u|follow-?up|returns?)[ :]{1,2}|(?:예약|내원|방문|입원|퇴원|수술|검사|외래|일자|날짜|예정일|시행일?|촬영일?)[ :]{1,2})$/i;
const MD_CUE_AFTER = /^ ?(?:퇴원|입원|내원|수술|외래|예정|부터|까지|에 |에$|경|일)/;
const LINE_OPEN = /(?:^|\n)[ \t\-*•]{0,3}$/;
const KO_ENTRY_AFTER = /^ [가-힣](?<! [정알포])/;
const SCORE_BEFORE = /(?:apgar|mmse|gcs|bp|b\/p|tension|arterial|score|ratio|tab|tablet|dose|x)\s{0,2}$/i;

function validYmd(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 0;
}

function numericDate(a: string, b: string, c: string): boolean {
  const [x, y, z] = [Number(a), Number(b), Number(c)];
  if (a.length === 4) return c.length <= 2 && x >= 1800 && x <= 2200 && validYmd(x, y, z);
  if (c.length !== 2 && c.length !== 4) return false;
  if (c.length === 4 && (z < 1800 || z > 2200)) return false;
  // m/d/y or d/m/y: either reading makes it a date.
  return validYmd(z, x, y) || validYmd(z, y, x);
}

/** `ko`: the text's Hangul lines, given only when it has Hangul. */
export function findDates(text: string, sink: Sink, ko?: HangulLines): void {
  for (let m = firstMatch(EN_RELATIVE, text); m; m = nextMatch(EN_RELATIVE, text, m)) {
    sink(m.index, m.index + m[0].length, 'DATE', 0.6, 'date.relative');
  }
  const hasDigit = /\d/.test(text);
  if (hasDigit) {
    const months = monthScans(text);
    for (const [re, starts] of months.words) for (const m of matchesAt(text, re, starts)) sink(m.index, m.index + m[0].length, 'DATE', 0.9, 'date.words');
    for (const m of matchesAt(text, ...months.alone)) sink(m.index, m.index + m[0].length, 'DATE', 0.6, 'date.es.month');
    for (const [re, starts] of months.monthYear) for (const m of matchesAt(text, re, starts)) sink(m.index, m.index + m[0].length, 'DATE', 0.75, 'date.month_year');
    for (let m = firstMatch(EN_MDY_LOWER, text); m; m = nextMatch(EN_MDY_LOWER, text, m)) sink(m.index, m.index + m[0].length, 'DATE', 0.85, 'date.words_lower');
    for (let m = firstMatch(NUMERIC, text); m; m = nextMatch(NUMERIC, text, m)) {
      if (numericDate(m[1] ?? '', m[3] ?? '', m[4] ?? '')) sink(m.index, m.index + m[0].length, 'DATE', 0.9, 'date.numeric');
    }
    for (let m = firstMatch(HOLIDAY_YEAR, text); m; m = nextMatch(HOLIDAY_YEAR, text, m)) sink(m.index, m.index + m[0].length, 'DATE', 0.8, 'date.holiday');
    if (ko) for (const m of hangulMatches(ko, KO_HOLIDAY_YEAR)) sink(m.index, m.index + m[0].length, 'DATE', 0.8, 'date.holiday');
    if (text.includes('. ')) {
      for (let m = firstMatch(SPACED_YMD, text); m; m = nextMatch(SPACED_YMD, text, m)) {
        if (validYmd(Number(m[1]), Number(m[2]), Number(m[3]))) sink(m.index, m.index + m[0].length, 'DATE', 0.85, 'date.ymd_spaced');
      }
    }
    for (let m = firstMatch(BIRTH_YMD, text); m; m = nextMatch(BIRTH_YMD, text, m)) {
      const [yy, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
      const len = (m[1] ?? '').length + (m[2] ?? '').length * 2 + (m[3] ?? '').length + (m[4] ?? '').length;
      if (validYmd(yy + 1900, mo, d)) sink(m.index + m[0].length - len, m.index + m[0].length, 'DATE', 0.85, 'date.birth_yymmdd');
    }
    for (let m = firstMatch(MONTH_DAY, text); m; m = nextMatch(MONTH_DAY, text, m)) {
      const mo = Number(m[1]);
      const d = Number(m[2]);
      if (!((mo <= 12 && d <= 31) || (d <= 12 && mo <= 31)) || mo === 0 || d === 0) continue;
      const before = text.slice(Math.max(0, m.index - 14), m.index);
      if (SCORE_BEFORE.test(before)) continue;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
      // A Korean progress entry opens its line with the day ("11/25 신장내과 협진"); "1/2 정" is half a tablet.
      const entry = LINE_OPEN.test(text.slice(Math.max(0, m.index - 4), m.index)) && KO_ENTRY_AFTER.test(after);
      if (MD_CUE_BEFORE.test(before) || MD_CUE_AFTER.test(after) || entry) sink(m.index, m.index + m[0].length, 'DATE', 0.7, 'date.month_day');
    }
    if (ko) {
      for (const m of hangulMatches(ko, KO_DATE)) sink(m.index, m.index + m[0].length, 'DATE', 0.9, 'date.ko');
      for (const m of hangulMatches(ko, KO_YEAR_MONTH)) sink(m.index, m.index + m[0].length, 'DATE', 0.8, 'date.ko.year_month');
      for (const m of hangulMatches(ko, KO_MONTH)) sink(m.index, m.index + m[0].length, 'DATE', 0.6, 'date.ko.month');
      for (const m of hangulMatches(ko, KO_DAY)) sink(m.index, m.index + m[0].length, 'DATE', 0.6, 'date.ko.day');
      for (const m of hangulMatches(ko, AGE_KO)) sink(m.index, m.index + m[0].length, 'AGE_OVER_89', 0.9, 'age.ko');
    }
    for (let m = firstMatch(AGE_EN, text); m; m = nextMatch(AGE_EN, text, m)) sink(m.index, m.index + m[0].length, 'AGE_OVER_89', 0.9, 'age.words');
    for (let m = firstMatch(AGE_CUE, text); m; m = nextMatch(AGE_CUE, text, m)) {
      const v = m[1] ?? '';
      sink(m.index + m[0].length - v.length, m.index + m[0].length, 'AGE_OVER_89', 0.85, 'age.cued');
    }
  }
}
