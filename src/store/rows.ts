/**
 * Row shapes both SQL stores share (the column names are the same in SQLite and PostgreSQL), and
 * their mapping to the store's records, so the two stores cannot drift apart field by field.
 */
import { parseCanonical } from '../audit/chain.js';
import type { ApiKeyRecord, RawEvent, SignedHead, StoredEvent } from './types.js';

/** `seq` as the driver returns it: a number from SQLite, a string from PostgreSQL's BIGINT. */
type Seq = number | string;

export interface EventRow<S extends Seq = Seq> {
  seq: S;
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

export interface HeadRow<S extends Seq = Seq> {
  seq: S;
  hash: string;
  signed_at: string;
  key_id: string;
  signature: string;
}

// seq from the row, not the JSON: get(3) answers for position 3 even if a tampered row says
// otherwise. BIGINT arrives as a string; seqs stay far below 2^53.
export const eventFromRow = (r: EventRow): StoredEvent => ({ ...parseCanonical(r.canonical, r.prev_hash, r.hash), seq: Number(r.seq) });

export const rawFromRow = (r: EventRow): RawEvent => ({
  seq: Number(r.seq),
  canonical: r.canonical,
  prevHash: r.prev_hash,
  hash: r.hash,
  indexed: { time: r.time, requestId: r.request_id, principal: r.principal, route: r.route, verdict: r.verdict, status: r.status },
});

export const headFromRow = (r: HeadRow): SignedHead => ({ seq: Number(r.seq), hash: r.hash, signedAt: r.signed_at, keyId: r.key_id, signature: r.signature });

export interface KeyRow {
  id: string;
  name: string;
  role: string;
  patient: string | null;
  secret_hash: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export const keyFromRow = (r: KeyRow): ApiKeyRecord => ({
  id: r.id,
  name: r.name,
  role: r.role,
  patient: r.patient,
  secretHash: r.secret_hash,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

/** The key columns in insert order; both stores bind a record's values in this order. */
export const keyValues = (r: ApiKeyRecord): (string | null)[] => [r.id, r.name, r.role, r.patient, r.secretHash, r.createdAt, r.expiresAt, r.revokedAt];
