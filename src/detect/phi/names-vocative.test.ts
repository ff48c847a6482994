import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findVocatives } from './names-vocative.js';

const vocatives = (text: string): string[] => {
  const out: string[] = [];
  findVocatives(text, (s, e) => { out.push(text.slice(s, e)); });
  return out;
};

test('a common given name after a comma and before "!" or "?" is addressed: a name', () => {
  assert.deepEqual(vocatives("Don't go to town, Mark!"), ['Mark']);
  assert.deepEqual(vocatives('Remember me, Kelly? When I killed your brother, Rose!'), ['Kelly', 'Rose']);
});

test('no comma, a period, an unlisted word, a lower-case word: nothing', () => {
  assert.deepEqual(vocatives('Is it Mark?'), []);
  assert.deepEqual(vocatives('Send it to Acme, Inc.'), []);
  assert.deepEqual(vocatives('Any allergies, Penicillin?'), []);
  assert.deepEqual(vocatives('How old are you, sir? And you, dear?'), []);
  assert.deepEqual(vocatives('?!?'), []);
});
