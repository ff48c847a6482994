/**
 * Korean personal names. Four shapes:
 *  1. surname + one or two given-name syllables (김민수, 남궁민), alone or with a particle/honorific;
 *     a role cue (환자, 보호자, 교수, 님, 씨, 배우, 장관, "성명:") makes it confident; without one
 *     both given syllables must be typical and the word must not be a known everyday or clinical
 *     word that merely starts with a surname syllable (정상, 조영제, 신장 ...);
 *  2. a surname alone before 씨/모씨/군/양 (김씨, 최모(32)씨), as news and notes abbreviate;
 *  3. a Hangul spelling of a foreign given name (엠마, 존 메이어, 레이첼맥아담스);
 *  4. any short Hangul word directly followed by a person title (오바마 대통령, 케리 장관);
 * plus a single Latin capital before 씨/군/양/기자 (A씨, K기자), the usual anonymisation in news.
 */
import { lexicon } from './lexicon.js';
import {
  AMBIGUOUS_SURNAME, BEFORE_CUE, FOREIGN_AMBIGUOUS, FOREIGN_FAMILY, FOREIGN_GIVEN, KO_NOT_NAMES, PARTICLES,
  PARTICLE_SYLLABLE, TITLE_AFTER, TITLE_WORD_END,
} from './names-ko-lists.js';
import { findKoreanExtras, gluedName, KIN, uncuedScore } from './names-ko-more.js';
import { findNamesKoreanModel, keepWeakSpans } from './ko-model/index.js';
import { koWords, type KoWords } from './ko-model/features.js';
import type { Sink } from './types.js';
import { hangulPieces, type HangulLines } from './lines.js';
import { firstMatch, nextMatch } from './exec.js';
import { before8, nextWord, stripParticle, titleFollows } from './names-ko-words.js';

