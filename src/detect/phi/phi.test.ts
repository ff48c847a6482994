import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMedguardError } from '../../core/errors.js';
import { createRootView } from '../../core/text/view.js';
import { createPhiFamily, detectPhi } from './index.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures');
const lines = (file: string): string[] =>
  readFileSync(path.join(fixtures, file), 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));

test('clinical false-positive fixture (eponyms, drugs, vitals, doses, scores, years, Korean clinical words) yields zero findings', () => {
  const noisy: string[] = [];
  for (const line of lines('phi-false-positives.txt')) {
    const found = detectPhi(line);
    if (found.length > 0) noisy.push(`${line} => ${found.map((f) => `${f.type}:${line.slice(f.start, f.end)}`).join(', ')}`);
  }
  assert.deepEqual(noisy, []);
});

test('positive fixture: every value is found with its type and exact offsets', () => {
  const missed: string[] = [];
  for (const line of lines('phi-positives.txt')) {
    const [type, value, text] = line.split('\t');
    assert.ok(type && value && text, `malformed fixture line: ${line}`);
    const start = text.indexOf(value);
    const found = detectPhi(text);
    if (!found.some((f) => f.type === type && f.start === start && f.end === start + value.length)) {
      missed.push(`${type} ${value} => ${found.map((f) => `${f.type}:${text.slice(f.start, f.end)}`).join(', ')}`);
    }
  }
  assert.deepEqual(missed, []);
});

test('SSN areas 000, 666 and 9xx are refused', () => {
  for (const v of ['000-12-3456', '666-12-3456', '912-12-3456']) {
    assert.equal(detectPhi(`SSN ${v}`).some((f) => f.type === 'SSN'), false, v);
  }
});

test('ages of 89 and under and years alone are not PHI', () => {
  assert.deepEqual(detectPhi('An 89-year-old man, diagnosed in 2019, 만 45세.'), []);
});

test('RRN without a valid check digit is still found (post-2020 numbers), at lower confidence', () => {
  const [f] = detectPhi('주민등록번호 230101-3123456');
  assert.equal(f?.type, 'KR_RRN');
  assert.ok((f?.score ?? 1) < 0.98);
});

test('fullwidth digits are matched via the clean form and offsets point into the original', () => {
  const text = '연락처 ０１０-１２３４-５６７８ 입니다';
  assert.notEqual(createRootView(text).form('clean').text, text, 'clean form folds fullwidth digits');
  const phone = detectPhi(text).find((f) => f.type === 'PHONE');
  assert.ok(phone);
  assert.equal(text.slice(phone.start, phone.end), '０１０-１２３４-５６７８');
});

test('family detector: phi.* kinds, explanation never contains the value, options validated', () => {
  const bundle = createPhiFamily({});
  const [detector] = bundle.detectors;
  assert.ok(detector);
  assert.equal(detector.id, 'phi.rules');
  assert.equal(detector.decodedLayers, false);
  const text = 'Patient: John Smith, SSN 123-45-6789.';
  const view = createRootView(text);
  const findings = detector.detect(view, { mode: 'document', views: [view] });
  assert.deepEqual(findings.map((f) => f.kind).sort(), ['phi.NAME', 'phi.SSN']);
  for (const f of findings) {
    assert.equal(f.family, 'phi');
    assert.ok(!f.explanation.includes(text.slice(f.start, f.end)));
  }
  assert.throws(() => createPhiFamily({ minScore: 2 }), (e: unknown) => isMedguardError(e) && e.code === 'MG_CONFIG_INVALID');
  assert.throws(() => createPhiFamily({ bogus: 1 } as never), (e: unknown) => isMedguardError(e) && e.code === 'MG_CONFIG_INVALID');
});

test('types option filters the output', () => {
  const only = detectPhi('Patient: John Smith, SSN 123-45-6789.', { types: ['SSN'] });
  assert.deepEqual(only.map((f) => f.type), ['SSN']);
});

test('a relative period is a date only next to a direct identifier', () => {
  assert.deepEqual(detectPhi('COPD exacerbation treated last week with prednisone.'), []);
  const text = 'Patient: John Smith, treated last week with prednisone.';
  assert.ok(detectPhi(text).some((f) => f.type === 'DATE' && text.slice(f.start, f.end) === 'last week'));
});

test('a weekday is a date only next to a direct identifier, and a habit ("on Mondays") never', () => {
  const dates = (t: string): string[] => detectPhi(t).filter((f) => f.type === 'DATE').map((f) => t.slice(f.start, f.end));
  assert.deepEqual(dates('Follow up on Monday; skiing on sunday made the knee worse.'), []);
  assert.deepEqual(dates('Patient: John Smith, seen on Monday, skiing on sunday.'), ['Monday', 'sunday']);
  assert.deepEqual(dates('Patient: John Smith, dialysis on Mondays and Fridays.'), []);
});

