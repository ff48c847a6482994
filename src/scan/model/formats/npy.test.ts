import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildNpy, buildZip, pickle } from '../testing/build.js';
import { scanBytes, techniques } from '../testing/scan.js';
import { parsePyLiteral } from './pyliteral.js';

test('the header literal parser reads dicts, tuples and strings and rejects code', () => {
  const v = parsePyLiteral("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }");
  assert.ok(v instanceof Map);
  assert.deepEqual(v.get('shape'), [3, 2]);
  assert.equal(parsePyLiteral("{'descr': __import__('os')}"), null);
  assert.equal(parsePyLiteral('('.repeat(100)), null);
});

test('numeric arrays are safe when the body matches the shape', async () => {
  const r = await scanBytes(buildNpy("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", new Uint8Array(12)));
  assert.equal(r.format, 'npy');
  assert.deepEqual(r.findings, []);
  const short = await scanBytes(buildNpy("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", new Uint8Array(8)));
  assert.equal(short.verdict, 'unsafe');
});

test('object arrays: the pickle body is scanned', async () => {
  const evil = pickle().proto(3).call('posix', 'system', 'id').stop().bytesOut();
  const r = await scanBytes(buildNpy("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", evil));
  assert.ok(techniques(r).includes('pickle.global.denied'));
  const ok = pickle().proto(3).global('numpy.core.multiarray', '_reconstruct').global('numpy', 'ndarray').int(0).tuple1().bytes(new Uint8Array([0x62])).raw(0x87).reduce().stop().bytesOut();
  const benign = await scanBytes(buildNpy("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", ok));
  assert.equal(benign.verdict, 'safe');
});

test('npz members are scanned', async () => {
  const evil = buildNpy("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", pickle().proto(3).call('os', 'system', 'id').stop().bytesOut());
  const r = await scanBytes(buildZip([{ name: 'a.npy', data: evil, deflate: true }]));
  assert.equal(r.format, 'npz');
  assert.ok(techniques(r).includes('pickle.global.denied'));
});