const LATIN_ANON = /(?<![A-Za-z0-9])[A-Z](?= ?(?:\(\d{1,3}[^)]{0,8}\) ?)?(?:씨|(?:군|양)(?:[은는이가을를의과와도]|에게)?(?![가-힣])|모씨|기자|원사|교수|의원|판사|검사|변호사|대표|회장|사장|환자|님|여성|남성|학생|경사|경위|경장|순경|교사|씨\b))/g;
const SURNAME_ALONE = /^(?: ?(?:씨|모씨|모 씨|(?:군|양)(?:[은는이가을를의과와도]|에게)?(?![가-힣]))|모 ?\(\d{1,3})/;
// Titles strong enough after a lone surname that is also a word (이 의원, 전 위원장, 박 전 차관).
const RANK_TITLE = /^(?:전 )?(?:의원|장관|차관|위원장|대표|회장|부회장|총괄회장|사장|부사장|총리|청장|총장|경사|경장|경위|경감|순경|판사|검사|감독|전무|상무|이사장|지사|시장|군수|대통령|국무총리|대변인|본부장|의장|대사|지청장|경정)/;
// Adnominal and verb endings (대단한, 세계적인, 다른, 보여줬던): the word describes the title, it is not a name.
const NOT_NAME_END = /(?:[는던한된은운인른난적했할될다고게서며해어히려도만를을에께들]|적인)$/;
const CLINICAL_ROLE = /^(?:환자|환아|보호자|의사|간호사|검사|교수|선생|원장|과장|부장|실장|팀장|전공의|주치의|담당의)/;
const ORG_END = /(?:당|부|청|원|회|처|단|국|사|소|대|교|시|도|군|구|동|팀|실|과|연합|그룹|은행|일보|뉴스|방송|협회|재단|센터|병원|학교)$/;

// An administrative unit followed by a smaller one (경기도 성남시, 성남시 분당구, 분당구 판교역로): the
// words of an address, which a surname syllable (경, 성) can make look like a name.
const UNIT_END = /[도시군구]$/;
const NEXT_UNIT = /^ [가-힣]{1,10}(?:[시군구동읍면리]|로|길)(?![가-힣])/;
const PREV_UNIT = /(?:^|[^가-힣])[가-힣]{1,10}[도시군구] $/;

function addressPart(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  if (!UNIT_END.test(word)) return false;
  return NEXT_UNIT.test(text.slice(end, end + 14)) || (/[시군구]$/.test(word) && PREV_UNIT.test(text.slice(Math.max(0, start - 13), start)));
}

export function findNamesKorean(text: string, outer: Sink, ko: HangulLines): void {
  const lex = lexicon();
  const found: Array<[number, number]> = [];
  // The model's word list, built at most once per scan and only if the model is asked.
  let words: KoWords | undefined;
  const wordsOf = (): KoWords => (words ??= koWords(text, ko));
  const sink: Sink = (start, end, type, score, rule) => {
    if (addressPart(text, start, end)) return;
    found.push([start, end]);
    outer(start, end, type, score, rule);
  };
  if (text.includes('씨') || text.includes('기자') || text.includes('군') || text.includes('양') || text.includes('님')) {
    for (let m = firstMatch(LATIN_ANON, text); m; m = nextMatch(LATIN_ANON, text, m)) sink(m.index, m.index + 1, 'NAME', 0.8, 'name.ko.anon');
  }
  let skipUntil = 0;
  // Title-rule spans wait for the model's veto (ko-model/index.ts) before they count as found,
  // so a vetoed one is not joined to its neighbours or repeated either.
  const titleSpans: Array<[number, number]> = [];
  const pieces = hangulPieces(ko);
  for (let r = 0; r < pieces.start.length; r++) {
    const at = pieces.start[r] ?? 0;
    if (at < skipUntil) continue;
    const run = text.slice(at, pieces.end[r] ?? at);
    // 천원, 3선, 2번 환자: a Hangul word glued to a number is a unit or an ordinal.
    const prevCh = text.charCodeAt(at - 1);
    if (prevCh >= 48 && prevCh <= 57) continue;
    const runEnd = at + run.length;
    // The cue regex is only worth running for words that start like a Korean name.
    const cueBefore = (lex.koSurnames.has(run[0] ?? '') || lex.koSurnames.has(run.slice(0, 2))) && BEFORE_CUE.test(before8(text, at));
    if (koreanShaped(text, run, at, cueBefore, lex.koSurnames, lex.koGiven, lex.koGivenSyllables, sink)) continue;
    // 2. surname alone: 김씨, 최모(32)씨, 이 씨 (not 이/전/한 ... + title, those are words).
    if (run.length <= 3 && lex.koSurnames.has(run[0] ?? '')) {
      const rest = run.slice(1);
      const tail = text.slice(at + 1, at + 8);
      // 김모 과장, 박모 상경: 모 hides the given name (not 고모/이모, aunts).
      const hidden = rest === '모' && !'고이'.includes(run[0] ?? '') && TITLE_AFTER.test(nextWord(text, runEnd));
      if (hidden || ((rest === '' || rest.startsWith('씨') || rest.startsWith('모')) && SURNAME_ALONE.test(tail))) {
        sink(at, at + 1, 'NAME', 0.85, 'name.ko.surname');
        continue;
      }
      const opener = at === 0 || /[\s(,·[]/.test(text[at - 1] ?? '');
      const after = text.slice(runEnd, runEnd + 12);
      const titled = !'두한모'.includes(run) && (run !== '전' || after.startsWith(' 전 ')) && (after.startsWith(' ') && RANK_TITLE.test(after.slice(1))) || (after.startsWith('모 ') && TITLE_AFTER.test(after.slice(2)));
      if (run.length === 1 && opener && (titled || (!AMBIGUOUS_SURNAME.has(run) && TITLE_AFTER.test(nextWord(text, runEnd)) && nextWord(text, runEnd).length >= 2))) {
        sink(at, at + 1, 'NAME', 0.7, 'name.ko.surname');
        continue;
      }
    }
    const stem = stripParticle(run);
    const rest = run.slice(stem.length);
    // 3. foreign given names in Hangul, with the following word as surname when there is one.
    const foreign = foreignName(text, stem, rest, at);
    if (foreign > 0) {
      sink(at, foreign, 'NAME', 0.7, 'name.ko.foreign');
      skipUntil = foreign;
      continue;
    }
    // 4. any short word before a person title, but not a clinical role (상기 환자, 당뇨 환자, 정밀 검사).
    // Cheapest tests first: most runs fail on length or the word lists before any look-ahead.
    if (stem.length >= 2 && stem.length <= 6 && !KO_NOT_NAMES.has(stem) && !ORG_END.test(stem) && !NOT_NAME_END.test(stem) && !TITLE_AFTER.test(stem) && !/번째?$/.test(before8(text, at)) && titleFollows(text, at + stem.length, rest) && !CLINICAL_ROLE.test(rest === '' ? nextWord(text, at + stem.length) : rest)) {
      titleSpans.push([at, at + stem.length]);
    }
  }
  for (const [a, b] of keepWeakSpans(text, titleSpans, ko, undefined, wordsOf)) sink(a, b, 'NAME', 0.65, 'name.ko.title');
  if (found.length > 0) coordinated(text, ko, found, outer, wordsOf);
  findKoreanExtras(text, ko, found, outer);
  // The learned model adds names the rules leave out; a rule span stands (ko-model/index.ts).
  findNamesKoreanModel(text, found, outer, undefined, ko, wordsOf);
}

const LIST_SEP_AFTER = /^ ?[,·/] ?$/;
const LIST_SEP_BEFORE = /^(?:[와과랑]|이랑)? ?[,·/]? ?$/;

/**
 * Names listed together (박규리, 한승연, 구하라; 탕웨이와 장백지): a word joined to a found name by a
 * comma, middle dot or 와/과/랑 is a name too, when it looks like one (short, not a known word).
 */
function coordinated(text: string, ko: HangulLines, found: Array<[number, number]>, sink: Sink, wordsOf: () => KoWords): void {
  const surnames = lexicon().koSurnames;
  const starts = new Map<number, number>();
  const ends = new Map<number, number>();
  for (const [a, b] of found) { starts.set(a, b); ends.set(b, a); }
  // Only runs that begin within a few characters of a found name can be joined to it.
  // near[p]: a found name ends 1-4 before p; nearEnd[p]: one starts within 4 of p (a particle of up
  // to four syllables plus a separator may sit between a run's stem and the name).
  const near = new Uint8Array(text.length + 9);
  for (const [a, b] of found) {
    for (let d = 1; d <= 4; d++) near[b + d] = (near[b + d] ?? 0) | 1;
    for (let d = -4; d <= 4; d++) if (a + d >= 0) near[a + d] = (near[a + d] ?? 0) | 2;
  }
  // Joined words wait for the model's veto too (dev, rules alone: 45 names, 11 false positives).
  const joins: Array<[number, number]> = [];
  const pieces = hangulPieces(ko);
  for (let r = 0; r < pieces.start.length; r++) {
    const at = pieces.start[r] ?? 0;
    const pieceEnd = pieces.end[r] ?? at;
    if (starts.has(at)) continue;
    if ((near[at] ?? 0) % 2 === 0 && ((near[pieceEnd] ?? 0) & 2) === 0) continue;
    const piece = text.slice(at, pieceEnd);
    const stem = stripParticle(piece);
    if (stem.length < 2 || stem.length > 6 || KO_NOT_NAMES.has(stem) || NOT_NAME_END.test(stem) || TITLE_AFTER.test(stem) || ORG_END.test(stem)) continue;
    let joined = false;
    // A found name ending shortly before: "이름, " / "이름과 " / "이름·".
    for (let p = Math.max(0, at - 4); p < at && !joined; p++) if (ends.has(p) && LIST_SEP_BEFORE.test(text.slice(p, at)) && text.slice(p, at).trim() !== '') joined = true;
    // A found name starting shortly after: "[이름], 이름" / "[이름]과 이름".
    const stemEnd = at + stem.length;
    for (let q = stemEnd + 1; q <= stemEnd + 4 && !joined; q++) if (starts.has(q) && LIST_SEP_AFTER.test(text.slice(stemEnd, q)) && piece.length === stem.length) joined = true;
    // Names listed with spaces only ("김희갑 구봉서 황정순"): the neighbour must be Korean-shaped itself.
    if (!joined && stem.length === 3 && surnames.has(stem[0] ?? '') && !KO_NOT_NAMES.has(stem.slice(0, 2))) {
      joined = (ends.has(at - 1) && text[at - 1] === ' ') || (starts.has(stemEnd + 1) && text[stemEnd] === ' ' && piece.length === stem.length);
    }
    if (joined) joins.push([at, stemEnd]);
  }
  for (const [a, b] of keepWeakSpans(text, joins, ko, undefined, wordsOf)) sink(a, b, 'NAME', 0.6, 'name.ko.list_join');
}

/** 존 메이어, 엠마와, 레이첼맥아담스: returns the end offset of the name, or 0. */
function foreignName(text: string, stem: string, rest: string, at: number): number {
  if (KO_NOT_NAMES.has(stem)) return 0;
  if (FOREIGN_FAMILY.has(stem) && !FOREIGN_AMBIGUOUS.has(stem)) {
    // 오카다 마사키, 고토 겐지: a Japanese family name takes the given name after it.
    const nxt = rest === '' && text[at + stem.length] === ' ' ? stripParticle(nextWord(text, at + stem.length)) : '';
    const takeNext = nxt.length >= 2 && nxt.length <= 4 && !KO_NOT_NAMES.has(nxt) && !TITLE_AFTER.test(nxt) && !NOT_NAME_END.test(nxt);
    return takeNext ? at + stem.length + 1 + nxt.length : at + stem.length;
  }
  if (FOREIGN_GIVEN.has(stem)) {
    if (rest === '' && text[at + stem.length] === ' ') {
      const nxt = nextWord(text, at + stem.length);
      const sur = stripParticle(nxt);
      if (sur.length >= 1 && sur.length <= 5 && !KO_NOT_NAMES.has(sur) && !TITLE_AFTER.test(sur)) return at + stem.length + 1 + sur.length;
    }
    if (!FOREIGN_AMBIGUOUS.has(stem) && stem.length >= 2) return at + stem.length;
    return 0;
  }
  // Written together: the longest listed given name as a prefix, at least two syllables of surname after it.
  for (let g = Math.min(5, stem.length - 2); g >= 2; g--) {
    if (FOREIGN_GIVEN.has(stem.slice(0, g)) && !FOREIGN_AMBIGUOUS.has(stem.slice(0, g))) return at + stem.length;
  }
  return 0;
}

function koreanShaped(
  text: string, run: string, at: number, cueBefore: boolean,
  surnames: ReadonlySet<string>, givenNames: ReadonlySet<string>, givenSyllables: ReadonlySet<string>, sink: Sink,
): boolean {
  if (run.length < 2) return false;
  const compound = run.length >= 3 && surnames.has(run.slice(0, 2));
  const sLen = compound ? 2 : 1;
  if (!compound && !surnames.has(run[0] ?? '')) return false;
  // 공관위원장, 외환은행장: the whole word is a title; A양이: an initial, handled elsewhere.
  const prev = text.charCodeAt(at - 1);
  const stripped = stripParticle(run);
  if ((prev >= 65 && prev <= 90) || (prev >= 97 && prev <= 122) || KIN.has(stripped)) return false;
  const glued = gluedName(run, sLen);
  if (glued > 0) {
    sink(at, at + glued, 'NAME', 0.6, 'name.ko.glued');
    return true;
  }
  if (TITLE_WORD_END.test(stripped)) return false;
  // What follows the run is the same for both name lengths: looked at once, and only when needed.
  let titleAfterRun: boolean | undefined;
  for (const gLen of [2, 1]) {
    const nameLen = sLen + gLen;
    if (run.length < nameLen) continue;
    const name = run.slice(0, nameLen);
    const rest = run.slice(nameLen);
    const given = name.slice(sLen);
    const restTitle = TITLE_AFTER.test(rest);
    if (!PARTICLES.has(rest) && !restTitle) continue;
    if (rest === '' && titleAfterRun === undefined) {
      const end = at + run.length;
      titleAfterRun = titleFollows(text, end, '') || TITLE_AFTER.test(text.slice(end, end + 24).replace(/^\s{1,2}/, ''));
    }
    const cueAfter = restTitle || (rest === '' && titleAfterRun === true);
    if (KO_NOT_NAMES.has(name) && !(cueBefore && cueAfter)) continue;
    if (KO_NOT_NAMES.has(name.slice(0, 2)) && !cueAfter && !(cueBefore && rest === '')) continue;
    const typical = [...given].every((ch) => givenSyllables.has(ch)) || givenNames.has(given);
    // "정황을", "사람이", "장관이 검사들에게": the last syllable is a particle on an ordinary word.
    if (rest === '' && gLen === 2 && PARTICLE_SYLLABLE.has(given[1] ?? '') && !givenNames.has(given) && !(cueBefore || TITLE_AFTER.test(text.slice(at + nameLen, at + nameLen + 24).replace(/^ /, '')))) continue;
    // 채운다, 위치한, 진료한 (a verb) or 방송사, 정신과, 인수위 (an organisation) before a title.
    if (rest === '' && gLen === 2 && !cueBefore && (/[다며고게한된던는했할될]$/.test(name) || /[사과위본당청처]$/.test(name))) continue;
    let score = 0;
    if ((cueBefore || cueAfter) && (typical || gLen === 2)) score = 0.9;
    // Without a cue: a known given name, or two core given-name syllables where the last one is not
    // itself a particle (사람+이, 여운+을 are words with a particle, not names).
    else if (gLen === 2) score = uncuedScore(given, rest);
    if (score === 0) continue;
    sink(at, at + nameLen, 'NAME', score, cueBefore || cueAfter ? 'name.ko.cue' : 'name.ko.list');
    return true;
  }
  return false;
}
