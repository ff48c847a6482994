import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findResidenceTowns } from './locations-residence.js';

const found = (text: string): string[] => {
  const out: string[] = [];
  findResidenceTowns(text, (s, e) => { out.push(text.slice(s, e)); });
  return out;
};

test('a town after a residence cue, with the particles of its name', () => {
  assert.deepEqual(found('She grew up in Aigen im Mühlkreis and moved away'), ['Aigen im Mühlkreis']);
  assert.deepEqual(found('a native of Newcastle upon Tyne, now retired'), ['Newcastle upon Tyne']);
  assert.deepEqual(found('The patient lives in Szczecinek with her son'), ['Szczecinek']);
});

test('months, rooms, wards, lower-case words and capitals-only words are no towns', () => {
  for (const text of ['He was born in January 1950', 'lives in Room 4 of the home', 'lives in a nursing home', 'resides in ICU bed 3', 'lives in Section 8 housing', 'moved to Cardiology', 'grew up in Mexico and moved', 'lives in Ohio with her son', 'born and raised in the United States']) assert.deepEqual(found(text), [], text);
});

test('linear on 100 KB of residence cues', () => {
  const text = 'lives in Ab im Cd de Ef '.repeat(5000);
  const t0 = process.hrtime.bigint();
  findResidenceTowns(text, () => undefined);
  assert.ok(Number(process.hrtime.bigint() - t0) / 1e6 < 5000);
});
