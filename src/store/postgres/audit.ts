/**
 * The audit half of the PostgreSQL store. One chain for every instance: each append locks the
 * one-row `chain_head` (`SELECT ... FOR UPDATE`), links to the hash it holds, inserts the event
 * and moves the head, in one transaction. Writers on any instance therefore queue on that row
 * lock and can never link to the same predecessor; a transaction that dies (instance killed,
 * connection cut) rolls back whole, leaving the chain as it was before.
 */
import type { Pool, PoolClient } from 'pg';
import { linkEvent, parseCanonical } from '../../audit/chain.js';
import type { AuditEventInput, AuditStore, EventFilter, RawEvent, SignedHead, StoredEvent } from '../types.js';
import { storeError } from './errors.js';

const PAGE = 500;
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

interface EventRow {
  seq: string;
  time: string;
  request_id: string;
  principal: string | null;
  route: string;
  verdict: string;
  status: number;
  canonical: string;
  prev_hash: string;
  hash: string;
}

interface HeadRow {
  seq: string;
  hash: string;
  signed_at: string;
  key_id: string;
  signature: string;
}

const COLS = 'e.seq, e.time, e.request_id, e.principal, e.route, e.verdict, e.status, e.canonical, e.prev_hash, e.hash';

// BIGINT arrives as a string; seqs stay far below 2^53.
const toEvent = (r: EventRow): StoredEvent => ({ ...parseCanonical(r.canonical, r.prev_hash, r.hash), seq: Number(r.seq) });
const toRaw = (r: EventRow): RawEvent => ({
  seq: Number(r.seq),
  canonical: r.canonical,
  prevHash: r.prev_hash,
  hash: r.hash,
  indexed: { time: r.time, requestId: r.request_id, principal: r.principal, route: r.route, verdict: r.verdict, status: r.status },
});

export interface PostgresAuditStore extends AuditStore {
  /**
   * Appends unless an event with this `appendId` is already stored, in which case that event is
   * returned: replaying a spool after an ambiguous failure (committed, but the answer was lost)
   * therefore stores each event exactly once.
   */
  appendOnce(event: AuditEventInput, appendId: string, options?: { fresh?: boolean }): Promise<StoredEvent>;
}

const APPEND = `WITH ins AS (
    INSERT INTO events (seq, time, request_id, principal, route, verdict, status, canonical, prev_hash, hash, append_id)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
  ), kinds AS (
    INSERT INTO event_kinds (kind, family, seq) SELECT k, f, $1 FROM unnest($12::text[], $13::text[]) AS u(k, f) ON CONFLICT DO NOTHING
  ), fams AS (
    INSERT INTO event_families (family, seq) SELECT DISTINCT f, $1::bigint FROM unnest($13::text[]) AS u(f) ON CONFLICT DO NOTHING
  )
  UPDATE chain_head SET seq = $1, hash = $10 WHERE id = 1`;

async function inTransaction<T>(pool: Pool, fn: (c: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw e;
  } finally {
    // A client whose connection failed mid-transaction is discarded, not returned to the pool.
    client.release(broken ? true : undefined);
  }
}

