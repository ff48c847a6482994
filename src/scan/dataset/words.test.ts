import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WordTable } from './words.js';

test('WordTable counts and keeps words as a Map would, through growth and keys above 2^31', () => {
  const t = new WordTable();
  const df = new Map<number, number>();
  const words = new Map<number, string>();
  let s = 99;
  for (let i = 0; i < 20_000; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const key = i % 3 === 0 ? s : s % 5000;
    t.count(key);
    df.set(key, (df.get(key) ?? 0) + 1);
    if (i % 2 === 0) {
      const slot = t.wordless(key);
      assert.equal(slot >= 0, !words.has(key));
      if (slot >= 0) { t.keep(slot, `w${i}`); words.set(key, `w${i}`); }
    }
  }
  for (const [k, n] of df) assert.equal(t.df(k), n);
  for (const [k, w] of words) assert.equal(t.word(k), w);
  assert.equal(t.words, words.size);
  assert.equal(t.df(0xfffffff7), df.get(0xfffffff7) ?? 0);
  assert.equal(t.word(123456789), words.get(123456789));
});
