/**
 * The audit half of the PostgreSQL store: one chain for every instance, appended through
 * append.ts (group commit under the one-row `chain_head` lock), read by seq, filter or scan.
 */
import type { Pool } from 'pg';
import type { AuditEventInput, AuditStore, EventFilter, StoredEvent } from '../types.js';
import { createAppender } from './append.js';
import { storeError } from './errors.js';
import { headFromRow } from '../rows.js';
import { COLS, toEvent, toRaw, type EventRow, type HeadRow } from './rows.js';

const PAGE = 500;
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

export interface PostgresAuditStore extends AuditStore {
  /**
   * Appends unless an event with this `appendId` is already stored, in which case that event is
   * returned: replaying a spool after an ambiguous failure (committed, but the answer was lost)
   * therefore stores each event exactly once.
   */
  appendOnce(event: AuditEventInput, appendId: string, options?: { fresh?: boolean }): Promise<StoredEvent>;
  /** Resolves once every append made so far has committed or failed (before closing the pool). */
  settled(): Promise<void>;
}

export function postgresAuditStore(pool: Pool): PostgresAuditStore {
  const appender = createAppender(pool);

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
    append: (input) => appender.append({ input, appendId: null, fresh: true }),
    appendOnce: (input, appendId, options) => appender.append({ input, appendId, fresh: options?.fresh === true }),
    settled: () => appender.settled(),
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
      return rows.map(headFromRow);
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
