/**
 * Korean names the rules leave out (foreign names in Hangul, nicknames, given names alone), found
 * by a hashed logistic-regression model over each Hangul word's candidates. It only adds: words
 * touching a span the rules already found are skipped, and listed everyday and clinical words
 * (이번, 정말, 신경, 조사), kinship words (이모, 고모) and the model's own list of common nouns and
 * loanwords (바이러스, 퍼포먼스: common-nouns.ts) are never names, whatever the model says.
 */
import { KO_NOT_NAMES } from '../names-ko-lists.js';
import { KIN } from '../names-ko-more.js';
import type { HangulLines } from '../lines.js';
import type { Sink } from '../types.js';
import { candidatesOf, featuresOf, koWords, type KoCandidate, type KoWords } from './features.js';
import { koNameModel, type KoNameModel } from './model.js';
import { logitOf } from '../name-model.js';
import { MODEL_NOT_NAMES } from './common-nouns.js';

/** Scores sit below every rule's (0.55+) so a rule span wins any overlap, and at the default minScore. */
const MODEL_SCORE = 0.5;

let nounVeto = true;

/**
 * Training only: the threshold is chosen with the noun list off. The list was written after
 * reading dev errors, so with it on, dev would credit it with false positives it removes there
 * and let the threshold fall further than unseen text supports.
 */
export function setKoNounVeto(on: boolean): void {
  nounVeto = on;
}

/** Logit of a candidate. */
export function scoreCandidate(model: KoNameModel, text: string, words: ReturnType<typeof koWords>, c: KoCandidate, buf: number[]): number {
  featuresOf(text, words, c, model.bits, buf);
  return logitOf(model, buf);
}

/**
 * The two weakest Korean rules (names-ko.ts): any short word before a person title, right for
 * 오바마 대통령 and wrong for 베스트 대사 or 열린 의원총회 (on KLUE dev, rules alone: 60 names, 29 false
 * positives), and a word listed beside a found name (45 names, 11 false positives). Keeps the spans
 * the model does not call confidently no name: probability at or above the model's `titleVeto`,
 * chosen with the threshold on out-of-fold dev so that the precision freed buys recall. No model
 * (or no titleVeto in its metadata), no veto: the rules alone are unchanged.
 */
export function keepWeakSpans(text: string, spans: ReadonlyArray<readonly [number, number]>, ko: HangulLines | undefined, model: KoNameModel | null = koNameModel(), wordsOf: () => KoWords = () => koWords(text, ko)): Array<readonly [number, number]> {
  const veto = model?.meta.titleVeto ?? null;
  if (model === null || veto === null || spans.length === 0) return [...spans];
  const logitVeto = Math.log(veto / (1 - veto));
  const words = wordsOf();
  const buf: number[] = [];
  return spans.filter(([a, b]) => {
    // The rule's span starts a Hangul word; past MAX_WORDS (no word found) the rule stands.
    const w = wordAt(words.starts, a);
    if (w < 0 || (words.ends[w] ?? 0) < b) return true;
    return scoreCandidate(model, text, words, { start: a, end: b, word: w }, buf) >= logitVeto;
  });
}

/** The index of the word starting at `p` in sorted `starts`, or -1. */
function wordAt(starts: readonly number[], p: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = starts[mid] ?? 0;
    if (s === p) return mid;
    if (s < p) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** `wordsOf` lets one scan share the word list with keepWeakSpans (built once, on first use). */
export function findNamesKoreanModel(text: string, found: ReadonlyArray<readonly [number, number]>, sink: Sink, model: KoNameModel | null = koNameModel(), ko?: HangulLines, wordsOf: () => KoWords = () => koWords(text, ko)): void {
  if (model === null) return;
  const words = wordsOf();
  // Characters already inside a rule span: their words are left to the rules.
  const taken = new Uint8Array(text.length + 1);
  for (const [a, b] of found) for (let i = a; i < b && i < text.length; i++) taken[i] = 1;
  const cands: KoCandidate[] = [];
  const buf: number[] = [];
  for (let w = 0; w < words.starts.length; w++) {
    const a = words.starts[w] ?? 0;
    const b = words.ends[w] ?? 0;
    let busy = false;
    for (let i = a; i < b && !busy; i++) busy = taken[i] === 1;
    if (busy) continue;
    cands.length = 0;
    candidatesOf(text, words, w, cands);
    // A listed noun with a particle (바이러스가) is that noun: no candidate of its word may be a name.
    if (nounVeto && cands.some((c) => MODEL_NOT_NAMES.has(text.slice(c.start, c.end)))) continue;
    let best: KoCandidate | undefined;
    let bestZ = -Infinity;
    for (const c of cands) {
      const cand = text.slice(c.start, c.end);
      if (KO_NOT_NAMES.has(cand) || KIN.has(cand)) continue;
      const z = scoreCandidate(model, text, words, c, buf);
      if (z > bestZ) { bestZ = z; best = c; }
    }
    // A word right before a dose or a medication verb is a drug, however name-like its
    // transliteration (푸로세미드 40mg, 로수바스타틴 복용, 메트포르민과 글리메피리드 병용).
    if (best && bestZ >= model.logitThreshold && !drugContext(text, best.end)) sink(best.start, best.end, 'NAME', MODEL_SCORE, 'name.ko.model');
  }
}

const DOSE_AFTER = /^ ?\d+(?:\.\d+)?(?:\/\d+(?:\.\d+)?)? ?(?:mg|mcg|µg|μg|g|ml|mL|L|IU|iu|units?|U|%|정|캡슐|알|포|앰플|바이알|단위|밀리그램|그램|시시|cc)(?![A-Za-z])/;
// Words only medicines take: not 추가, 변경 or 중단, which news uses of people too ("김철수를 추가 영입").
const MED_VERB = '(?:복용|투여|투약|처방|병용|감량|증량|주입|정주|서방정|캡슐|시럽|연고|패치|복약|내복|점안|흡입|트러프|근주|피하 ?주사|정맥 ?주사|용량)';
// The particle after the word, then the medication word; or a coordinated second drug before it.
const DRUG_AFTER = new RegExp(`^(?:(?:을|를|은|는|이|가|도|의|으로|로)? ?${MED_VERB}|(?:과|와|,| 및) ?[가-힣]{2,14} (?:[가-힣]{1,4} )?${MED_VERB})`);

function drugContext(text: string, end: number): boolean {
  const after = text.slice(end, end + 24);
  return DOSE_AFTER.test(after) || DRUG_AFTER.test(after);
}

