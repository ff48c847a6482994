/**
 * Row shapes both SQL stores share (the column names are the same in SQLite and PostgreSQL), and
 * their mapping to the store's records, so the two stores cannot drift apart field by field.
 */
import type { ApiKeyRecord } from './types.js';

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
