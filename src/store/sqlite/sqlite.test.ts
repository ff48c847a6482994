import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { GENESIS_HASH, linkEvent } from '../../audit/chain.js';
import { verifyChain } from '../../audit/verify.js';
import { sampleEvent } from '../fixtures.js';
import { storeConformanceSuite } from '../suite.js';
import { openSqliteStore } from './index.js';
import { sqliteAuditStore } from './audit.js';
import { migrate, MIGRATIONS, SCHEMA_VERSION } from './schema.js';

const dir = mkdtempSync(join(tmpdir(), 'mg-sqlite-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = (): string => {
  const sub = join(dir, `s${++n}`);
  mkdirSync(sub);
  return join(sub, 'medguard.db');
};

// `normal` keeps the suite quick on slow disks; durability itself is covered by the crash test below.
storeConformanceSuite('sqlite', async () => openSqliteStore(fresh(), { durability: 'normal' }));

describe('sqlite store', () => {
  it('opens in WAL mode and records its schema version', async () => {
    const path = fresh();
    const store = openSqliteStore(path);
    await store.close();
    const db = new Database(path, { readonly: true });
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal((db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number }).v, SCHEMA_VERSION);
    db.close();
  });

  it('commits heads with FULL sync (making the events before them durable) and events with NORMAL', async () => {
    const db = new Database(fresh());
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db);
    const calls: string[] = [];
    const pragma = db.pragma.bind(db);
    db.pragma = ((source: string, options?: Database.PragmaOptions) => {
      calls.push(source);
      return pragma(source, options);
    }) as typeof db.pragma;
    const audit = sqliteAuditStore(db, { syncHeads: true });
    const event = await audit.append(sampleEvent(1));
    assert.deepEqual(calls, []);
    await audit.putHead({ seq: event.seq, hash: event.hash, signedAt: '2026-01-01T00:00:00.000Z', keyId: 'k', signature: 'AA==' });
    assert.deepEqual(calls, ['synchronous = FULL', 'synchronous = NORMAL']);
    assert.equal(pragma('synchronous', { simple: true }), 1);
    assert.equal((await audit.heads()).length, 1);
    db.close();
  });

  it('reports a failed append as MG_STORE without the event in the message', async () => {
    const path = fresh();
    const store = openSqliteStore(path);
    const db = new Database(path);
    db.exec("CREATE TRIGGER no_more BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'disk says no'); END");
    db.close();
    await assert.rejects(store.audit.append(sampleEvent(1, { principal: 'dr-unique-principal' })), (e: Error & { code?: string }) => e.code === 'MG_STORE' && !e.message.includes('dr-unique-principal'));
    await store.close();
  });

  it('lets a read-only verifier read while the writer keeps appending', async () => {
    const path = fresh();
    const writer = openSqliteStore(path);
    for (let i = 1; i <= 5; i++) await writer.audit.append(sampleEvent(i));
    const reader = openSqliteStore(path, { readonly: true });
    await writer.audit.append(sampleEvent(6));
    const result = await verifyChain(reader.audit);
    assert.deepEqual([result.ok, result.checked], [true, 6]);
    await assert.rejects(reader.audit.append(sampleEvent(7)), { code: 'MG_STORE' });
    await reader.close();
    await writer.close();
  });

  it('continues the chain after reopening', async () => {
    const path = fresh();
    let store = openSqliteStore(path);
    const first = await store.audit.append(sampleEvent(1));
    await store.close();
    store = openSqliteStore(path);
    const second = await store.audit.append(sampleEvent(2));
    assert.equal(second.seq, 2);
    assert.equal(second.prevHash, first.hash);
    await store.close();
  });

  it('upgrades a version-1 store in place, back-filling the family index', async () => {
    const path = fresh();
    const db = new Database(path);
    db.exec('CREATE TABLE schema_version (version INTEGER NOT NULL)');
    db.exec(MIGRATIONS[0] ?? '');
    db.prepare('INSERT INTO schema_version (version) VALUES (1)').run();
    const { canonical, event } = linkEvent(1, GENESIS_HASH, sampleEvent(7));
    db.prepare('INSERT INTO events (seq, time, request_id, principal, route, verdict, status, canonical, prev_hash, hash) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      event.time, event.requestId, event.principal, event.route, event.verdict, event.status, canonical, event.prevHash, event.hash,
    );
    db.prepare("INSERT INTO event_kinds (kind, family, seq) VALUES ('phi.PHONE', 'phi', 1)").run();
    db.close();
    const store = openSqliteStore(path);
    assert.deepEqual((await store.audit.query({ kind: 'phi' })).map((e) => e.seq), [1]);
    assert.equal((await verifyChain(store.audit)).ok, true);
    await store.close();
    const check = new Database(path, { readonly: true });
    assert.equal((check.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number }).v, 2);
    check.close();
  });

  it('refuses a store written by a newer schema', async () => {
    const path = fresh();
    await openSqliteStore(path).close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION + 1);
    db.close();
    assert.throws(() => openSqliteStore(path), { code: 'MG_STORE_SCHEMA' });
    assert.throws(() => openSqliteStore(path, { readonly: true }), { code: 'MG_STORE_SCHEMA' });
  });

  it('reports a missing file (read-only) and a non-store file as MG_STORE', async () => {
    assert.throws(() => openSqliteStore(join(dir, 'missing', 'x.db'), { readonly: true }), { code: 'MG_STORE' });
    const path = fresh();
    const db = new Database(path);
    db.exec('CREATE TABLE other (x)');
    db.close();
    assert.throws(() => openSqliteStore(path, { readonly: true }), { code: 'MG_STORE' });
  });

  it('leaves a verifiable chain when the writer is SIGKILLed mid-append', async () => {
    const path = fresh();
    await openSqliteStore(path).close();
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./append-loop.fixture.ts', import.meta.url)), path], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('ready')) resolve();
      });
    });
    // Let it get well into further appends, then kill it without warning.
    await new Promise((r) => setTimeout(r, 300));
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    const store = openSqliteStore(path);
    const result = await verifyChain(store.audit);
    assert.equal(result.ok, true, JSON.stringify(result.firstBad));
    assert.ok(result.checked >= 50);
    const next = await store.audit.append(sampleEvent(0));
    assert.equal(next.seq, result.lastSeq + 1);
    assert.equal((await verifyChain(store.audit)).ok, true);
    await store.close();
  });
});
