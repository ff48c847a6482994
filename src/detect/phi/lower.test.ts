import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lowerAt, type LowerWords } from './lower.js';

test('lowerAt gives the lower-cased slice, from the per-call cache or not', () => {
  const text = 'Dr. Álvarez saw Ann and ANN and ann; İlker, ÉMILE and Émile came.';
  const words: LowerWords = new Map();
  for (let round = 0; round < 2; round++) {
    for (let a = 0; a < text.length; a++) {
      for (let b = a; b <= Math.min(text.length, a + 8); b++) {
        assert.equal(lowerAt(text, a, b, words), text.slice(a, b).toLowerCase());
        assert.equal(lowerAt(text, a, b, undefined), text.slice(a, b).toLowerCase());
      }
    }
  }
  assert.equal(lowerAt(text, 5, 3, words), '');
});

test('a cache entry of another spelling with the same hash is not returned', () => {
  const text = 'Ann saw Bob';
  const words: LowerWords = new Map();
  lowerAt(text, 0, 3, words);
  // Plant a colliding entry: the key of 'Bob' made to hold 'Ann'.
  let h = 0x811c9dc5;
  for (const c of 'Bob') h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  words.set(h, { raw: 'Ann', lw: 'ann' });
  assert.equal(lowerAt(text, 8, 11, words), 'bob');
});
