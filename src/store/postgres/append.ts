/**
 * Audit appends on PostgreSQL, group-committed: the appends an instance makes while a batch is on
 * the wire go together in one transaction that locks the one-row `chain_head`
 * (`SELECT ... FOR UPDATE`), links each event to the one before, inserts them all in one statement
 * and moves the head once. Writers on every instance still queue on that row lock and never link
 * to the same predecessor; a transaction that dies rolls back whole, leaving the chain as it was.
 */
import type { Pool, PoolClient } from 'pg';
import { linkEvent } from '../../audit/chain.js';
import type { AuditEventInput, StoredEvent } from '../types.js';
import { isConnectionLoss, storeError } from './errors.js';
import { asyncGroupCommit } from './group-commit.js';
import { COLS, toEvent, type EventRow } from './rows.js';

export interface AppendRequest {
  readonly input: AuditEventInput;
  /** With an id, an event already stored under it is returned instead of appended again. */
  readonly appendId: string | null;
  /** The id was just drawn, so it cannot be stored yet: no look-up needed. */
  readonly fresh: boolean;
}

export interface Appender {
  append(request: AppendRequest): Promise<StoredEvent>;
  settled(): Promise<void>;
}

/** At ~1 KB per event, a batch statement stays well under a megabyte. */
const MAX_BATCH = 200;

/** One event: plain VALUES, which PostgreSQL plans for less CPU than the unnest form. */
const APPEND_ONE = `WITH ins AS (
    INSERT INTO events (seq, time, request_id, principal, route, verdict, status, canonical, prev_hash, hash, append_id)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
  ), kinds AS (
    INSERT INTO event_kinds (kind, family, seq) SELECT k, f, $1 FROM unnest($12::text[], $13::text[]) AS u(k, f) ON CONFLICT DO NOTHING
  ), fams AS (
    INSERT INTO event_families (family, seq) SELECT DISTINCT f, $1::bigint FROM unnest($13::text[]) AS u(f) ON CONFLICT DO NOTHING
  )
  UPDATE chain_head SET seq = $1, hash = $10 WHERE id = 1`;

const APPEND_MANY = `WITH ins AS (
    INSERT INTO events (seq, time, request_id, principal, route, verdict, status, canonical, prev_hash, hash, append_id)
    SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::text[], $11::text[])
  ), kinds AS (
    INSERT INTO event_kinds (kind, family, seq) SELECT * FROM unnest($12::text[], $13::text[], $14::bigint[]) ON CONFLICT DO NOTHING
  ), fams AS (
    INSERT INTO event_families (family, seq) SELECT DISTINCT f, s FROM unnest($13::text[], $14::bigint[]) AS u(f, s) ON CONFLICT DO NOTHING
  )
  UPDATE chain_head SET seq = $15, hash = $16 WHERE id = 1`;

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

async function commitMany(pool: Pool, batch: readonly AppendRequest[]): Promise<StoredEvent[]> {
  return inTransaction(pool, async (c) => {
    const head = (await c.query<{ seq: string; hash: string }>('SELECT seq, hash FROM chain_head WHERE id = 1 FOR UPDATE')).rows[0];
    if (!head) throw new Error('chain_head row missing');
    const known = new Map<string, StoredEvent>();
    const lookup = batch.filter((a) => a.appendId !== null && !a.fresh).map((a) => a.appendId);
    if (lookup.length > 0) {
      // Under the head lock, so a concurrent replay of the same id cannot slip past.
      const { rows } = await c.query<EventRow & { append_id: string }>(`SELECT e.append_id, ${COLS} FROM events e WHERE e.append_id = ANY($1::text[])`, [lookup]);
      for (const r of rows) known.set(r.append_id, toEvent(r));
    }
    const col: unknown[][] = Array.from({ length: 14 }, () => []);
    const out: StoredEvent[] = [];
    let seq = Number(head.seq);
    let prev = head.hash;
    for (const a of batch) {
      const stored = a.appendId === null ? undefined : known.get(a.appendId);
      if (stored) {
        out.push(stored);
        continue;
      }
      seq += 1;
      const { canonical, event } = linkEvent(seq, prev, a.input);
      prev = event.hash;
      [seq, event.time, event.requestId, event.principal, event.route, event.verdict, event.status, canonical, event.prevHash, event.hash, a.appendId].forEach((v, i) => col[i]?.push(v));
      for (const f of event.findings) {
        col[11]?.push(f.kind);
        col[12]?.push(f.family);
        col[13]?.push(seq);
      }
      if (a.appendId !== null) known.set(a.appendId, event);
      out.push(event);
    }
    const rows = seq - Number(head.seq);
    if (rows === 1) await c.query(APPEND_ONE, [...col.slice(0, 11).map((v) => v[0]), col[11], col[12]]);
    else if (rows > 1) await c.query(APPEND_MANY, [...col, seq, prev]);
    return out;
  });
}

export function createAppender(pool: Pool, maxBatch = MAX_BATCH): Appender {
  const group = asyncGroupCommit<AppendRequest, StoredEvent>({
    commitMany: (batch) => commitMany(pool, batch),
    maxBatch,
    retryAlone: (e) => !isConnectionLoss(e),
    toError: (e) => storeError(e, 'the audit event could not be written to the store'),
  });
  return { append: (request) => group.add(request), settled: () => group.settled() };
}
