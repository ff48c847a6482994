import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findLowerPairs } from './names-lower-pairs.js';

const pairs = (t: string): string[] => {
  const out: string[] = [];
  findLowerPairs(t, (s, e) => { out.push(t.slice(s, e)); });
  return out;
};

test('a common given name with an initial or a listed surname, in a lower-case line', () => {
  assert.deepEqual(pairs('a 72-year-old female, mary j., seen at ucla'), ['mary j.']);
  assert.deepEqual(pairs('for anne-marie b., who resides at 12 elm st'), ['anne-marie b.']);
  assert.deepEqual(pairs('history of present illness: sharon wright is a pleasant 36-year-old'), ['sharon wright']);
});

test('no pair for ordinary given names, verbs after a name, eponyms or cased lines', () => {
  assert.deepEqual(pairs('mark my words; emily said so; grace will come'), []);
  assert.deepEqual(pairs('what is miller fisher syndrome ?'), []);
  assert.deepEqual(pairs('Seen today: mary j. and Sharon Wright'), []);
});
