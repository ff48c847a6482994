import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayError } from '../types.js';
import { API_KEY_LENGTH, createApiKeyVerifier, issueApiKey, parseApiKey } from './apikeys.js';
import { memoryKeyStore } from './memory-keystore.fixture.js';
import { hashSecret, verifySecret } from './secret-hash.js';

// Tests use a cheap scrypt; one test checks the default cost is what gets stored.
const cost = { logN: 10, r: 8, p: 1 };

const rejectsWith = (p: Promise<unknown>, code: string): Promise<void> =>
  assert.rejects(p, (e: unknown) => e instanceof GatewayError && e.status === 401 && e.code === code);

describe('API key format', () => {
  it('issues mgk_<12 base32>_<43 base64url> and stores only a scrypt hash', async () => {
    const store = memoryKeyStore();
    const { token, record } = await issueApiKey(store, { name: 'ward app', role: 'clinician' });
    assert.match(token, /^mgk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$/);
    assert.equal(token.length, API_KEY_LENGTH);
    assert.equal(store.records.get(record.id)?.secretHash, record.secretHash);
    assert.match(record.secretHash, /^scrypt\$15\$8\$1\$/);
    assert.ok(!record.secretHash.includes(token.slice(-43)));
  });

  it('parses by position, so a secret containing _ still splits correctly', () => {
    const secret = `${'_'.repeat(10)}${'a'.repeat(33)}`;
    assert.deepEqual(parseApiKey(`mgk_abcdefghijk2_${secret}`), { id: 'abcdefghijk2', secret });
    assert.equal(parseApiKey(`mgk_ABCDEFGHIJK2_${secret}`), undefined);
    assert.equal(parseApiKey(`mgk_abcdefghijk2-${secret}`), undefined);
    assert.equal(parseApiKey(`mgk_abcdefghijk2_${secret}x`), undefined);
    assert.equal(parseApiKey('Bearer something'), undefined);
  });

  it('refuses an expiry in the past', async () => {
    await assert.rejects(issueApiKey(memoryKeyStore(), { name: 'n', role: 'r', expiresAt: new Date(0) }, { cost }), /future/);
  });
});

describe('secret hashing', () => {
  it('verifies the right secret and rejects a wrong one', async () => {
    const h = await hashSecret('correct horse', cost);
    assert.equal(await verifySecret('correct horse', h), true);
    assert.equal(await verifySecret('correct hors3', h), false);
  });

  it('treats a malformed or over-costly stored hash as a mismatch instead of throwing', async () => {
    assert.equal(await verifySecret('x', 'not-a-hash'), false);
    assert.equal(await verifySecret('x', 'scrypt$30$8$1$AAAAAAAAAAA$AAAA'), false);
  });
});

describe('API key verifier', () => {
  async function setup(expiresAt: Date | null = null) {
    const store = memoryKeyStore();
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const issued = await issueApiKey(store, { name: 'ward app', role: 'clinician', patient: 'p-1', expiresAt }, { now: new Date(clock), cost });
    const verifier = createApiKeyVerifier(store, { cacheTtlSeconds: 60 }, { now: () => clock, cost });
    return { store, issued, verifier, advance: (ms: number) => { clock += ms; } };
  }

  it('resolves a valid key to its principal', async () => {
    const { issued, verifier } = await setup();
    const p = await verifier.verify(issued.token);
    assert.deepEqual(p, { id: issued.record.id, name: 'ward app', role: 'clinician', patient: 'p-1', via: 'api_key', scopes: [] });
  });

  it('gives one answer for a wrong secret, an unknown id and garbage (nothing to tell them apart)', async () => {
    const { issued, verifier } = await setup();
    const wrongSecret = `${issued.token.slice(0, -1)}${issued.token.endsWith('A') ? 'B' : 'A'}`;
    const unknownId = `mgk_${'a'.repeat(12)}${issued.token.slice(16)}`;
    const errors: string[] = [];
    for (const t of [wrongSecret, unknownId, 'mgk_short']) {
      await verifier.verify(t).catch((e: GatewayError) => errors.push(`${e.status} ${e.code} ${e.message}`));
    }
    assert.equal(errors.length, 3);
    assert.equal(new Set(errors).size, 1);
    assert.match(errors[0] ?? '', /^401 MG_AUTH_INVALID/);
  });

  it('rejects an expired key with MG_AUTH_EXPIRED, also when the verification is cached', async () => {
    const { issued, verifier, advance } = await setup(new Date(Date.parse('2026-01-01T00:00:30Z')));
    await verifier.verify(issued.token);
    advance(31_000);
    await rejectsWith(verifier.verify(issued.token), 'MG_AUTH_EXPIRED');
  });

  it('applies a revocation on the next request even though the verification is cached', async () => {
    const { store, issued, verifier } = await setup();
    await verifier.verify(issued.token);
    await verifier.verify(issued.token);
    await store.revoke(issued.record.id, new Date().toISOString());
    await rejectsWith(verifier.verify(issued.token), 'MG_AUTH_REVOKED');
  });

  it('does not reveal revocation to a caller without the secret', async () => {
    const { store, issued, verifier } = await setup();
    await store.revoke(issued.record.id, new Date().toISOString());
    await rejectsWith(verifier.verify(`${issued.token.slice(0, -2)}zz`), 'MG_AUTH_INVALID');
  });

  it('stops trusting a cache entry once the stored hash changes', async () => {
    const { store, issued, verifier } = await setup();
    await verifier.verify(issued.token);
    const r = store.records.get(issued.record.id);
    assert.ok(r);
    store.records.set(r.id, { ...r, secretHash: await hashSecret('another secret', cost) });
    await rejectsWith(verifier.verify(issued.token), 'MG_AUTH_INVALID');
  });
});
