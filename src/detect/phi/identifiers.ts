/**
 * Numbers that identify a person: SSN, Korean RRN/FRN, cards, IBAN, NPI, DEA, VIN, plates, and
 * record / plan / account / licence / device numbers announced by a cue word.
 */
import { isValidAba, isValidCard, isValidDea, isValidIban, isValidKrRrnChecksum, isValidNpi, isValidVin } from './checksums.js';
import type { PhiType, Sink } from './types.js';
import { hangulMatches, type HangulLines } from './lines.js';
import { firstMatch, nextMatch } from './exec.js';
import { grouped } from './alternation.js';

const SSN = /(?<![\d-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])/g;
// YYMMDD-GNNNNNN; G 1-4 (1900s/2000s), 9/0 (1800s), 5-8 foreigners. Hyphen optional.
// The birth date both forms open with.
const YYMMDD = String.raw`(?<![\d-])\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])`;
const KR_RRN = new RegExp(String.raw`${YYMMDD}(?: ?[-–] ?)?[0-9]\d{6}(?![\d-])`, 'g');
// A partly masked number still shows the birth date and the sex digit ("920315-2******").
const KR_RRN_MASKED = new RegExp(String.raw`${YYMMDD} ?[-–] ?[0-9](?:[*xX●•]{6}|\d{0,5}[*xX●•]{1,6})(?![\d*xX●•])`, 'g');
const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;
// Either case: chat-style text is typed in lower case, and the mod-97 check (1 in 97 by chance) decides.
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/gi;
const DEA = /\b[ABCDEFGHJKLMPRSTUX][A-Z9]\d{7}\b/g;
const VIN = /\b[A-HJ-NPR-Z0-9]{17}\b/g;
const KR_PASSPORT = /(?<![A-Za-z0-9])[MSRODG](?:\d{8}|\d{3}[A-Z]\d{4})(?![A-Za-z0-9])/g;
const NPI = /\bNPI(?:\s?(?:number|no|#))?(?: is| was| of)?[\s:#.]{0,4}(\d{10})(?!\d)/gi;
const KR_DRIVER = /(?<![\d-])\d{2}-\d{2}-\d{6}-\d{2}(?![\d-])/g;
const KR_PLATE = /(?<!\d)\d{2,3} ?[가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주아바사자배하허호] ?\d{4}(?!\d)/g;

// One alternation so the cue nearest the number wins; the group name is the type.
// Every cue starts a word with a letter or Hangul: saying so up front (a one-character look-behind
// and look-ahead) lets V8 reject most positions before trying the alternation, 2.6x faster on 1 MB.
// Built grouped by first letter (alternation.ts), inside each type's group: the same matches, a
// sixth faster.
const CUE_ID = grouped(new RegExp(
  String.raw`(?<![a-z0-9_])(?=[a-z가-힣])(?:(?<MRN>\bMRN|\bMR ?#|\bMR ?No\b|\bMedRec|\bmed(?:ical)? ?rec(?:ord)?s?(?: ?(?:number|no|#))?|\brecords? ?(?:number|no|#|show id|id)?|\bchart ?(?:number|no|#)|\bhospital ?(?:number|no|#)|\bNHC\b|\bCIPA\b|\bhistoria cl[ií]nica|(?<![가-힣])(?:병록번호|등록번호|환자번호|차트번호))` +
  String.raw`|(?<HEALTH_PLAN_ID>\bmember ?(?:id|number|no|#)|\bpolicy|\b(?:insurance |health |HMO |PPO )?plan(?: ?(?:id|number|no|#))?|\bins\.?(?= ?#)|\binsur(?:er|ance)? ?(?:id|#)|\bHMO ?(?:id|#)?|\bHBN|\bhealth ?id|\binsurance(?: ?(?:id|number|no|#|card))?|\bhealth ?plan|\bbeneficiary|\bmedicare|\bmedicaid|\bsubscriber ?(?:id|number|no|#)?|\bgroup ?(?:number|no|#)|\bNASS\b|\bseguridad social|\btarjeta sanitaria|\bCIP\b|\bafiliaci[oó]n|\bp[oó]liza|건강보험 ?증?번호|보험증 ?번호|건강보험)` +
  String.raw`|(?<ACCOUNT>\baccount(?: ?(?:number|no|#))?|\b(?:credit |debit )?card(?: ?(?:number|no|#))?|\bacct|\bcuenta|\brouting|\bIBAN\b|계좌(?:번호)?)` +
  String.raw`|(?<LICENSE>\blicen[cs]e(?: ?(?:number|no|#))?|\blic ?#|\bcertificate|\bcolegiado|\bN[º°o] ?Col\b|면허번호|자격번호)` +
  String.raw`|(?<DEVICE_ID>\bserial(?: ?(?:number|no|#))?|\bS\/N|\bSN(?= ?[:#])|\bdevice ?(?:id|identifier|number)|\bUDI\b|\bimplant ?(?:id|number)|일련번호|시리얼 ?번호)` +
  String.raw`|(?<VEHICLE>\blicen[cs]e plate|\bplate ?(?:number|no|#)?|\bmatr[ií]cula|\bVIN\b|차량 ?번호)` +
  String.raw`|(?<SSN>\bSSN|\bsocial security(?: ?(?:number|no|#))?|\bSS ?#)` +
  String.raw`|(?<ID>\bacc(?:ession)? ?(?:number|no|#)|\baccession|\bpatient ?id|\bpt ?id|\bpatient(?= ?#\d{4})|\bpt\.?(?= ?#\d{4})|\bID ?(?:number|no|#)|\bidentifier|\bcase ?(?:number|no|#)?|\bref(?:erence)? ?(?:number|no|#)?|\bepisodio|\bpassport|\bpasaporte|\bDNI\b|\bNIF\b|\bNIE\b|\bemployee ?id|여권 ?번호|사원번호))` +
  // A '#' glued to the id belongs to it ("record #EM-345678"); a free-standing one is punctuation.
  String.raw`(?![a-z])(?:\s{0,3}(?:number|no|nr|n[º°o]|id|is|es|de|del|was|제|:|=|#(?![A-Za-z0-9]))\.?){0,3}(?:[\s:.]|#(?![A-Za-z0-9])){0,3}` +
  String.raw`(?=[#A-Za-z./-]{0,12}\d)(?<id>#?[A-Za-z0-9](?:[A-Za-z0-9]|[-/.](?=[A-Za-z0-9])| (?=\d)){1,30})`,
  'gi',
));

const DIGIT = /\d/g;

function countDigits(s: string): number {
  DIGIT.lastIndex = 0;
  return (s.match(DIGIT) ?? []).length;
}

function sinkCued(type: PhiType, start: number, raw: string, sink: Sink): void {
  let v = raw.replace(/[-/.]+$/, '');
  // A lower-case letter means a word, not an identifier ("policy for 2 years"), unless it is a short
  // prefix joined to the digits ("NHC: nhc-2141304", "CIPA: nhc/976421").
  // Nor is a short letter prefix on a number typed in lower case ("xyz123456789", "#sf-998877",
  // "ucsf-20210930-567").
  const bare = v.replace(/^#/, '');
  if (/[a-z]/.test(bare) && !/^[A-Za-z]?\d/.test(v) && !/^[A-Za-z]{1,6}[-/]?\d+(?:-\d+)*$/.test(bare)) return;
  if (countDigits(v) < 2 || v.length < 3) return;
  if (/^(?:19|20)\d\d$/.test(v)) return;
  // An SSN cue before an impossible SSN (area 000/666/9xx) still announces an identifier: hide it, but not as an SSN.
  if (type === 'SSN' && /^(?:000|666|9\d\d)/.test(v.replace(/\D/g, ''))) {
    sink(start, start + v.length, 'ID', 0.6, 'id.cued.invalid_ssn');
    return;
  }
  // Trailing isolated word after a space (e.g. "12345 MRN") is not part of the id.
  v = v.replace(/ [A-Za-z]+$/, '');
  // A lower-case prefix repeats the cue ("nhc-"): the number alone is the identifier.
  const prefix = /^[a-z]{2,4}[-/](?=\d+$)/.exec(v)?.[0].length ?? 0;
  sink(start + prefix, start + v.length, type, 0.92, `id.cued.${type.toLowerCase()}`);
}

export function findIdentifiers(text: string, sink: Sink, ko: HangulLines): void {
  for (let m = firstMatch(SSN, text); m; m = nextMatch(SSN, text, m)) sink(m.index, m.index + m[0].length, 'SSN', 0.9, 'ssn');
  for (let m = firstMatch(KR_RRN, text); m; m = nextMatch(KR_RRN, text, m)) {
    const digits = m[0].replace(/\D/g, '');
    const g = digits.charCodeAt(6) - 48;
    const foreign = g >= 5 && g <= 8;
    const hyphen = /[-–]/.test(m[0]);
    const score = isValidKrRrnChecksum(digits) ? 0.98 : hyphen ? 0.85 : 0.7;
    sink(m.index, m.index + m[0].length, foreign ? 'KR_FRN' : 'KR_RRN', score, foreign ? 'kr.frn' : 'kr.rrn');
  }
  for (let m = firstMatch(KR_RRN_MASKED, text); m; m = nextMatch(KR_RRN_MASKED, text, m)) sink(m.index, m.index + m[0].length, 'KR_RRN', 0.8, 'kr.rrn_masked');
  for (let m = firstMatch(CARD, text); m; m = nextMatch(CARD, text, m)) {
    if (isValidCard(m[0])) sink(m.index, m.index + m[0].length, 'CREDIT_CARD', 0.95, 'card.luhn');
  }
  for (let m = firstMatch(IBAN, text); m; m = nextMatch(IBAN, text, m)) if (isValidIban(m[0])) sink(m.index, m.index + m[0].length, 'ACCOUNT', 0.95, 'iban');
  for (let m = firstMatch(DEA, text); m; m = nextMatch(DEA, text, m)) if (isValidDea(m[0])) sink(m.index, m.index + m[0].length, 'DEA', 0.8, 'dea');
  for (let m = firstMatch(VIN, text); m; m = nextMatch(VIN, text, m)) {
    if (/\d/.test(m[0]) && /[A-Z]/.test(m[0]) && isValidVin(m[0])) sink(m.index, m.index + m[0].length, 'VEHICLE', 0.9, 'vin');
  }
  for (let m = firstMatch(KR_PASSPORT, text); m; m = nextMatch(KR_PASSPORT, text, m)) sink(m.index, m.index + m[0].length, 'ID', 0.75, 'kr.passport');
  for (let m = firstMatch(KR_DRIVER, text); m; m = nextMatch(KR_DRIVER, text, m)) sink(m.index, m.index + m[0].length, 'LICENSE', 0.9, 'kr.driver');
  for (const m of hangulMatches(ko, KR_PLATE)) {
    // Old plates carry a region ("서울 12가 3456"); a number glued to other Hangul is not a plate.
    const region = /(?:^|[^\uac00-\ud7a3])([\uac00-\ud7a3]{2} ?)$/.exec(text.slice(Math.max(0, m.index - 4), m.index));
    const glued = m.index > 0 && /[\uac00-\ud7a3]/.test(text[m.index - 1] ?? '');
    if (glued && !region) continue;
    const start = region ? m.index - (region[1]?.length ?? 0) : m.index;
    sink(start, m.index + m[0].length, 'VEHICLE', 0.8, 'kr.plate');
  }
  for (let m = firstMatch(CUE_ID, text); m; m = nextMatch(CUE_ID, text, m)) {
    const g = m.groups ?? {};
    const id = g.id;
    if (!id) continue;
    const type = (Object.keys(g).find((k) => k !== 'id' && g[k] !== undefined) ?? 'ID') as PhiType;
    const start = m.index + m[0].length - id.length;
    const digits = id.replace(/\D/g, '');
    if (type === 'ACCOUNT' && digits.length === 9 && isValidAba(digits)) {
      sink(start, start + id.length, 'ACCOUNT', 0.95, 'aba');
      continue;
    }
    if (type === 'LICENSE' && /NPI/i.test(m[0]) && isValidNpi(digits)) {
      sink(start, start + id.length, 'NPI', 0.95, 'npi');
      continue;
    }
    sinkCued(type, start, id, sink);
  }
  for (let m = firstMatch(NPI, text); m; m = nextMatch(NPI, text, m)) if (isValidNpi(m[1] ?? '')) sink(m.index + m[0].length - (m[1]?.length ?? 0), m.index + m[0].length, 'NPI', 0.95, 'npi');
}

