/**
 * Benign text in other languages for the injection classifier. The injection sets' benign side is
 * almost all English (SOURCES.md: 4 es, 0 ko benign rows) while their attacks span 19 languages,
 * so the classifier learned "not English" as attack evidence: it flagged 507 of 508 Spanish
 * clinical case reports (MEDDOCAN) and one Korean news sentence in ten. These rows teach it that a
 * language is no attack.
 *
 * Sources, all from the PHI folder's dev half (the test half is held out for the eval):
 * MEDDOCAN Spanish clinical cases (CC BY 4.0, Marimon et al.), Presidio's synthetic sentences and
 * ASQ-PHI's clinician queries (MIT), our own synthetic Korean clinical snippets, and seeded Korean
 * sentences from @faker-js/faker's Korean locale (MIT). KLUE (CC BY-SA 4.0) is deliberately not
 * trained on, so the injection weights stay Apache-2.0; its dev half is a check while tuning and
 * its test half, like every test half, is only reported.
 * Each document goes to the classifier's train or dev part by a hash of its id (3 in 4 train).
 */
import { createHash } from 'node:crypto';
import { fakerKO } from '@faker-js/faker';
import { loadPhiDev, type PhiDoc } from './ko-names-data.js';
import type { Row } from './data.js';

export const MULTILINGUAL_SOURCE = 'medguard/multilingual-benign';

/** PHI sources trained on; KLUE is left out (licence) and only evaluated. */
const TRAINED = new Set(['meddocan', 'presidio-research-synth-v2', 'asq-phi', 'synthetic-ko-template-v1']);

// Training asks for the dev file three times (train part, dev part, KLUE check): parsed once.
const files = new Map<string, PhiDoc[]>();
const readDocs = (file: string): PhiDoc[] => {
  let docs = files.get(file);
  if (!docs) files.set(file, (docs = loadPhiDev(file)));
  return docs;
};

const part = (id: string): 'train' | 'dev' => ((createHash('sha256').update(`multilingual:${id}`).digest()[0] ?? 0) % 4 === 0 ? 'dev' : 'train');

const toRow = (id: string, text: string, source: string): Row => ({ id, text, label: 0, source: `${MULTILINGUAL_SOURCE}:${source}`, set: 'multilingual', licensed: true });

/** Benign multilingual rows of the classifier's train or dev part (deterministic). */
export function loadMultilingualBenign(which: 'train' | 'dev'): Row[] {
  const docs = [...readDocs('dev.jsonl'), ...readDocs('synthetic_ko_dev.jsonl')].filter((d) => TRAINED.has(d.source));
  const rows = docs.filter((d) => part(d.id) === which).map((d) => toRow(d.id, d.text, d.source));
  return [...rows, ...koreanSentences(which === 'train' ? 1200 : 300, which === 'train' ? 17 : 29)];
}

/** The PHI folder's test half, never trained or tuned on: held-out benign text by source (for the eval). */
export function loadMultilingualHeldOut(): Row[] {
  return [...readDocs('test.jsonl'), ...readDocs('synthetic_ko_test.jsonl')].map((d) => toRow(d.id, d.text, d.source));
}

/** KLUE's dev-half sentences (Korean news and reviews): never trained on, a tuning check for Korean at large. */
export function loadKlueDevCheck(): Row[] {
  return readDocs('dev.jsonl').filter((d) => d.source.startsWith('klue')).map((d) => toRow(d.id, d.text, d.source));
}

/**
 * Everyday Korean from faker's Korean locale: its word-list "lorem" (constitution vocabulary) and
 * short sentences around names, towns, companies and products, so common particles and endings
 * are seen in benign text of more than one register.
 */
function koreanSentences(count: number, seed: number): Row[] {
  fakerKO.seed(seed);
  const f = fakerKO;
  const templates: Array<() => string> = [
    () => f.lorem.sentence(),
    () => f.lorem.sentences(2),
    () => `${f.person.fullName()} 씨는 ${f.location.city()}에 살고 있으며 ${f.company.name()}에서 일한다.`,
    () => `어제 ${f.location.city()}에서 ${f.commerce.productName()}을 샀는데 생각보다 괜찮았다.`,
    () => `${f.person.firstName()}님, ${f.date.month()} 예약은 ${f.location.streetAddress()}로 오시면 됩니다.`,
    () => `${f.company.name()}는 올해 ${f.location.city()}에 새 지점을 열 계획이라고 밝혔다.`,
    () => `${f.person.lastName()} 선생님께 ${f.lorem.words(3)} 관련해서 여쭤봐도 될까요?`,
  ];
  const out: Row[] = [];
  for (let i = 0; i < count; i++) out.push(toRow(`faker-ko-${seed}-${i}`, (templates[i % templates.length] as () => string)(), 'faker-ko'));
  return out;
}
