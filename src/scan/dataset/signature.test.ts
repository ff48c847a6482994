import { test } from 'node:test';
import assert from 'node:assert/strict';
import { differingBytes, packLowBytes } from './signature.js';

test('differing low bytes never exceed differing minima, and count them when the low bytes differ', () => {
  assert.equal(differingBytes(0x11223344, 0x11223344), 0);
  assert.equal(differingBytes(0x11223344, 0x11ff3344), 1);
  assert.equal(differingBytes(0x7f7f7f7f, -0x7f7f7f80), 4);
  assert.equal(differingBytes(0x00000080, 0x00000000), 1);
  const a = Int32Array.from([5, 0x105, -1, 7, 1 << 30, 3, 0x7fffffff, 9]);
  const b = Int32Array.from([5, 0x205, -1, 8, 1 << 30, 4, 0x7fffffff, 9]);
  const pa = new Int32Array(2);
  const pb = new Int32Array(2);
  packLowBytes(a, pa, 0);
  packLowBytes(b, pb, 0);
  // Minima 1, 3 and 5 differ; 1 only above its low byte, so two differing bytes are seen.
  assert.equal(differingBytes(pa[0]!, pb[0]!) + differingBytes(pa[1]!, pb[1]!), 2);
});
