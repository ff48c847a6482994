import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import { verifyChain } from '../../audit/verify.js';
import { sampleEvent } from '../fixtures.js';
import { storeConformanceSuite } from '../suite.js';
import { openPostgresStore } from './index.js';
import { PG_MIGRATIONS, PG_SCHEMA_VERSION } from './schema.js';
import { dropSchema, openTestPostgresStore, PG_TEST_URL, postgresUnavailable, testSchemaName } from './testing.js';

const skip = await postgresUnavailable();

if (skip === undefined) storeConformanceSuite('postgres', () => openTestPostgresStore());

describe('postgres store', { skip }, () => {
  it('two instances starting together migrate once and share one chain', async () => {
    const schema = testSchemaName();
    try {
      const [a, b] = await Promise.all([openPostgresStore(PG_TEST_URL, { schema }), openPostgresStore(PG_TEST_URL, { schema })]);
      await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? a : b).audit.append(sampleEvent(i + 1))));
      const result = await verifyChain(a.audit);
      assert.deepEqual([result.ok, result.checked], [true, 30]);
      const c = new pg.Client({ connectionString: PG_TEST_URL });
      await c.connect();
      const v = await c.query(`SELECT version FROM ${schema}.schema_version ORDER BY version`);
      await c.end();
      assert.deepEqual(v.rows.map((r: { version: number }) => r.version), Array.from({ length: PG_SCHEMA_VERSION }, (_, i) => i + 1));
      assert.equal(PG_MIGRATIONS.length, PG_SCHEMA_VERSION);
      await Promise.all([a.close(), b.close()]);
    } finally {
      await dropSchema(schema);
    }
  });

  it('appendOnce stores an event exactly once however often it is replayed', async () => {
    const s = await openTestPostgresStore();
    try {
      const first = await s.audit.appendOnce(sampleEvent(1), 'id-1');
      const again = await s.audit.appendOnce(sampleEvent(1), 'id-1');
      const other = await s.audit.appendOnce(sampleEvent(2), 'id-2');
      assert.deepEqual(again, first);
      assert.equal(other.seq, 2);
      assert.equal((await verifyChain(s.audit)).checked, 2);
    } finally {
      await s.close();
    }
  });

  it('group commit: concurrent appends and replays in one batch keep one verifiable chain, each id stored once', async () => {
    const s = await openTestPostgresStore();
    try {
      const first = await s.audit.appendOnce(sampleEvent(1), 'id-1', { fresh: true });
      // One turn: new events, a replay of a stored id, and the same new id twice.
      const batch = await Promise.all([
        s.audit.append(sampleEvent(2)),
        s.audit.appendOnce(sampleEvent(1), 'id-1'),
        s.audit.appendOnce(sampleEvent(3), 'id-3'),
        s.audit.appendOnce(sampleEvent(3), 'id-3'),
        ...Array.from({ length: 40 }, (_, i) => s.audit.append(sampleEvent(i + 4))),
      ]);
      assert.deepEqual(batch[1], first);
      assert.deepEqual(batch[3], batch[2]);
      assert.deepEqual(batch.map((e) => e.seq), [2, 1, 3, 3, ...Array.from({ length: 40 }, (_, i) => i + 4)]);
      const result = await verifyChain(s.audit);
      assert.deepEqual([result.ok, result.checked], [true, 43]);
      const withKind = batch.find((e) => e.findings.length > 0);
      if (withKind) assert.ok((await s.audit.query({ kind: withKind.findings[0]?.kind ?? '' })).some((e) => e.seq === withKind.seq));
    } finally {
      await s.close();
    }
  });

  it('a read-only opener verifies, refuses writes, and refuses a missing or newer schema', async () => {
    const s = await openTestPostgresStore();
    try {
      await s.audit.append(sampleEvent(1));
      const r = await openPostgresStore(PG_TEST_URL, { schema: s.schema, readonly: true });
      assert.equal((await verifyChain(r.audit)).ok, true);
      await assert.rejects(r.audit.append(sampleEvent(2)), { code: 'MG_STORE' });
      await r.close();
      await assert.rejects(openPostgresStore(PG_TEST_URL, { schema: 'mg_t_missing_schema', readonly: true }), { code: 'MG_STORE' });
      const c = new pg.Client({ connectionString: PG_TEST_URL });
      await c.connect();
      await c.query(`INSERT INTO ${s.schema}.schema_version (version) VALUES (${PG_SCHEMA_VERSION + 1})`);
      await c.end();
      await assert.rejects(openPostgresStore(PG_TEST_URL, { schema: s.schema }), { code: 'MG_STORE_SCHEMA' });
    } finally {
      await s.close();
    }
  });

  it('shares one random secret between instances', async () => {
    const s = await openTestPostgresStore();
    try {
      const other = await openPostgresStore(PG_TEST_URL, { schema: s.schema });
      const [x, y] = await Promise.all([s.sharedSecret('pseudonym'), other.sharedSecret('pseudonym')]);
      assert.equal(x.length, 32);
      assert.deepEqual(x, y);
      await other.close();
    } finally {
      await s.close();
    }
  });

  it('an unreachable server is MG_STORE_UNAVAILABLE naming store.url, without the password', async () => {
    await assert.rejects(openPostgresStore('postgres://u:s3cret@127.0.0.1:1/test', { connectTimeoutMs: 1000 }), (e: Error & { code?: string; field?: string }) =>
      e.code === 'MG_STORE_UNAVAILABLE' && e.field === 'store.url' && !e.message.includes('s3cret'));
  });
});
