/**
 * The store conformance suite: every Store (SQLite today, PostgreSQL later) must pass it. Call it
 * from a test file with a factory that opens a fresh, empty store each time.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chainHash, canonicalEvent, GENESIS_HASH } from '../audit/chain.js';
import { verifyChain } from '../audit/verify.js';
import { injectionFinding, phoneFinding, sampleEvent } from './fixtures.js';
import type { ApiKeyRecord, Store } from './types.js';

export type StoreFactory = () => Promise<Store>;

async function withStore(open: StoreFactory, fn: (s: Store) => Promise<void>): Promise<void> {
  const store = await open();
  try {
    await fn(store);
  } finally {
    await store.close();
  }
}

const key = (id: string, over: Partial<ApiKeyRecord> = {}): ApiKeyRecord => ({
  id,
  name: `name ${id}`,
  role: 'clinician',
  patient: null,
  secretHash: `scrypt$${id}`,
  createdAt: '2026-01-01T00:00:00.000Z',
  expiresAt: null,
  revokedAt: null,
  ...over,
});

export function storeConformanceSuite(name: string, open: StoreFactory): void {
  describe(`store conformance: ${name}`, () => {
    it('chains appends from the genesis hash, seq from 1, and returns what it stored', () =>
      withStore(open, async (s) => {
        const a = await s.audit.append(sampleEvent(1));
        const b = await s.audit.append(sampleEvent(5));
        assert.equal(a.seq, 1);
        assert.equal(b.seq, 2);
        assert.equal(a.prevHash, GENESIS_HASH);
        assert.equal(b.prevHash, a.hash);
        assert.equal(b.hash, chainHash(a.hash, canonicalEvent(2, sampleEvent(5))));
        assert.deepEqual(await s.audit.get(2), b);
        assert.deepEqual(b.findings, [injectionFinding]);
        assert.equal(await s.audit.get(3), undefined);
      }));

    it('keeps nulls, unicode and findings exactly', () =>
      withStore(open, async (s) => {
        const input = sampleEvent(3, { principal: null, route: 'clínica-ü', reasons: ['MG_A', 'MG_B'], findings: [phoneFinding, injectionFinding] });
        const stored = await s.audit.append(input);
        const back = await s.audit.get(stored.seq);
        assert.deepEqual(back, { ...input, seq: 1, prevHash: GENESIS_HASH, hash: stored.hash });
      }));

    it('queries newest first with every filter, and bounds the limit', () =>
      withStore(open, async (s) => {
        for (let i = 1; i <= 30; i++) await s.audit.append(sampleEvent(i));
        const all = await s.audit.query({});
        assert.deepEqual(all.map((e) => e.seq), Array.from({ length: 30 }, (_, i) => 30 - i));
        assert.ok((await s.audit.query({ principal: 'key_1' })).every((e) => e.principal === 'key_1'));
        assert.equal((await s.audit.query({ principal: 'key_1' })).length, 10);
        assert.ok((await s.audit.query({ route: 'research' })).every((e) => e.route === 'research'));
        assert.deepEqual((await s.audit.query({ verdict: 'block' })).map((e) => e.seq), [30, 25, 20, 15, 10, 5]);
        assert.deepEqual((await s.audit.query({ kind: 'phi.PHONE' })).map((e) => e.seq), [28, 21, 14, 7]);
        assert.deepEqual((await s.audit.query({ kind: 'phi' })).map((e) => e.seq), [28, 21, 14, 7]);
        assert.deepEqual((await s.audit.query({ kind: 'phi.NAME' })).map((e) => e.seq), []);
        assert.deepEqual((await s.audit.query({ sinceSeq: 10, beforeSeq: 13 })).map((e) => e.seq), [12, 11, 10]);
        assert.deepEqual((await s.audit.query({ verdict: 'block', limit: 2 })).map((e) => e.seq), [30, 25]);
        assert.equal((await s.audit.query({ limit: 0 })).length, 1);
      }));

    it('caps query at 1000 and scans every event in order across pages', () =>
      withStore(open, async (s) => {
        for (let i = 1; i <= 1203; i++) await s.audit.append(sampleEvent(i));
        assert.equal((await s.audit.query({ limit: 5000 })).length, 1000);
        let expected = 1;
        for await (const e of s.audit.scan()) assert.equal(e.seq, expected++);
        assert.equal(expected, 1204);
        const tail: number[] = [];
        for await (const e of s.audit.scan(1200)) tail.push(e.seq);
        assert.deepEqual(tail, [1200, 1201, 1202, 1203]);
        assert.equal((await verifyChain(s.audit)).ok, true);
      }));

    it('serialises concurrent appends into one valid chain', () =>
      withStore(open, async (s) => {
        const stored = await Promise.all(Array.from({ length: 40 }, (_, i) => s.audit.append(sampleEvent(i + 1))));
        assert.deepEqual(stored.map((e) => e.seq).sort((x, y) => x - y), Array.from({ length: 40 }, (_, i) => i + 1));
        const result = await verifyChain(s.audit);
        assert.equal(result.ok, true);
        assert.equal(result.checked, 40);
      }));

    it('stores signed heads and pages them by seq, oldest or newest first', () =>
      withStore(open, async (s) => {
        await s.audit.putHead({ seq: 9, hash: 'b'.repeat(64), signedAt: '2026-01-01T00:01:00.000Z', keyId: 'k1', signature: 'c2ln' });
        await s.audit.putHead({ seq: 4, hash: 'a'.repeat(64), signedAt: '2026-01-01T00:00:00.000Z', keyId: 'k1', signature: 'c2ln' });
        await s.audit.putHead({ seq: 12, hash: 'd'.repeat(64), signedAt: '2026-01-01T00:02:00.000Z', keyId: 'k1', signature: 'c2ln' });
        assert.deepEqual((await s.audit.heads()).map((h) => h.seq), [4, 9, 12]);
        assert.deepEqual((await s.audit.heads({ afterSeq: 4, limit: 1 })).map((h) => h.seq), [9]);
        assert.deepEqual((await s.audit.heads({ newestFirst: true, limit: 2 })).map((h) => h.seq), [12, 9]);
        assert.deepEqual(await s.audit.heads({ afterSeq: 12 }), []);
      }));

    it('creates, lists and revokes API keys (first revocation time stands)', () =>
      withStore(open, async (s) => {
        await s.keys.create(key('a1', { patient: 'pt-1', expiresAt: '2027-01-01T00:00:00.000Z' }));
        await s.keys.create(key('b2', { createdAt: '2026-02-01T00:00:00.000Z' }));
        await assert.rejects(s.keys.create(key('a1')), { code: 'MG_STORE' });
        assert.deepEqual(await s.keys.get('a1'), key('a1', { patient: 'pt-1', expiresAt: '2027-01-01T00:00:00.000Z' }));
        assert.equal(await s.keys.get('zz'), undefined);
        assert.deepEqual((await s.keys.list()).map((k) => k.id), ['a1', 'b2']);
        assert.equal(await s.keys.revoke('b2', '2026-03-01T00:00:00.000Z'), true);
        assert.equal(await s.keys.revoke('b2', '2026-04-01T00:00:00.000Z'), true);
        assert.equal((await s.keys.get('b2'))?.revokedAt, '2026-03-01T00:00:00.000Z');
        assert.equal(await s.keys.revoke('nope', '2026-03-01T00:00:00.000Z'), false);
      }));
  });
}
