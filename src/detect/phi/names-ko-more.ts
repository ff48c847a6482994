/**
 * Korean names without a cue word, the shape news and reviews use most (KLUE): surname + two
 * given syllables with no title, a given name with the familiar 이 (민석이는), a name glued to the
 * word after it without a space (송해성감독님, 홍해숙역), a name repeated or shortened to its given
 * name later in the same text, and a Han-character spelling in brackets after a name.
 */
import { lexicon } from './lexicon.js';
import { CORE_GIVEN, KO_NOT_NAMES, PARTICLE_SYLLABLE, TITLE_AFTER, TITLE_WORD_END, VERB_SYLLABLE } from './names-ko-lists.js';
import type { Sink } from './types.js';
import { hangulMatches, hangulRuns, type HangulLines } from './lines.js';

// After 하/해 these syllables make a verb form (위하여, 위해서, 정하고), not a given name.
const VERB_ENDING = new Set('여서고면도야지기며는게니라요자주');

/**
 * Score of surname + two given syllables seen with no cue (0 = not a name). `rest` is what follows
 * inside the same Hangul run (a particle, or '').
 */
export function uncuedScore(given: string, rest: string): number {
  const lex = lexicon();
  const a = given[0] ?? '';
  const b = given[1] ?? '';
  if (lex.koGiven.has(given)) return 0.6;
  const core = CORE_GIVEN.has(a) && CORE_GIVEN.has(b);
  // 박하선, 김해숙: 하/해 opens many given names; only the verb endings after it are refused.
  const verbish = VERB_SYLLABLE.has(b) || (VERB_SYLLABLE.has(a) && VERB_ENDING.has(b));
  // Any two syllables of the shipped given names (유오성은, 강소라의) was measured on KLUE dev:
  // +0.7 points of recall for more false positives than names (한가지를, 도주로를, 전사자를).
  if (core && !verbish && !(rest === '' && PARTICLE_SYLLABLE.has(b))) return 0.6;
  return 0;
}

// Words glued to a name in informal writing (송해성감독님, 홍해숙역, 이재준군의, 한진우오빠).
const GLUED_AFTER = /^(?:감독|역(?:을|의|이|은|할|으로)?$|오빠|언니|누나|형(?:님|이|은|의)?$|쌤|선배|군(?:[은는이의을]|$)|양(?:[은는이의을]|$)|씨|님)/;

/** Length of a surname + two-syllable name at the start of `run` glued to a title-like word, else 0. */
export function gluedName(run: string, sLen: number): number {
  const end = sLen + 2;
  if (run.length <= end) return 0;
  const given = run.slice(sLen, end);
  const tail = run.slice(end);
  if (!GLUED_AFTER.test(tail) && !TITLE_WORD_END.test(tail)) return 0;
  // 지역, 영역, 전역, 구역: the last given syllable and 역 make a word of their own.
  if (tail.startsWith('역') && '지구영전무수성해권광'.includes(given[1] ?? '')) return 0;
  if (KO_NOT_NAMES.has(run.slice(0, end)) || KO_NOT_NAMES.has(run.slice(0, 2))) return 0;
  const lex = lexicon();
  const ok = lex.koGiven.has(given) || [...given].every((ch) => CORE_GIVEN.has(ch));
  return ok && !VERB_SYLLABLE.has(given[1] ?? '') ? end : 0;
}

/** Kinship words that start with a surname syllable (이모가 보호자로 왔다: the aunt, not Ms. Lee). */
export const KIN = new Set('이모 고모 이모부 고모부 조카 손자 손녀 사촌 남편 형수 제수 오빠 언니 누나 부인 장모 장인 시모 시부 모친 부친 조모 조부 외조모 외조부 조부모 형님 동서 시누이 여동생 남동생'.split(' '));

const FAMILIAR = /([\uac00-\ud7a3]{2})이(?:가|는|도|를|랑|와|의|야|한테|에게|가요|처럼|만)(?![\uac00-\ud7a3])/g;
// Han in brackets with an age after it (後藤健二·47), or closing the bracket after a 3+ syllable name.
// A performer before what only people do on screen (X의 연기, X 연기력, X 주연, X 출연): 연기 alone
// also means "postponement" (수술 연기), so it needs the possessive 의.
const PERFORMER = /(?<![\uac00-\ud7a3])([\uac00-\ud7a3]{2,9})( ?)(연기력|열연|주연|출연|캐스팅|연기)/g;
const NOT_PERFORMER = /^(?:주인공|여주인공|남주인공|배우|배우들|아역|조연|주연|악역|감독|캐릭터|사투리|그녀|모두|다들|출연진|연기자|주연배우|여배우|남배우|사람|사람들|모든|전부|가족|최고|진짜|정말|완벽|모두들|애들|아이들|동물|특별|우정|카메오|단역|첫|재|공동|이중|영화|드라마|작품|극|악당|여자|남자|소녀|소년|할머니|할아버지|환자|환아|보호자|의사|간호사|수술|검사|시술|치료|일정|입원|퇴원|진료|회의|행사|경기|발표|선거|재판|화재|담배|결국|다시|처음|직접|함께|깜짝|최초|최상|최악|최고의|재차)$/;

