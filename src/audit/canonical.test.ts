import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson } from './canonical.js';
import { fingerprint, fingerprintKey } from './fingerprint.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined, and has no whitespace', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true }, u: undefined }), '{"a":{"c":true,"d":[1,"x",null]},"b":1}');
  });

  it('gives one string for objects built in any key order', () => {
    assert.equal(canonicalJson({ x: 1, y: 2 }), canonicalJson({ y: 2, x: 1 }));
  });

  it('prints numbers and escapes strings as JSON does', () => {
    assert.equal(canonicalJson([1.5, -0, 1e21, 'é"\n']), '[1.5,0,1e+21,"é\\"\\n"]');
  });

  it('refuses values with no JSON form instead of hashing them as null', () => {
    assert.throws(() => canonicalJson({ a: Number.NaN }), { code: 'MG_INPUT_INVALID' });
    assert.throws(() => canonicalJson({ a: () => 1 }), { code: 'MG_INPUT_INVALID' });
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    assert.throws(() => canonicalJson(deep), { code: 'MG_INPUT_INVALID' });
  });
});

describe('fingerprint', () => {
  const key = Buffer.alloc(32, 7);

  it('is 16 hex digits, equal for equal values, different for different values or keys', () => {
    const a = fingerprint('MRN 12345678', key);
    assert.match(a, /^[0-9a-f]{16}$/);
    assert.equal(fingerprint('MRN 12345678', key), a);
    assert.notEqual(fingerprint('MRN 12345679', key), a);
    assert.notEqual(fingerprint('MRN 12345678', Buffer.alloc(32, 8)), a);
  });

  it('reads a key from hex or a long string, is random when absent, and refuses a short one', () => {
    assert.deepEqual(fingerprintKey('ab'.repeat(32)), { key: Buffer.alloc(32, 0xab), random: false });
    assert.equal(fingerprintKey('a passphrase of some length').random, false);
    assert.equal(fingerprintKey(undefined).random, true);
    assert.notDeepEqual(fingerprintKey(undefined).key, fingerprintKey(undefined).key);
    assert.throws(() => fingerprintKey('tiny-k3y', 'MEDGUARD_FP'), (e: Error & { code?: string }) => e.code === 'MG_CONFIG_INVALID' && !e.message.includes('tiny-k3y'));
  });
});