test('a relative or neighbour before a capitalised word names it (cousin, landlord, tía)', () => {
  const names = (t: string): string[] => detectPhi(t).filter((f) => f.type === 'NAME').map((f) => t.slice(f.start, f.end));
  assert.deepEqual(names('My cousin Anton moved to another town.'), ['Anton']);
  assert.deepEqual(names('Her landlord Kowalczyk fixed the heating.'), ['Kowalczyk']);
  assert.deepEqual(names('Acude con su tía Rosalía a la consulta.'), ['Rosalía']);
});

test('Korean names: surname alone before 씨/모, initials, titles, foreign names, lists', () => {
  const names = (t: string): string[] => detectPhi(t).filter((f) => f.type === 'NAME').map((f) => t.slice(f.start, f.end));
  assert.deepEqual(names('김씨는 지난 10일 입건됐다.'), ['김']);
  assert.deepEqual(names('최모(32)씨가 신고했다.'), ['최']);
  assert.deepEqual(names('A씨는 진료를 거부했다.'), ['A']);
  assert.deepEqual(names('박 전 차관에게 징역형'), ['박']);
  assert.deepEqual(names('케리 장관은 이날 회담을 열었다.'), ['케리']);
  assert.deepEqual(names('존 메이어의 첫 공연'), ['존 메이어']);
  assert.deepEqual(names('박규리, 한승연, 구하라 세 사람'), ['박규리', '한승연', '구하라']);
  assert.deepEqual(names('이한구 공관위원장을 필두로'), ['이한구']);
});

test('Latin names without a list entry: address-block name line, two-word possessive, person verbs', () => {
  const names = (t: string): string[] => detectPhi(t).filter((f) => f.type === 'NAME').map((f) => t.slice(f.start, f.end));
  assert.deepEqual(names('Gregory Kudryashov\n\n233 Erzsébet tér 19.\nDomoszló'), ['Gregory Kudryashov']);
  assert.deepEqual(names('We read Wisława Szczepańska\'s letters.'), ['Wisława Szczepańska']);
  assert.deepEqual(names('Ubulka lives at 12 Oak Street.').slice(0, 1), ['Ubulka']);
});

test('lower-case names only after a cue that announces a name', () => {
  const names = (t: string): string[] => detectPhi(t).filter((f) => f.type === 'NAME').map((f) => t.slice(f.start, f.end));
  assert.deepEqual(names('my name is lena andersson.'), ['lena andersson']);
  assert.deepEqual(names('ms. quinzia wants to join'), ['quinzia']);
  assert.deepEqual(names('dx ms flare, on natalizumab'), []);
});

test('Korean referral forms: a named specialty clinic, the unit after a comma, the postcode in brackets, a two-digit-year birth date', () => {
  const found = (t: string, type: string): string[] => detectPhi(t).filter((f) => f.type === type).map((f) => t.slice(f.start, f.end));
  assert.deepEqual(found('받는 곳: 새봄내과의원 소화기내과 선생님 귀하', 'LOCATION'), ['새봄내과의원']);
  assert.deepEqual(found('정형외과의원에서 진료 후 재활의학과의원으로 의뢰', 'LOCATION'), []);
  const address = '주소: 서울특별시 종로구 누리로 47, 120동 1402호 (17851)';
  assert.ok(found(address, 'LOCATION').some((s) => s.includes('120동 1402호')));
  assert.ok(found(address, 'LOCATION').includes('17851'));
  assert.deepEqual(found('생년월일: 89.12.27 (여/35세)', 'DATE'), ['89.12.27']);
  assert.deepEqual(found('DOB: 49-10-17', 'DATE'), ['49-10-17']);
  assert.deepEqual(found('버전 89.12.27 설치, HbA1c 7.12.3', 'DATE'), []);
  assert.deepEqual(found('생년월일: 89.13.27', 'DATE'), []);
});

test('a record number written with a lower-case prefix after its cue is found without the prefix (NHC: nhc-2141304, CIPA: nhc/976421)', () => {
  const mrn = (t: string): string[] => detectPhi(t).filter((f) => f.type === 'MRN').map((f) => t.slice(f.start, f.end));
  assert.deepEqual(mrn('NHC: nhc-21413043.'), ['21413043']);
  assert.deepEqual(mrn('CIPA: nhc/976421.'), ['976421']);
  assert.deepEqual(mrn('MRN: AB-123456'), ['AB-123456']);
  assert.deepEqual(detectPhi('policy for 2 years'), []);
});

test('an IBAN typed in lower case is found when its mod-97 check holds', () => {
  const acct = (t: string): string[] => detectPhi(t).filter((f) => f.type === 'ACCOUNT').map((f) => t.slice(f.start, f.end));
  assert.deepEqual(acct('send it to gb82 west 1234 5698 7654 32 today'), ['gb82 west 1234 5698 7654 32']);
  assert.deepEqual(acct('send it to gb83 west 1234 5698 7654 32 today'), []);
});

