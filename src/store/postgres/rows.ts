/** Rows of the PostgreSQL audit tables and their mapping to the store's types. */
import { parseCanonical } from '../../audit/chain.js';
import type { RawEvent, StoredEvent } from '../types.js';

export interface EventRow {
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

export interface HeadRow {
  seq: string;
  hash: string;
  signed_at: string;
  key_id: string;
  signature: string;
}

export const COLS = 'e.seq, e.time, e.request_id, e.principal, e.route, e.verdict, e.status, e.canonical, e.prev_hash, e.hash';

// BIGINT arrives as a string; seqs stay far below 2^53.
export const toEvent = (r: EventRow): StoredEvent => ({ ...parseCanonical(r.canonical, r.prev_hash, r.hash), seq: Number(r.seq) });
export const toRaw = (r: EventRow): RawEvent => ({
  seq: Number(r.seq),
  canonical: r.canonical,
  prevHash: r.prev_hash,
  hash: r.hash,
  indexed: { time: r.time, requestId: r.request_id, principal: r.principal, route: r.route, verdict: r.verdict, status: r.status },
});
