import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asciiWordHashes, hash32, wordBuffer, words } from './tokens.js';
import { key53, Key53, normalise } from './keys.js';

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

test('key53 is the two seeded hash32 values of its text, in one pass', () => {
  for (const s of ['', 'a', 'You are a careful clinical assistant.', 'caf\u00e9 \u{1f600} \u0000x']) {
    assert.equal(key53(s), hash32(s) * 0x200000 + (hash32(s, 0x9747b28c) & 0x1fffff));
  }
});

test('Key53 pieces and normal forms key as the joined normalised string does', () => {
  const texts = ['  Hello,\tWORLD \n\r\v\f x  ', '', ' \t ', 'Ｆｕｌｌ width \u00a0 and ﬁ', 'plain', 'A\u2028B  c'];
  for (const t of texts) assert.equal(new Key53().normalised(t).value(), key53(normalise(t)), JSON.stringify(t));
  const k = new Key53().text('user').char(0).normalised(texts[0]!).char(1).text('assistant').char(0).normalised(texts[3]!);
  assert.equal(k.value(), key53(`user\u0000${normalise(texts[0]!)}\u0001assistant\u0000${normalise(texts[3]!)}`));
});
