import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyCache } from './cache.js';
import { key53 } from './keys.js';

test('KeyCache returns what was set for 53-bit keys and empties itself at its limit', () => {
  const c = new KeyCache<string>(1000);
  const keys = Array.from({ length: 1000 }, (_, i) => key53(`text ${i}`));
  keys.forEach((k, i) => c.set(k, `v${i}`));
  assert.equal(c.size, 1000);
  keys.forEach((k, i) => assert.equal(c.get(k), `v${i}`));
  assert.equal(c.get(key53('never set')), undefined);
  // Keys equal in their low 32 bits are still told apart.
  const [a, b] = [2 ** 40 + 5, 2 ** 41 + 5];
  c.set(a, 'a');
  assert.equal(c.size, 1, 'the 1001st entry emptied the cache first');
  assert.equal(c.get(keys[0]!), undefined);
  c.set(b, 'b');
  assert.deepEqual([c.get(a), c.get(b)], ['a', 'b']);
});
