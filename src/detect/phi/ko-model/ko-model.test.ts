import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MedguardError } from '../../../core/errors.js';
import { detectPhi } from '../index.js';
import { candidatesOf, koWords, type KoCandidate } from './features.js';
import { findNamesKoreanModel, keepWeakSpans } from './index.js';
import { koNameModel, parseKoModel, serializeKoModel } from './model.js';

const names = (text: string): string[] => detectPhi(text).filter((f) => f.type === 'NAME').map((f) => text.slice(f.start, f.end));

test('the shipped model loads, is small and pins its weights', () => {
  const model = koNameModel();
  assert.ok(model);
  assert.ok(model.weights.byteLength / 2 < 2 * 1024 * 1024, 'model file under 2 MB');
  assert.ok(model.meta.threshold > 0 && model.meta.threshold < 1);
  // Trained on KLUE (CC BY-SA 4.0): the weights carry that licence and its attribution.
  assert.match(String(model.meta.provenance['licence']), /distributed under CC BY-SA 4\.0.*KLUE/);
  assert.match(readFileSync(new URL('../../../../models/ko-names.LICENSE', import.meta.url), 'utf8'), /Park et al[\s\S]*distributed under CC BY-SA 4\.0/);
  const { json, bin } = serializeKoModel(model.weights, { ...model.meta });
  assert.equal(parseKoModel(json, bin).logitThreshold, model.logitThreshold);
  const tampered = Uint8Array.from(bin);
  tampered[10] = (tampered[10] ?? 0) ^ 1;
  assert.throws(() => parseKoModel(json, tampered), (e: unknown) => e instanceof MedguardError && e.code === 'MG_MODEL_INVALID');
  assert.throws(() => parseKoModel(json.replace('"featureVersion": 3', '"featureVersion": 99'), bin), /feature version/);
});

test('candidates: the word and the stems left by a particle or title', () => {
  const text = '환자 김민수님께서 오셨다';
  const words = koWords(text);
  const out: KoCandidate[] = [];
  candidatesOf(text, words, 1, out);
  assert.deepEqual(out.map((c) => text.slice(c.start, c.end)).sort(), ['김민수', '김민수님', '김민수님께서'].sort());
  out.length = 0;
  // 3선: a word glued to a number has none.
  candidatesOf('3선 의원', koWords('3선 의원'), 0, out);
  assert.equal(out.length, 0);
});

test('clinical and everyday words stay words with the model on', () => {
  assert.deepEqual(names('이번 검사에서 정말 신경 손상 소견은 없었고 조사 결과는 다음 주에 나온다.'), []);
  assert.deepEqual(names('신경과 정상 소견, 조영제 투여 후 이상 없음. 신장 기능 정상.'), []);
  assert.deepEqual(names('이번 조사에 따르면 정말 신경 쓰이는 부분이 있다'), []);
  assert.deepEqual(names('고모와 이모가 보호자로 왔다'), []);
});

test('the model adds names the rules leave out, and leaves rule spans as they are', () => {
  const found: Array<[number, number]> = [];
  const text = '난 플린이 좋아. 보호자 김민수 씨가 왔다';
  findNamesKoreanModel(text, [[text.indexOf('김민수'), text.indexOf('김민수') + 3]], (s, e) => { found.push([s, e]); });
  assert.ok(found.every(([s]) => s < text.indexOf('김민수')), 'no model span inside a rule span');
  assert.ok(names(text).includes('김민수'));
});

test('listed common nouns and loanwords are never model names, whatever the score', () => {
  const shipped = koNameModel();
  assert.ok(shipped);
  // Every weight positive: each candidate scores far above the threshold, so only the lists decide.
  const eager = serializeKoModel(new Float32Array(1 << shipped.bits).fill(1), { ...shipped.meta });
  const model = parseKoModel(eager.json, eager.bin);
  const text = '바이러스가 퍼졌고 퍼포먼스와 노래는 좋았다';
  const found: string[] = [];
  findNamesKoreanModel(text, [], (s, e) => { found.push(text.slice(s, e)); }, model);
  assert.ok(!found.some((f) => f.startsWith('바이러스') || f.startsWith('퍼포먼스')), found.join(','));
  assert.ok(found.length > 0, 'other words still reach the model');
});

test('the model vetoes weak title-rule spans it is confident are no name, and only with titleVeto set', () => {
  const shipped = koNameModel();
  assert.ok(shipped);
  assert.ok(shipped.meta.titleVeto !== undefined && shipped.meta.titleVeto < shipped.meta.threshold, 'the veto sits below the reporting threshold');
  const text = '드라기 총재는 말했다. 그는 교육학 박사 학위를 받았고 관련 위원회에 회부됐다';
  const at = (w: string): readonly [number, number] => [text.indexOf(w), text.indexOf(w) + w.length];
  const spans = [at('드라기'), at('교육학'), at('관련')];
  // Every weight negative: every candidate is confidently no name.
  const doubtful = serializeKoModel(new Float32Array(1 << shipped.bits).fill(-1), { ...shipped.meta });
  assert.deepEqual(keepWeakSpans(text, spans, undefined, parseKoModel(doubtful.json, doubtful.bin)), []);
  const { titleVeto: _unused, ...noVeto } = shipped.meta;
  const off = serializeKoModel(new Float32Array(1 << shipped.bits).fill(-1), noVeto);
  assert.equal(keepWeakSpans(text, spans, undefined, parseKoModel(off.json, off.bin)).length, 3, 'no titleVeto, no veto');
  assert.equal(keepWeakSpans(text, spans, undefined, null).length, 3, 'rules alone: no veto');
  // The shipped model keeps the name before 총재 and drops the nouns before 박사 and 위원회.
  assert.deepEqual(keepWeakSpans(text, spans, undefined).map(([a, b]) => text.slice(a, b)), ['드라기']);
  const found = names(text);
  assert.ok(found.includes('드라기') && !found.includes('교육학') && !found.includes('관련'), found.join(','));
});

test('bounded on a long Korean text', () => {
  const text = '환자 김민수는 오늘 내원하여 검사를 받았다. '.repeat(8000);
  const t0 = performance.now();
  const spans = detectPhi(text);
  assert.ok(spans.length > 0);
  assert.ok(performance.now() - t0 < 10_000);
});
