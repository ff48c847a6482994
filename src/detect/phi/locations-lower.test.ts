import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectPhi } from './index.js';

const places = (t: string): string[] => detectPhi(t).filter((f) => f.type === 'LOCATION').map((f) => t.slice(f.start, f.end));

test('lower-case lines: listed towns after a preposition, not ordinary words, states, eponyms', () => {
  assert.deepEqual(places('robert w., from miami, admitted on 5/25/2023'), ['miami']);
  assert.deepEqual(places('patient named mary j., who visited our clinic in chicago'), ['chicago']);
  assert.deepEqual(places('lives in the milwaukee area'), ['milwaukee']);
  assert.deepEqual(places('used in mobile apps, moved to texas, the district of columbia, history of huntington disease'), []);
});

test('lower-case lines: named facilities, but not generic or phrase-like ones', () => {
  assert.deepEqual(places("seen at st. mary's hospital on march 22"), ["st. mary's hospital"]);
  assert.deepEqual(places('seen at coastal clinic, then admitted to ucsf'), ['coastal clinic', 'ucsf']);
  assert.deepEqual(places('presented to elmhurst medical center'), ['elmhurst medical center']);
  assert.deepEqual(places('they need to be admitted to the hospital; referred to the hematology clinic; our sle clinic'), []);
});

test('a lower-case place in a line with capitals is left to the cased rules', () => {
  assert.deepEqual(places('Used in mobile apps and seen at the clinic in chicago'), []);
});