export function postgresAuditStore(pool: Pool): PostgresAuditStore {
  async function append(input: AuditEventInput, appendId: string | null, fresh: boolean): Promise<StoredEvent> {
    try {
      return await inTransaction(pool, async (c) => {
        const head = await c.query<{ seq: string; hash: string }>('SELECT seq, hash FROM chain_head WHERE id = 1 FOR UPDATE');
        if (appendId !== null && !fresh) {
          // Checked under the head lock, so a concurrent replay of the same id cannot slip past.
          const dup = await c.query<EventRow>(`SELECT ${COLS} FROM events e WHERE append_id = $1`, [appendId]);
          if (dup.rows[0]) return toEvent(dup.rows[0]);
        }
        const h = head.rows[0];
        if (!h) throw new Error('chain_head row missing');
        const seq = Number(h.seq) + 1;
        const { canonical, event } = linkEvent(seq, h.hash, input);
        await c.query(APPEND, [
          seq, event.time, event.requestId, event.principal, event.route, event.verdict, event.status, canonical, event.prevHash, event.hash, appendId,
          event.findings.map((f) => f.kind), event.findings.map((f) => f.family),
        ]);
        return event;
      });
    } catch (e) {
      throw storeError(e, 'the audit event could not be written to the store');
    }
  }

  async function* pages(fromSeq: number): AsyncGenerator<EventRow> {
    let next = Math.max(1, Math.floor(fromSeq));
    for (;;) {
      const { rows } = await pool.query<EventRow>(`SELECT ${COLS} FROM events e WHERE e.seq >= $1 ORDER BY e.seq LIMIT $2`, [next, PAGE]);
      for (const r of rows) yield r;
      const tail = rows[rows.length - 1];
      if (rows.length < PAGE || tail === undefined) return;
      next = Number(tail.seq) + 1;
    }
  }

  return {
    append: (input) => append(input, null, true),
    // `fresh`: the id was just drawn, so it cannot be stored yet: skip the look-up under the lock.
    appendOnce: (input, appendId, options) => append(input, appendId, options?.fresh === true),
    async get(seq) {
      const { rows } = await pool.query<EventRow>(`SELECT ${COLS} FROM events e WHERE e.seq = $1`, [seq]).catch((e: unknown) => {
        throw storeError(e, 'the audit store could not be read');
      });
      return rows[0] ? toEvent(rows[0]) : undefined;
    },
    async query(filter) {
      const { sql, params } = querySql(filter);
      const { rows } = await pool.query<EventRow>(sql, params).catch((e: unknown) => {
        throw storeError(e, 'the audit store could not be read');
      });
      return rows.map(toEvent);
    },
    async *scan(fromSeq = 1) {
      for await (const r of pages(fromSeq)) yield toEvent(r);
    },
    async *scanRaw(fromSeq = 1) {
      for await (const r of pages(fromSeq)) yield toRaw(r);
    },
    async putHead(h) {
      // Several instances may sign the same seq with one key: the first signature stands.
      await pool
        .query('INSERT INTO heads (seq, hash, signed_at, key_id, signature) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (seq, key_id) DO NOTHING', [h.seq, h.hash, h.signedAt, h.keyId, h.signature])
        .catch((e: unknown) => {
          throw storeError(e, 'the signed head could not be written to the store');
        });
    },
    async heads(range = {}) {
      const limit = range.limit === undefined ? null : Math.max(0, Math.floor(range.limit));
      const order = range.newestFirst === true ? 'seq DESC, signed_at DESC' : 'seq, signed_at';
      const { rows } = await pool.query<HeadRow>(`SELECT * FROM heads WHERE seq > $1 ORDER BY ${order} LIMIT $2`, [range.afterSeq ?? Number.MIN_SAFE_INTEGER, limit]);
      return rows.map((r): SignedHead => ({ seq: Number(r.seq), hash: r.hash, signedAt: r.signed_at, keyId: r.key_id, signature: r.signature }));
    },
  };
}

/**
 * The filtered newest-first query; values are always bound, never spliced. A kind or family
 * filter drives from its (kind, seq) / (family, seq) primary key backwards, so it stops after
 * `limit` matches.
 */
function querySql(f: EventFilter): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown): void => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  let from = 'events e';
  let seq = 'e.seq';
  if (f.kind !== undefined) {
    const byKind = f.kind.includes('.');
    from = `${byKind ? 'event_kinds' : 'event_families'} x JOIN events e ON e.seq = x.seq`;
    seq = 'x.seq';
    add(byKind ? 'x.kind = ?' : 'x.family = ?', f.kind);
  }
  if (f.principal !== undefined) add('e.principal = ?', f.principal);
  if (f.route !== undefined) add('e.route = ?', f.route);
  if (f.verdict !== undefined) add('e.verdict = ?', f.verdict);
  if (f.sinceSeq !== undefined) add(`${seq} >= ?`, f.sinceSeq);
  if (f.beforeSeq !== undefined) add(`${seq} < ?`, f.beforeSeq);
  params.push(Math.min(MAX_LIMIT, Math.max(1, Math.floor(f.limit ?? DEFAULT_LIMIT))));
  const sql = `SELECT ${COLS} FROM ${from}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${seq} DESC LIMIT $${params.length}`;
  return { sql, params };
}
