/**
 * Date shifting that keeps the original's format: the date is cut into tokens (numbers, month and
 * weekday words, literal separators), the roles of the numbers are worked out, the date is moved by
 * a whole number of days, and each token is written back in its original style (padding, 2-digit
 * years, month spelling and case, ordinal suffix, Korean 년/월/일). Intervals between dates of the
 * same patient are therefore preserved exactly.
 */
const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTHS_ES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const DAYS_EN = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAYS_ES = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'];

type Role = 'y' | 'm' | 'd';
interface Tok { text: string; kind: 'num' | 'month' | 'weekday' | 'lit'; role?: Role; suffix?: string; lang?: 'en' | 'es'; }

export type DateOrder = 'mdy' | 'dmy';

export function shiftDate(original: string, offsetDays: number, order: DateOrder = 'mdy'): string | undefined {
  if (/^\p{L}+$/u.test(original)) return shiftWeekday(original, offsetDays);
  const compact = COMPACT.exec(original);
  if (compact) return shiftCompact(compact, offsetDays);
  const toks = tokenize(original);
  if (!toks) return undefined;
  const yearMonth = shiftYearMonth(toks, offsetDays);
  if (yearMonth !== undefined) return yearMonth;
  const nums = toks.filter((t) => t.kind === 'num');
  const month = toks.find((t) => t.kind === 'month');
  if (!assignRoles(toks, nums, month !== undefined, order)) return undefined;
  const get = (r: Role): Tok | undefined => toks.find((t) => t.role === r);
  const yTok = get('y');
  const mTok = month ?? get('m');
  const dTok = get('d');
  if (!mTok || !dTok) return undefined;
  const m = month ? monthIndex(month.text) : Number(mTok.text) - 1;
  const d = Number(dTok.text);
  let y: number;
  if (yTok) y = yTok.text.length <= 2 ? expandYear(Number(yTok.text)) : Number(yTok.text);
  else y = m === 1 && d === 29 ? 2000 : 2001; // no year written: any year that has the date
  if (m < 0 || m > 11 || d < 1 || d > daysIn(y, m)) return undefined;
  const shifted = addDays(y, m, d, offsetDays);
  const md = toks.filter((t) => t.kind === 'num' && t.role !== 'y');
  const padded = md.some((t) => t.text.startsWith('0')) || (!md.some((t) => t.text.length === 1) && !month && !toks.some((t) => /[년월일]/.test(t.text)));
  const ny = shifted.getUTCFullYear();
  const nm = shifted.getUTCMonth();
  const nd = shifted.getUTCDate();
  return toks.map((t) => {
    if (t.kind === 'weekday') return styleWord(weekdayName(t.text, shifted.getUTCDay()), t.text);
    if (t.kind === 'month') return styleWord(monthName(t, nm), t.text);
    if (t.kind !== 'num') return t.text;
    const v = t.role === 'y' ? (t.text.length <= 2 ? ny % 100 : ny) : t.role === 'm' ? nm + 1 : nd;
    const body = t.role === 'y' ? String(v).padStart(t.text.length, '0') : padded ? String(v).padStart(2, '0') : String(v);
    return t.suffix !== undefined ? body + ordinal(v, t.suffix) : body;
  }).join('');
}

