import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { sampleEvent } from '../store/fixtures.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { AuditStore, Store } from '../store/types.js';
import { canonicalEvent, chainHash } from './chain.js';
import { createHeadSigner } from './head.js';
import { verifyChain } from './verify.js';

const dir = mkdtempSync(join(tmpdir(), 'mg-verify-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const keys = generateKeyPairSync('ed25519');
const signer = createHeadSigner(keys.privateKey);

/** A store with `count` events and a signed head at `headAt`; `tamper` then edits the file with raw SQL. */
async function trail(count: number, headAt: number[], tamper: (db: Database.Database) => void): Promise<Store> {
  const path = join(dir, `t${++n}.db`);
  const store = openSqliteStore(path, { durability: 'normal' });
  for (let i = 1; i <= count; i++) {
    const e = await store.audit.append(sampleEvent(i));
    if (headAt.includes(i)) await store.audit.putHead(signer.signHead(e.seq, e.hash, '2026-01-01T00:00:00.000Z'));
  }
  await store.close();
  const db = new Database(path);
  tamper(db);
  db.close();
  return openSqliteStore(path, { readonly: true });
}

async function check(store: Store): Promise<ReturnType<typeof verifyChain>> {
  try {
    return await verifyChain(store.audit, keys.publicKey);
  } finally {
    await store.close();
  }
}

/** Rewrites one row's canonical text (and optionally re-hashes it, as a careful attacker would). */
function editRow(db: Database.Database, seq: number, rehash: boolean): void {
  const row = db.prepare('SELECT prev_hash FROM events WHERE seq = ?').get(seq) as { prev_hash: string };
  const canonical = canonicalEvent(seq, sampleEvent(seq, { verdict: 'allow', reasons: [], findings: [] }));
  db.prepare('UPDATE events SET canonical = ?, verdict = ? WHERE seq = ?').run(canonical, 'allow', seq);
  if (rehash) db.prepare('UPDATE events SET hash = ? WHERE seq = ?').run(chainHash(row.prev_hash, canonical), seq);
}

describe('verifyChain', () => {
  it('accepts an untouched trail and reports its heads', async () => {
    const r = await check(await trail(20, [10, 20], () => undefined));
    assert.deepEqual(r, { ok: true, checked: 20, lastSeq: 20, heads: 2, lastSignedSeq: 20, signatures: 'checked' });
  });

  it('names an edited row', async () => {
    const r = await check(await trail(20, [20], (db) => editRow(db, 7, false)));
    assert.deepEqual(r.firstBad, { seq: 7, problem: 'hash_mismatch' });
    assert.equal(r.checked, 6);
  });

  it('names the row after an edited and re-hashed row', async () => {
    const r = await check(await trail(20, [20], (db) => editRow(db, 7, true)));
    assert.deepEqual(r.firstBad, { seq: 8, problem: 'prev_mismatch' });
  });

  it('catches a rewrite of the whole tail with the last signed head', async () => {
    const r = await check(
      await trail(20, [20], (db) => {
        // Re-hash from row 7 to the end: the chain is consistent again, only the head can tell.
        let prev = (db.prepare('SELECT hash FROM events WHERE seq = 6').get() as { hash: string }).hash;
        for (let seq = 7; seq <= 20; seq++) {
          const canonical = canonicalEvent(seq, sampleEvent(seq, { verdict: 'allow' }));
          const hash = chainHash(prev, canonical);
          db.prepare('UPDATE events SET canonical = ?, verdict = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(canonical, 'allow', prev, hash, seq);
          prev = hash;
        }
      }),
    );
    assert.deepEqual(r.firstBad, { seq: 20, problem: 'head_mismatch' });
  });

  it('names a deleted row as a gap', async () => {
    const r = await check(await trail(20, [20], (db) => db.prepare('DELETE FROM events WHERE seq = 12').run()));
    assert.deepEqual(r.firstBad, { seq: 12, problem: 'gap' });
  });

  it('catches a row inserted by renumbering the rows after it', async () => {
    const r = await check(
      await trail(10, [], (db) => {
        db.prepare('UPDATE events SET seq = seq + 1000 WHERE seq > 5').run();
        db.prepare('UPDATE events SET seq = seq - 999 WHERE seq > 1000').run();
        const prev = (db.prepare('SELECT hash FROM events WHERE seq = 5').get() as { hash: string }).hash;
        const canonical = canonicalEvent(6, sampleEvent(99));
        db.prepare("INSERT INTO events (seq, time, request_id, principal, route, verdict, status, canonical, prev_hash, hash) VALUES (6, ?, 'req-99', NULL, 'research', 'allow', 200, ?, ?, ?)").run(
          sampleEvent(99).time,
          canonical,
          prev,
          chainHash(prev, canonical),
        );
      }),
    );
    assert.deepEqual(r.firstBad, { seq: 7, problem: 'reorder' });
  });

  it('names swapped rows as a reorder', async () => {
    const r = await check(
      await trail(10, [], (db) => {
        db.prepare('UPDATE events SET seq = -1 WHERE seq = 3').run();
        db.prepare('UPDATE events SET seq = 3 WHERE seq = 4').run();
        db.prepare('UPDATE events SET seq = 4 WHERE seq = -1').run();
      }),
    );
    assert.deepEqual(r.firstBad, { seq: 3, problem: 'reorder' });
  });

  it('names truncation after the last signed head', async () => {
    const r = await check(await trail(20, [10, 18], (db) => db.prepare('DELETE FROM events WHERE seq > 15').run()));
    assert.deepEqual(r.firstBad, { seq: 16, problem: 'truncated' });
    assert.equal(r.lastSignedSeq, 10);
  });

  it('rejects a forged head signature and a head signed by another key', async () => {
    const forged = await check(await trail(10, [10], (db) => db.prepare("UPDATE heads SET signature = ? WHERE seq = 10").run(Buffer.alloc(64, 1).toString('base64'))));
    assert.deepEqual(forged.firstBad, { seq: 10, problem: 'bad_signature' });
    const other = createHeadSigner(generateKeyPairSync('ed25519').privateKey);
    const foreign = await check(
      await trail(10, [], (db) => {
        const h = other.signHead(10, (db.prepare('SELECT hash FROM events WHERE seq = 10').get() as { hash: string }).hash, '2026-01-01T00:00:00.000Z');
        db.prepare('INSERT INTO heads (seq, hash, signed_at, key_id, signature) VALUES (?, ?, ?, ?, ?)').run(h.seq, h.hash, h.signedAt, h.keyId, h.signature);
      }),
    );
    assert.deepEqual(foreign.firstBad, { seq: 10, problem: 'bad_signature' });
  });

  it('catches a forged head past the end (fake truncation claim) as a bad signature', async () => {
    const r = await check(await trail(5, [], (db) => db.prepare("INSERT INTO heads VALUES (9, ?, '2026-01-01T00:00:00.000Z', ?, 'AAAA')").run('a'.repeat(64), signer.keyId)));
    assert.deepEqual(r.firstBad, { seq: 9, problem: 'bad_signature' });
  });

  it('catches a filter column edited behind the hashed content', async () => {
    const r = await check(await trail(10, [], (db) => db.prepare("UPDATE events SET verdict = 'allow' WHERE seq = 5").run()));
    assert.deepEqual(r.firstBad, { seq: 5, problem: 'index_mismatch' });
  });

  it('still checks heads against rows without a public key, and says signatures were skipped', async () => {
    const store = await trail(10, [8], (db) => db.prepare('DELETE FROM events WHERE seq > 6').run());
    const r = await verifyChain(store.audit);
    await store.close();
    assert.equal(r.signatures, 'skipped');
    assert.deepEqual(r.firstBad, { seq: 7, problem: 'truncated' });
  });

  it('pages through more heads than one page, including two keys signing one seq at the page edge', async () => {
    const other = createHeadSigner(generateKeyPairSync('ed25519').privateKey);
    const store = await trail(1205, Array.from({ length: 1205 }, (_, i) => i + 1), (db) => {
      const hash = (db.prepare('SELECT hash FROM events WHERE seq = 1000').get() as { hash: string }).hash;
      const h = other.signHead(1000, hash, '2026-01-01T00:00:01.000Z');
      db.prepare('INSERT INTO heads (seq, hash, signed_at, key_id, signature) VALUES (?, ?, ?, ?, ?)').run(h.seq, h.hash, h.signedAt, h.keyId, h.signature);
    });
    const r = await verifyChain(store.audit);
    await store.close();
    assert.deepEqual([r.ok, r.heads, r.lastSignedSeq], [true, 1206, 1205]);
  });

  it('verifies a store without scanRaw from re-canonicalised events (a swap then shows as a hash mismatch)', async () => {
    const store = await trail(10, [10], (db) => {
      db.prepare('UPDATE events SET seq = -1 WHERE seq = 3').run();
      db.prepare('UPDATE events SET seq = 3 WHERE seq = 4').run();
      db.prepare('UPDATE events SET seq = 4 WHERE seq = -1').run();
    });
    const a = store.audit;
    const plain: AuditStore = { append: (e) => a.append(e), get: (q) => a.get(q), query: (f) => a.query(f), scan: (from) => a.scan(from), putHead: (h) => a.putHead(h), heads: (r) => a.heads(r) };
    const r = await verifyChain(plain, keys.publicKey);
    await store.close();
    assert.deepEqual(r.firstBad, { seq: 3, problem: 'hash_mismatch' });
    const clean = await trail(10, [10], () => undefined);
    const b = clean.audit;
    const ok = await verifyChain({ append: (e) => b.append(e), get: (q) => b.get(q), query: (f) => b.query(f), scan: (from) => b.scan(from), putHead: (h) => b.putHead(h), heads: (r2) => b.heads(r2) }, keys.publicKey);
    await clean.close();
    assert.equal(ok.ok, true);
  });

  it('does not mistake events appended and signed during verification for truncation', async () => {
    const store = await trail(601, [601], () => undefined);
    const a = store.audit;
    let passes = 0;
    // The race with a live gateway: the verifier's last row page was read before row 601 existed,
    // but the head page it read afterwards already names 601.
    const live: AuditStore = {
      append: (e) => a.append(e),
      get: (q) => a.get(q),
      query: (f) => a.query(f),
      scan: (from) => a.scan(from),
      putHead: (h) => a.putHead(h),
      heads: (r) => a.heads(r),
      async *scanRaw(from = 1) {
        const first = passes++ === 0;
        for await (const row of a.scanRaw?.(from) ?? []) if (!first || row.seq < 601) yield row;
      },
    };
    const r = await verifyChain(live, keys.publicKey);
    await store.close();
    assert.deepEqual([r.ok, r.checked, r.heads, r.lastSignedSeq], [true, 601, 1, 601]);
    assert.equal(passes, 2);
  });

  it('accepts heads from a rotated key when both public keys are trusted, and only then', async () => {
    const older = createHeadSigner(keys.privateKey);
    const newerPair = generateKeyPairSync('ed25519');
    const newer = createHeadSigner(newerPair.privateKey);
    const store = await trail(10, [5], (db) => {
      const hash = (db.prepare('SELECT hash FROM events WHERE seq = 10').get() as { hash: string }).hash;
      const h = newer.signHead(10, hash, '2026-02-01T00:00:00.000Z');
      db.prepare('INSERT INTO heads (seq, hash, signed_at, key_id, signature) VALUES (?, ?, ?, ?, ?)').run(h.seq, h.hash, h.signedAt, h.keyId, h.signature);
    });
    assert.notEqual(older.keyId, newer.keyId);
    const both = await verifyChain(store.audit, [keys.publicKey, newerPair.publicKey]);
    const oldOnly = await verifyChain(store.audit, [keys.publicKey]);
    await store.close();
    assert.deepEqual([both.ok, both.heads, both.lastSignedSeq], [true, 2, 10]);
    assert.deepEqual(oldOnly.firstBad, { seq: 10, problem: 'bad_signature' });
  });
});
