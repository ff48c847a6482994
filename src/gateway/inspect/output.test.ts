import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newCanary } from './output.js';

test('canaries are 9 random bytes each, never repeated across refills of the random pool', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    const c = newCanary();
    assert.match(c, /^mgc-[A-Za-z0-9_-]{12}$/);
    seen.add(c);
  }
  assert.equal(seen.size, 2000);
});
