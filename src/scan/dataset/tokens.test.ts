import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asciiWordHashes, hash32, wordBuffer, words } from './tokens.js';

test('the ASCII word pass gives the hashes of words() + hash32, and of the plural fold', () => {
  const b = wordBuffer(96);
  const text = 'Adults on Metformin-XR 500mg: glasses, bus, virus; cardio\u200bzeta? 2nd dose';
  assert.equal(asciiWordHashes(text, 96, b), false, 'a zero-width space is not ASCII: the general path takes it');
  const ascii = 'Adults on Metformin-XR 500mg: glasses, bus, virus, apixaban tablets -- 2nd DOSES of it';
  assert.equal(asciiWordHashes(ascii, 96, b), true);
  const w = words(ascii, 96);
  assert.deepEqual([...b.plain.subarray(0, b.count)], w.map((x) => hash32(x)));
  assert.deepEqual(w.map((x, i) => ascii.slice(b.start[i]!, b.end[i]!).toLowerCase() === x), w.map(() => true));
  const folded = ['adult', 'on', 'metformin', 'xr', '500mg', 'glasse', 'bus', 'virus', 'apixaban', 'tablet', '2nd', 'dose', 'of', 'it'];
  assert.deepEqual([...b.folded.subarray(0, b.count)], folded.map((x) => hash32(x)));
  assert.equal(asciiWordHashes(ascii, 3, b), true);
  assert.equal(b.count, 3);
});
