/**
 * Data for the Korean name model: the PHI dev files (KLUE rows and our CC0 synthetic Korean notes;
 * test is never read) and template sentences with faker's Korean names. KLUE is CC BY-SA 4.0, an
 * open licence, so the model it trains may ship; the attribution is kept in the model's provenance.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fakerKO } from '@faker-js/faker';
import { FOREIGN_AMBIGUOUS, FOREIGN_FAMILY, FOREIGN_GIVEN } from '../../src/detect/phi/names-ko-lists.js';
import { repoRoot } from './data.js';
import { spansToUtf16 as toUtf16 } from '../eval/code-points.js';

export interface Span { start: number; end: number; type?: string }
export interface PhiDoc { id: string; text: string; spans: Span[]; ignore: Span[]; source: string; lang: string; meta?: Record<string, unknown> }

export const phiDataDir = (): string => resolve(process.env['MEDGUARD_DATA'] ?? resolve(repoRoot, '../shared/data'), 'phi');

export function loadPhiDev(file: string): PhiDoc[] {
  return readFileSync(join(phiDataDir(), file), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => {
    const d = JSON.parse(l) as PhiDoc;
    return { ...d, spans: toUtf16(d.text, d.spans), ignore: toUtf16(d.text, d.ignore ?? []) };
  });
}

/** Cross-validation fold of a document by a hash of its id; stable across runs. */
export const foldOf = (id: string, folds: number): number => (createHash('sha256').update(`ko-names:${id}`).digest()[0] ?? 0) % folds;

// `{N}` is a name, `{P}` a particle chosen to fit it; the rest mixes news, reviews and clinical notes.
const TEMPLATES = [
  '{N}{P} 이번 작품에서 열연을 펼쳤다.', '{N} 씨는 지난달 병원에 입원했다.', '환자 {N}{P} 복통을 호소하며 내원함.',
  '보호자 {N}{P} 동의서에 서명하였다.', '{N} 교수는 "정말 중요한 조사"라고 말했다.', '영화에서 {N}의 연기가 제일 좋았음',
  '{N}{P} 나오는 장면은 다 명장면 ㅋㅋ', '어제 {N}{P} 만나서 점심을 먹었다.', '{N}, {M}, 그리고 {O}가 함께 출연한다.',
  '담당 간호사 {N}{P} 활력징후를 확인함.', '{N}{P} 골을 넣으며 경기를 뒤집었다.', '이번 사건의 피의자 {N}{P} 혐의를 부인했다.',
  '{N} 선수는 신경 손상으로 결장한다.', '주치의 {N} 선생님께 문의 바랍니다.', '{N}{P} 결국 {M}와 화해한다.',
  '{F}{P} 너무 귀엽다', '{F}야 밥 먹자', '우리 {F}{P} 오늘 열이 38도였어요.', '{N}의 아들 {F}{P} 학교에 다닌다.',
  '정말 신경 쓰이는 결말이었다.', '이번 조사 결과는 다음 주에 발표된다.', '정상 소견이며 조영제 부작용은 없었다.',
];

const PARTICLES_AFTER_VOWEL = ['가', '는', '를', '와', '', '의', '도'];
const PARTICLES_AFTER_CONSONANT = ['이', '은', '을', '과', '', '의', '도'];

function particleFor(name: string, pick: number): string {
  const code = (name.codePointAt(name.length - 1) ?? 0xac00) - 0xac00;
  const list = code % 28 === 0 ? PARTICLES_AFTER_VOWEL : PARTICLES_AFTER_CONSONANT;
  return list[pick % list.length] ?? '';
}

const FOREIGN = [...FOREIGN_GIVEN, ...FOREIGN_FAMILY].filter((n) => n.length >= 2 && !FOREIGN_AMBIGUOUS.has(n)).sort();

/**
 * Korean nouns from faker's ko locale (everyday nouns, animals, colours, foods, towns): put in the
 * same slots as the names, unmarked, so the model learns what a loanword or a noun looks like
 * rather than which contexts hold names (KLUE's misses and false positives are mostly lexical:
 * 카시야스 is a name, 바이러스 and 퍼포먼스 are not).
 */
function nouns(): string[] {
  const d = fakerKO.rawDefinitions;
  const lists: Array<readonly string[] | null | undefined> = [d.word?.noun, d.animal?.bird, d.animal?.cat, d.animal?.dog, d.animal?.pet_name, d.color?.human, d.location?.city_name, d.food?.dish, d.food?.ingredient, d.food?.fruit, d.food?.vegetable, d.lorem?.word];
  return [...new Set(lists.flatMap((l) => l ?? []).filter((w) => /^[\uac00-\ud7a3]{2,6}$/.test(w)))].sort();
}

/**
 * Template sentences, gold spans marked; deterministic for a seed. Half carry faker's Korean names,
 * a quarter Hangul spellings of foreign names from the rules' lists, a quarter nouns (no names).
 */
export function syntheticDocs(count: number, seed: number): PhiDoc[] {
  fakerKO.seed(seed);
  const nounList = nouns();
  const docs: PhiDoc[] = [];
  for (let i = 0; i < count; i++) {
    const template = TEMPLATES[i % TEMPLATES.length] ?? '';
    const mode = i % 4;
    const korean = (): string => `${fakerKO.person.lastName()}${fakerKO.person.firstName()}`;
    const pick = (): string => mode === 2 ? fakerKO.helpers.arrayElement(FOREIGN) : mode === 3 ? fakerKO.helpers.arrayElement(nounList) : korean();
    const fill: Record<string, string> = { N: pick(), M: pick(), O: pick(), F: mode === 3 ? fakerKO.helpers.arrayElement(nounList) : fakerKO.person.firstName() };
    let text = '';
    const spans: Span[] = [];
    let last = '';
    for (const part of template.split(/(\{[NMOFP]\})/)) {
      const key = /^\{([NMOFP])\}$/.exec(part)?.[1];
      if (key === undefined) { text += part; continue; }
      if (key === 'P') { text += particleFor(last, fakerKO.number.int(99)); continue; }
      const name = fill[key] ?? '';
      if (mode !== 3) spans.push({ start: text.length, end: text.length + name.length, type: 'NAME' });
      text += name;
      last = name;
    }
    docs.push({ id: `faker-ko:${i}`, text, spans, ignore: [], source: 'faker-ko', lang: 'ko' });
  }
  return docs;
}
