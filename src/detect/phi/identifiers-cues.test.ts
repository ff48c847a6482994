import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectPhi } from './index.js';

const found = (text: string): Array<[string, string]> => detectPhi(text).map((s) => [s.type, text.slice(s.start, s.end)]);

test('"NPI is", "SN:" and "patient #" announce identifiers', () => {
  assert.deepEqual(found('Her NPI is 1234567893.'), [['NPI', '1234567893']]);
  assert.deepEqual(found('Device serial SN: 4XK92-11873-B implanted.'), [['DEVICE_ID', '4XK92-11873-B']]);
  assert.deepEqual(found('Discharge summary for patient #4471920, age 61.'), [['ID', '#4471920']]);
  // Short numbers after "patient #" are places in a list, and "SN" without ':' or '#' is no cue.
  assert.deepEqual(found('She was patient #12 in the cohort; SN 45 degrees.'), []);
});

test('Korean lot-number addresses (지번 주소) after a city, county or district', () => {
  assert.deepEqual(found('서울시 강남구 역삼동 123-45 거주'), [['LOCATION', '서울시 강남구 역삼동 123-45']]);
  assert.deepEqual(found('서울 강남구 역삼1동 825-3에 거주'), [['LOCATION', '서울 강남구 역삼1동 825-3']]);
  assert.deepEqual(found('경기도 양평군 양서면 목왕리 산 12-3'), [['LOCATION', '경기도 양평군 양서면 목왕리 산 12-3']]);
  assert.deepEqual(found('부산광역시 해운대구 우동 1408번지'), [['LOCATION', '부산광역시 해운대구 우동 1408번지']]);
  // A building and a ward are no address.
  assert.deepEqual(found('120동 1402호, 3동 12병상'), []);
});

test('an international number whose country code is in parentheses is found whole', () => {
  assert.deepEqual(found('Spain (+34) 91 336 80 00, UK +44 20 7946 0958'), [['PHONE', '(+34) 91 336 80 00'], ['PHONE', '+44 20 7946 0958']]);
});

test('a labelled address ends at the next label, and a Spanish title is no name', () => {
  assert.deepEqual(found('Domicilio: Calle de Alcalá 145, 3º B, 28009 Madrid. Teléfono: 91 555 12 34'), [['LOCATION', 'Calle de Alcalá 145, 3º B, 28009 Madrid'], ['PHONE', '91 555 12 34']]);
  assert.deepEqual(found('Paciente: Dña. Carmen Ruiz Ortega'), [['NAME', 'Carmen Ruiz Ortega']]);
});

test('a radiology header: capitalised labels, ordinal street names, accession numbers', () => {
  assert.deepEqual(found('PATIENT: HERNANDEZ, JOSE L    MRN: SV-00981234    ACC#: RAD2026-118877'),
    [['NAME', 'HERNANDEZ, JOSE L'], ['MRN', 'SV-00981234'], ['ID', 'RAD2026-118877']]);
  assert.deepEqual(found('2131 W 3rd St'), [['LOCATION', '2131 W 3rd St']]);
});
