/**
 * The audit half of the SQLite store. The canonical JSON column is the authoritative copy of each
 * event (it is what the chain hashed); the other columns only index it for filtering.
 */
import type { Database, Statement } from 'better-sqlite3';
import { GENESIS_HASH, linkEvent } from '../../audit/chain.js';
import { MedguardError } from '../../core/errors.js';
import { groupCommit } from './group-commit.js';
import { eventFromRow as toEvent, headFromRow, rawFromRow as toRaw, type EventRow as AnyEventRow, type HeadRow as AnyHeadRow } from '../rows.js';
import type { AuditEventInput, AuditStore, EventFilter, StoredEvent } from '../types.js';

const PAGE = 500;
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

type EventRow = AnyEventRow<number>;
type HeadRow = AnyHeadRow<number>;

/**
 * `syncHeads`: with synchronous=NORMAL, commit each head with FULL. Fsyncing the WAL at the head
 * also makes every event before it durable, so a signed head never covers events a power loss
 * could take back (which verification would then report as truncation).
 */
export function sqliteAuditStore(db: Database, options: { syncHeads: boolean; maxBatch?: number }): AuditStore & { flush(): void } {
  const last = db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(
    'INSERT INTO events (seq, time, request_id, principal, route, verdict, status, canonical, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertKind = db.prepare('INSERT OR IGNORE INTO event_kinds (kind, family, seq) VALUES (?, ?, ?)');
  const insertFamily = db.prepare('INSERT OR IGNORE INTO event_families (family, seq) VALUES (?, ?)');
  const getOne = db.prepare('SELECT * FROM events WHERE seq = ?');
  const page = db.prepare('SELECT * FROM events WHERE seq >= ? ORDER BY seq LIMIT ?');
  const putHead = db.prepare('INSERT OR REPLACE INTO heads (seq, hash, signed_at, key_id, signature) VALUES (?, ?, ?, ?, ?)');
  const headsAsc = db.prepare('SELECT * FROM heads WHERE seq > ? ORDER BY seq, signed_at LIMIT ?');
  const headsDesc = db.prepare('SELECT * FROM heads WHERE seq > ? ORDER BY seq DESC, signed_at DESC LIMIT ?');

  const insertLinked = (seq: number, prevHash: string, input: AuditEventInput): StoredEvent => {
    const { canonical, event } = linkEvent(seq, prevHash, input);
    insert.run(seq, event.time, event.requestId, event.principal, event.route, event.verdict, event.status, canonical, event.prevHash, event.hash);
    for (const f of event.findings) {
      insertKind.run(f.kind, f.family, seq);
      insertFamily.run(f.family, seq);
    }
    return event;
  };
  // Read-last-hash and insert in one IMMEDIATE transaction: the write lock is taken before the read,
  // so two writers (even in two processes) can never link to the same predecessor. A batch links
  // its events to each other in order inside the same transaction (see group-commit.ts).
  const appendManyTx = db.transaction((inputs: readonly AuditEventInput[]): StoredEvent[] => {
    const prev = last.get() as { seq: number; hash: string } | undefined;
    let seq = prev?.seq ?? 0;
    let hash = prev?.hash ?? GENESIS_HASH;
    return inputs.map((input) => {
      const event = insertLinked(++seq, hash, input);
      hash = event.hash;
      return event;
    });
  });
  const appends = groupCommit<AuditEventInput, StoredEvent>({
    commitMany: (inputs) => appendManyTx.immediate(inputs),
    maxBatch: options.maxBatch ?? 256,
    // Disk full, read-only file, lock held too long: the caller records it, never the event's content.
    toError: (e) => (e instanceof MedguardError ? e : new MedguardError('MG_STORE', 'the audit event could not be written to the store', { cause: e })),
  });

  async function* pages(fromSeq: number): AsyncGenerator<EventRow> {
    let next = Math.max(1, Math.floor(fromSeq));
    for (;;) {
      const rows = page.all(next, PAGE) as EventRow[];
      for (const r of rows) yield r;
      const tail = rows[rows.length - 1];
      if (rows.length < PAGE || tail === undefined) return;
      next = tail.seq + 1;
    }
  }

  return {
    append: (input) => appends.add(input),
    flush: () => appends.flush(),
    async get(seq) {
      const row = getOne.get(seq) as EventRow | undefined;
      return row ? toEvent(row) : undefined;
    },
    async query(filter) {
      const { stmt, params } = queryStatement(db, filter);
      return (stmt.all(...params) as EventRow[]).map(toEvent);
    },
    async *scan(fromSeq = 1) {
      for await (const r of pages(fromSeq)) yield toEvent(r);
    },
    async *scanRaw(fromSeq = 1) {
      for await (const r of pages(fromSeq)) yield toRaw(r);
    },
    async putHead(h) {
      if (!options.syncHeads) {
        putHead.run(h.seq, h.hash, h.signedAt, h.keyId, h.signature);
        return;
      }
      db.pragma('synchronous = FULL');
      try {
        putHead.run(h.seq, h.hash, h.signedAt, h.keyId, h.signature);
      } finally {
        db.pragma('synchronous = NORMAL');
      }
    },
    async heads(range = {}) {
      const limit = range.limit === undefined ? -1 : Math.max(0, Math.floor(range.limit));
      const rows = (range.newestFirst === true ? headsDesc : headsAsc).all(range.afterSeq ?? Number.MIN_SAFE_INTEGER, limit) as HeadRow[];
      return rows.map(headFromRow);
    },
  };
}

const statementCache = new WeakMap<Database, Map<string, Statement>>();

/**
 * Builds (and caches per shape) the filtered newest-first query; values are always bound, never
 * spliced. A kind filter walks the (kind, seq) or (family, seq) index backwards and joins events,
 * so it stops after `limit` matches instead of collecting every match first.
 */
function queryStatement(db: Database, f: EventFilter): { stmt: Statement; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]): void => {
    where.push(sql);
    params.push(...values);
  };
  let from = 'events e';
  let seq = 'e.seq';
  if (f.kind !== undefined) {
    // Kinds always carry their family and a dot ('phi.PHONE'); a bare word is a family ('phi').
    const table = f.kind.includes('.') ? 'event_kinds' : 'event_families';
    from = `${table} x JOIN events e ON e.seq = x.seq`;
    seq = 'x.seq';
    add(`x.${table === 'event_kinds' ? 'kind' : 'family'} = ?`, f.kind);
  }
  if (f.principal !== undefined) add('e.principal = ?', f.principal);
  if (f.route !== undefined) add('e.route = ?', f.route);
  if (f.verdict !== undefined) add('e.verdict = ?', f.verdict);
  if (f.sinceSeq !== undefined) add(`${seq} >= ?`, f.sinceSeq);
  if (f.beforeSeq !== undefined) add(`${seq} < ?`, f.beforeSeq);
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(f.limit ?? DEFAULT_LIMIT)));
  params.push(limit);
  const sql = `SELECT e.* FROM ${from}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${seq} DESC LIMIT ?`;
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return { stmt, params };
}