const BARE_NEXT = /^(?![한했하할된됐되자진상])/;
// 고토 겐지(後藤健二·47) 씨, 뤄쥔청(羅俊城,현재 21살), 시진핑(習近平) 국가주석: a Han spelling in
// brackets after a Hangul word, with an age inside or a person title after, marks both as a name.
const HAN_GLOSS = /([\uac00-\ud7a3]{2,5})\((\d{1,3}[.,] ?)?([\u4e00-\u9fff]{2,4})([^()\n]{0,12})\)/g;
const ORG_END_WORD = /(?:당|부|청|원|회|처|단|국|사|소|대|교|시|도|군|구|동|팀|실|과|나라|왕조|은행|일보|그룹)$/;
const AGE_INSIDE = /^[·.,-]? ?(?:현재 )?[\uac00-\ud7a3]{0,4} ?\d{1,3}/;

const HAN_PAREN = /^\(([\u4e00-\u9fff]{2,5})(?:[·.,] ?\d|(\)))/;

/** Rules that need the names already found in this text (`found`) or scan for their own shapes. */
export function findKoreanExtras(text: string, ko: HangulLines, found: ReadonlyArray<readonly [number, number]>, sink: Sink): void {
  const lex = lexicon();
  // 민석이는, 유경이가: a given name with the familiar 이 before a particle.
  if (text.includes('이')) {
    for (const m of hangulMatches(ko, FAMILIAR)) {
      const given = m[1] ?? '';
      const prev = text[m.index - 1] ?? '';
      if (/[\uac00-\ud7a3]/.test(prev) || KO_NOT_NAMES.has(given)) continue;
      const core = [...given].every((ch) => CORE_GIVEN.has(ch)) && !VERB_SYLLABLE.has(given[1] ?? '');
      if (lex.koGiven.has(given) || core) sink(m.index, m.index + 2, 'NAME', 0.55, 'name.ko.familiar');
    }
  }
  // The pattern is tried at every Hangul word: run it only when an acting noun occurs at all.
  if (text.includes('연기') || text.includes('열연') || text.includes('주연') || text.includes('출연') || text.includes('캐스팅')) {
    for (const m of hangulMatches(ko, PERFORMER)) {
      const word = m[1] ?? '';
      const possessive = word.endsWith('의') && word.length >= 3;
      // Without 의 only nouns of acting count, not the verbs (X가 출연했다 names no one before it).
      if (!possessive && (m[3] === '연기' || m[2] === '' || !BARE_NEXT.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2)))) continue;
      // 연기 is also smoke (환자의 연기 흡입): acting only before 는/가/도/를/력.
      if (m[3] === '연기' && !/^[는가도를력]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 1))) continue;
      const stem = possessive ? word.slice(0, -1) : word;
      if (stem.length < 2 || KO_NOT_NAMES.has(stem) || NOT_PERFORMER.test(stem) || /[들적인한는던된에로서고면게지씨님양군이가은는을를도의]$/.test(stem)) continue;
      sink(m.index, m.index + stem.length, 'NAME', 0.55, 'name.ko.performer');
    }
  }
  if (text.includes('(')) {
    for (const m of hangulMatches(ko, HAN_GLOSS)) {
      const word = m[1] ?? '';
      const han = m[3] ?? '';
      const end = m.index + m[0].length;
      // 정부(政府) 대변인: a gloss of an organisation or a common word is no name.
      if (KO_NOT_NAMES.has(word) || ORG_END_WORD.test(word)) continue;
      const titled = TITLE_AFTER.test(text.slice(end, end + 8).replace(/^ /, ''));
      if (!(m[2] || AGE_INSIDE.test(m[4] ?? '') || titled)) continue;
      const hanAt = m.index + word.length + 1 + (m[2]?.length ?? 0);
      sink(hanAt, hanAt + han.length, 'NAME', 0.7, 'name.ko.han');
      sink(m.index, m.index + word.length, 'NAME', 0.65, 'name.ko.han');
    }
  }
  const names = new Set<string>();
  for (const [a, b] of found) {
    // 고토 겐지(後藤健二·47): the Han spelling right after a found name.
    const han = HAN_PAREN.exec(text.slice(b, b + 8));
    if (han?.[1] && (han[2] === undefined || b - a >= 3)) sink(b + 1, b + 1 + han[1].length, 'NAME', 0.7, 'name.ko.han');
    // Only Korean-shaped names are repeated: a word found by a looser rule (관련 before 위원회)
    // would spread its mistake. 송혜교 ... 혜교는: the given name alone is a later mention too.
    const name = text.slice(a, b);
    if (name.length === 3 && /^[\uac00-\ud7a3]+$/.test(name) && lex.koSurnames.has(name[0] ?? '')) names.add(name).add(name.slice(1));
  }
  if (names.size === 0) return;
  // One pass over word starts (not one indexOf per name), so many distinct names stay linear.
  // Word starts: the runs of two or more syllables (the matches of /[가-힣]{2,}/g).
  const runs = hangulRuns(ko);
  for (let r = 0; r < runs.start.length; r++) {
    const at = runs.start[r] ?? 0;
    if ((runs.end[r] ?? 0) - at < 2) continue;
    for (const len of [3, 2]) {
      const name = text.slice(at, at + len);
      if (names.has(name) && !KO_NOT_NAMES.has(name)) sink(at, at + len, 'NAME', 0.6, 'name.ko.repeat');
    }
  }
}