test('dates with a lower-case month name (chat style), but not the verb "may"', () => {
  const dates = (t: string): string[] => detectPhi(t).filter((f) => f.type === 'DATE').map((f) => t.slice(f.start, f.end));
  assert.deepEqual(dates('born on march 3rd 1984, seen 3 august 2021'), ['march 3rd 1984', '3 august 2021']);
  assert.deepEqual(dates('you may 2 tablets a day'), []);
});

test('lower-case names after a relative or "patient", and not the verb after a titled name', () => {
  const names = (t: string): string[] => detectPhi(t).filter((f) => f.type === 'NAME').map((f) => t.slice(f.start, f.end));
  assert.deepEqual(names('my daughter emily has a fever'), ['emily']);
  assert.deepEqual(names('pt mary smith seen today'), ['mary smith']);
  assert.deepEqual(names('dr. smith said it was fine'), ['smith']);
  assert.deepEqual(names('my son will be there, patient may need surgery, my wife has diabetes'), []);
});

test('in lower-case text a kin word or the verb of a contraction is no name, the relative\'s name is', () => {
  const names = (t: string): string[] => detectPhi(t).filter((f) => f.type === 'NAME').map((f) => t.slice(f.start, f.end));
  assert.deepEqual(names('my cousin josefa moved to another town.'), ['josefa']);
  assert.deepEqual(names('doctors aren\'t sure yet, and i don\'t know why. good to see you mister'), []);
});

test('chat-style text: a listed town after a residence cue, a known hospital, a phone after "my number", a lower-case id after its cue', () => {
  const found = (t: string): string[] => detectPhi(t).map((f) => `${f.type}:${t.slice(f.start, f.end)}`);
  assert.deepEqual(found('i live in chicago and grew up in san diego'), ['LOCATION:chicago', 'LOCATION:san diego']);
  assert.deepEqual(found('he lives in reading, i live in texas'), []);
  assert.deepEqual(found('she was treated at mayo clinic'), ['LOCATION:mayo clinic']);
  assert.deepEqual(found('can i eat mayo on a sandwich'), []);
  assert.deepEqual(found('my number is 5551234567'), ['PHONE:5551234567']);
  assert.deepEqual(found('my insurance id is xyz123456789'), ['HEALTH_PLAN_ID:xyz123456789']);
});

test('a transcript turn is no name: an ordinary word after a speaker label, but an announced name stays one', () => {
  const names = (t: string): string[] => detectPhi(t).filter((f) => f.type === 'NAME').map((f) => t.slice(f.start, f.end));
  assert.deepEqual(names('Doctor: Any chest pain?\nPatient: Nope. Well, sometimes.\nGuest_family: Good afternoon.'), []);
  assert.deepEqual(names('Gene Review: Oral Contraceptives and Brain Iron Accumulation'), []);
  assert.deepEqual(names('Her maiden name is Key.'), ['Key']);
  assert.deepEqual(names('Patient: Sharon\nDoctor: Good morning, Sharon.'), ['Sharon', 'Sharon']);
});

test('a US state or a country alone is no location; a town, or a state opening a longer name, is', () => {
  const places = (t: string): string[] => detectPhi(t).filter((f) => f.type === 'LOCATION').map((f) => t.slice(f.start, f.end));
  assert.deepEqual(places('Born and raised in Iowa, she studied in North Carolina.'), []);
  assert.deepEqual(places('He lives in Springfield now.'), ['Springfield']);
  assert.deepEqual(places('Seen at Washington HealthCenter on Apr 12.').length, 1);
});

test('a programme or field named with Health is no place; a facility one visits is', () => {
  const places = (t: string): string[] => detectPhi(t).filter((f) => f.type === 'LOCATION').map((f) => t.slice(f.start, f.end));
  assert.deepEqual(places('Data from the National Health and Nutrition Survey and the Institute of Child Health.'), []);
  assert.deepEqual(places('Her last appointment at Central Health was in January.'), ['Central Health']);
});

test('a place ends before a time phrase or the next sentence', () => {
  const places = (t: string): string[] => detectPhi(t).filter((f) => f.type === 'LOCATION').map((f) => t.slice(f.start, f.end));
  assert.deepEqual(places('He moved to Springfield in 2019.'), ['Springfield']);
  assert.deepEqual(places('Domicilio: C/ Mayor 12, 28013 Madrid. Ingresa en el Hospital Universitario La Paz.'), ['C/ Mayor 12, 28013 Madrid', 'Hospital Universitario La Paz']);
  assert.deepEqual(places('Domicilio: Av. Fuente el saz 15, 1 G'), ['Av. Fuente el saz 15, 1 G']);
});

test('a Korean address is no name, and a span that loses an overlap to another type keeps its uncovered digits', () => {
  const t = '환자 김철수(45세), 주소: 경기도 성남시 분당구 판교역로 166, 3층.';
  const found = detectPhi(t).map((f) => `${f.type}:${t.slice(f.start, f.end)}`);
  assert.deepEqual(found, ['NAME:김철수', 'LOCATION:경기도 성남시 분당구 판교역로 166, 3층']);
});
