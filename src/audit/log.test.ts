import assert from 'node:assert/strict';
import { statSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sampleEvent } from '../store/fixtures.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { createHeadSigner, verifyHead } from './head.js';
import { loadOrCreateSigningKey, loadPublicKey, publicKeyPathFor } from './keyfile.js';
import { AuditLog } from './log.js';
import { openAudit } from './open.js';
import { verifyChain } from './verify.js';

const dir = mkdtempSync(join(tmpdir(), 'mg-log-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const sub = (): string => join(dir, `l${++n}`);

describe('signing key file', () => {
  it('is created 0600 with its public key beside it, then loaded unchanged', () => {
    const path = join(sub(), 'k.key');
    const first = loadOrCreateSigningKey(path);
    assert.equal(first.created, true);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    const again = loadOrCreateSigningKey(path);
    assert.equal(again.created, false);
    const pub = loadPublicKey(publicKeyPathFor(path));
    assert.ok(pub.equals(first.publicKey));
    const head = createHeadSigner(again.privateKey).signHead(3, 'a'.repeat(64), '2026-01-01T00:00:00.000Z');
    assert.equal(verifyHead(head, pub), true);
    assert.equal(verifyHead({ ...head, seq: 4 }, pub), false);
    assert.equal(verifyHead({ ...head, hash: 'b'.repeat(64) }, pub), false);
  });

  it('refuses a key file that is not an Ed25519 PEM key', () => {
    const path = join(dir, 'bad.key');
    writeFileSync(path, 'not a key');
    assert.throws(() => loadOrCreateSigningKey(path), { code: 'MG_AUDIT_KEY' });
    assert.throws(() => loadPublicKey(path), { code: 'MG_AUDIT_KEY' });
    assert.throws(() => loadPublicKey(join(dir, 'none.pub')), { code: 'MG_IO' });
  });
});

describe('AuditLog', () => {
  it('signs a head every N events, and a final one on close', async () => {
    const store = openSqliteStore(join(sub(), 'a.db'), { durability: 'normal' });
    const key = loadOrCreateSigningKey(join(dir, `k${n}.key`));
    const log = new AuditLog(store, { signer: createHeadSigner(key.privateKey), everyEvents: 5, everySeconds: 3600 });
    for (let i = 1; i <= 12; i++) await log.store.audit.append(sampleEvent(i));
    assert.deepEqual((await store.audit.heads()).map((h) => h.seq), [5, 10]);
    await log.close();
    assert.deepEqual((await store.audit.heads()).map((h) => h.seq), [5, 10, 12]);
    const result = await verifyChain(store.audit, key.publicKey);
    assert.equal(result.ok, true);
    assert.equal(result.lastSignedSeq, 12);
    await store.close();
  });

  it('signs after the interval in seconds even below N events', async () => {
    const store = openSqliteStore(join(sub(), 'a.db'), { durability: 'normal' });
    let now = Date.UTC(2026, 0, 1);
    const key = loadOrCreateSigningKey(join(dir, `k${n}.key`));
    const log = new AuditLog(store, { signer: createHeadSigner(key.privateKey), everyEvents: 1000, everySeconds: 60, now: () => new Date(now) });
    await log.record(sampleEvent(1));
    now += 61_000;
    await log.record(sampleEvent(2));
    await log.record(sampleEvent(3));
    assert.deepEqual((await store.audit.heads()).map((h) => [h.seq, h.signedAt]), [[2, '2026-01-01T00:01:01.000Z']]);
    await log.close();
    await store.close();
  });

  it('signs each seq at most once under concurrent records, and resumes after a restart', async () => {
    const path = join(sub(), 'a.db');
    const keyPath = join(dir, `k${n}.key`);
    const key = loadOrCreateSigningKey(keyPath);
    let store = openSqliteStore(path, { durability: 'normal' });
    let log = new AuditLog(store, { signer: createHeadSigner(key.privateKey), everyEvents: 1 });
    await Promise.all(Array.from({ length: 20 }, (_, i) => log.record(sampleEvent(i + 1))));
    const seqs = (await store.audit.heads()).map((h) => h.seq);
    assert.equal(new Set(seqs).size, seqs.length);
    assert.equal(Math.max(...seqs), 20);
    await log.close();
    await store.close();
    store = openSqliteStore(path, { durability: 'normal' });
    log = new AuditLog(store, { signer: createHeadSigner(key.privateKey), everyEvents: 3 });
    for (let i = 21; i <= 23; i++) await log.record(sampleEvent(i));
    assert.equal(Math.max(...(await store.audit.heads()).map((h) => h.seq)), 23);
    assert.equal((await verifyChain(store.audit, key.publicKey)).ok, true);
    await log.close();
    await store.close();
  });

  it('still returns the stored event when writing a head fails, and reports the failure', async () => {
    const store = openSqliteStore(join(sub(), 'a.db'), { durability: 'normal' });
    const errors: unknown[] = [];
    const failing = { ...store, audit: { ...store.audit, putHead: () => Promise.reject(new Error('disk full')) } };
    const key = loadOrCreateSigningKey(join(dir, `k${n}.key`));
    const log = new AuditLog(failing, { signer: createHeadSigner(key.privateKey), everyEvents: 1, onError: (e) => errors.push(e) });
    const event = await log.record(sampleEvent(1));
    assert.equal(event.seq, 1);
    assert.equal(errors.length, 1);
    assert.equal((await store.audit.get(1))?.hash, event.hash);
    await log.close().catch(() => undefined);
    await store.close();
  });

  it('keeps an unsigned chain without a signer', async () => {
    const store = openSqliteStore(join(sub(), 'a.db'), { durability: 'normal' });
    const log = new AuditLog(store);
    await log.record(sampleEvent(1));
    await log.close();
    assert.deepEqual(await store.audit.heads(), []);
    await store.close();
  });
});

describe('openAudit', () => {
  it('creates the db folder and the key beside the db, and writes through the log', async () => {
    const path = join(sub(), 'nested', 'medguard.db');
    const opened = openAudit({ path, durability: 'normal', sign: true, headSignIntervalEvents: 2, headSignIntervalSeconds: 60 });
    assert.equal(opened.keyCreated, true);
    assert.equal(opened.publicKeyPath, join(dir, `l${n}`, 'nested', 'audit-signing.key.pub'));
    for (let i = 1; i <= 3; i++) await opened.log.store.audit.append(sampleEvent(i));
    await opened.close();
    const store = openSqliteStore(path, { readonly: true });
    const result = await verifyChain(store.audit, loadPublicKey(opened.publicKeyPath ?? ''));
    assert.deepEqual([result.ok, result.checked, result.lastSignedSeq], [true, 3, 3]);
    await store.close();
  });
});