// HL7 and ISO basic format: YYYYMMDD, with an optional time (HHMM, HHMMSS) kept as written.
const COMPACT = /^((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(\d{4}(?:\d\d)?)?$/;

function shiftCompact(m: RegExpExecArray, offsetDays: number): string | undefined {
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  const d = Number(m[3]);
  if (d > daysIn(y, mo)) return undefined;
  const t = addDays(y, mo, d, offsetDays);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}${two(t.getUTCMonth() + 1)}${two(t.getUTCDate())}${m[4] ?? ''}`;
}

/**
 * A month and a year with no day ("March 2023", "2026년 10월"): moved as the middle of that month
 * would be, so it lands in the month the patient's other dates move to.
 */
function shiftYearMonth(toks: readonly Tok[], offsetDays: number): string | undefined {
  const nums = toks.filter((t) => t.kind === 'num');
  const word = toks.find((t) => t.kind === 'month');
  const next = (t: Tok): string => toks[toks.indexOf(t) + 1]?.text ?? '';
  let yTok: Tok | undefined;
  let mTok: Tok | undefined;
  if (word && nums.length === 1 && nums[0]?.text.length === 4) yTok = nums[0];
  else if (!word && nums.length === 2 && nums[0] && nums[1] && next(nums[0]).startsWith('년') && next(nums[1]).startsWith('월')) [yTok, mTok] = [nums[0], nums[1]];
  if (!yTok || (!word && !mTok)) return undefined;
  const m = word ? monthIndex(word.text) : Number(mTok?.text) - 1;
  if (m < 0 || m > 11) return undefined;
  const t = addDays(Number(yTok.text), m, 15, offsetDays);
  return toks.map((k) => {
    if (k === yTok) return String(t.getUTCFullYear());
    if (k === mTok) return String(t.getUTCMonth() + 1).padStart(k.text.startsWith('0') ? 2 : 1, '0');
    if (k.kind === 'month') return styleWord(monthName(k, t.getUTCMonth()), k.text);
    return k.text;
  }).join('');
}

function tokenize(s: string): Tok[] | undefined {
  const toks: Tok[] = [];
  const re = /(\d{1,4})(st|nd|rd|th|ST|ND|RD|TH|º|°)?|([\p{L}]+\.?)|([^\d\p{L}]+)/gu;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m[1] !== undefined) {
      toks.push({ text: m[1], kind: 'num', ...(m[2] !== undefined ? { suffix: m[2] } : {}) });
    } else if (m[3] !== undefined) {
      const word = m[3].replace(/\.$/, '');
      const lower = word.toLowerCase();
      if (monthIndex(word) >= 0) toks.push({ text: word, kind: 'month', lang: MONTHS_ES.some((x) => x.startsWith(lower)) && !MONTHS_EN.some((x) => x.startsWith(lower)) ? 'es' : 'en' });
      else if (isWeekday(lower)) toks.push({ text: word, kind: 'weekday' });
      else toks.push({ text: word, kind: 'lit' });
      if (m[3].endsWith('.')) toks.push({ text: '.', kind: 'lit' });
    } else {
      toks.push({ text: m[4] ?? '', kind: 'lit' });
    }
  }
  return toks.some((t) => t.kind === 'num') ? toks : undefined;
}

function assignRoles(toks: Tok[], nums: Tok[], hasMonthWord: boolean, order: DateOrder): boolean {
  // Korean markers name the role directly: 2023년 3월 14일.
  let korean = false;
  toks.forEach((t, i) => {
    const next = toks[i + 1]?.text ?? '';
    if (t.kind !== 'num') return;
    if (next.startsWith('년')) { t.role = 'y'; korean = true; }
    else if (next.startsWith('월')) { t.role = 'm'; korean = true; }
    else if (next.startsWith('일')) { t.role = 'd'; korean = true; }
  });
  if (korean) return nums.some((t) => t.role === 'm') && nums.some((t) => t.role === 'd');
  if (hasMonthWord) {
    const year = nums.find((t) => t.text.length >= 3) ?? (nums.length === 2 ? nums[1] : undefined);
    for (const t of nums) t.role = t === year ? 'y' : 'd';
    return nums.filter((t) => t.role === 'd').length === 1 && nums.length <= 2;
  }
  if (nums.length === 3) {
    const [a, b, c] = nums as [Tok, Tok, Tok];
    if (a.text.length === 4) [a.role, b.role, c.role] = ['y', 'm', 'd'];
    else {
      const dmy = Number(a.text) > 12 || (order === 'dmy' && Number(b.text) <= 12) || (toks[1]?.text === '.' && Number(b.text) <= 12);
      [a.role, b.role, c.role] = dmy ? ['d', 'm', 'y'] : ['m', 'd', 'y'];
    }
    return true;
  }
  if (nums.length === 2) {
    const [a, b] = nums as [Tok, Tok];
    const dm = Number(a.text) > 12 || order === 'dmy';
    [a.role, b.role] = dm ? ['d', 'm'] : ['m', 'd'];
    return true;
  }
  return false;
}

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return -1;
  for (const list of [MONTHS_EN, MONTHS_ES]) {
    const i = list.findIndex((m) => m === w || (w.length >= 3 && m.startsWith(w) && (w.length === 3 || w === 'sept')));
    if (i >= 0) return i;
  }
  return -1;
}

function monthName(t: Tok, month: number): string {
  const list = t.lang === 'es' ? MONTHS_ES : MONTHS_EN;
  const full = list[month] ?? '';
  const lower = t.text.toLowerCase();
  const isFull = list.includes(lower);
  if (isFull) return full;
  return lower === 'sept' && month === 8 ? 'sept' : full.slice(0, 3);
}

function isWeekday(w: string): boolean {
  return DAYS_EN.some((d) => d === w || d.slice(0, 3) === w) || DAYS_ES.includes(w);
}

/**
 * A weekday alone (reported beside a named patient: "seen on Monday") moves by the same offset as
 * the patient's dates, so "Monday ... Wednesday" stays two days apart.
 */
function shiftWeekday(original: string, offsetDays: number): string | undefined {
  const lower = original.toLowerCase();
  const en = DAYS_EN.findIndex((d) => d === lower || d.slice(0, 3) === lower);
  const day = en >= 0 ? en : DAYS_ES.indexOf(lower);
  if (day < 0) return undefined;
  return styleWord(weekdayName(original, (((day + offsetDays) % 7) + 7) % 7), original);
}

function weekdayName(like: string, day: number): string {
  const lower = like.toLowerCase();
  if (DAYS_ES.includes(lower)) return DAYS_ES[day] ?? '';
  const full = DAYS_EN[day] ?? '';
  return lower.length === 3 ? full.slice(0, 3) : full;
}

function styleWord(value: string, like: string): string {
  if (like.length > 1 && like === like.toUpperCase()) return value.toUpperCase();
  if (like[0] !== undefined && like[0] === like[0].toUpperCase() && like[0] !== like[0].toLowerCase()) return value[0]?.toUpperCase() + value.slice(1);
  return value;
}

const expandYear = (yy: number): number => (yy < 50 ? 2000 + yy : 1900 + yy);
const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
/** The UTC date `days` after y-m-d (month 0-based). */
const addDays = (y: number, m: number, d: number, days: number): Date => new Date(Date.UTC(y, m, d) + days * 86_400_000);

function ordinal(v: number, like: string): string {
  if (like === 'º' || like === '°') return like;
  const upper = like === like.toUpperCase();
  const s = v % 100 >= 11 && v % 100 <= 13 ? 'th' : v % 10 === 1 ? 'st' : v % 10 === 2 ? 'nd' : v % 10 === 3 ? 'rd' : 'th';
  return upper ? s.toUpperCase() : s;
}
