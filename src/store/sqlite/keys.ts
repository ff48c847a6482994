/** The API-key half of the SQLite store: records only, never secrets (the hash is scrypt, by G3). */
import type { Database } from 'better-sqlite3';
import { MedguardError } from '../../core/errors.js';
import type { ApiKeyRecord, KeyStore } from '../types.js';

interface KeyRow {
  id: string;
  name: string;
  role: string;
  patient: string | null;
  secret_hash: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

const toRecord = (r: KeyRow): ApiKeyRecord => ({
  id: r.id,
  name: r.name,
  role: r.role,
  patient: r.patient,
  secretHash: r.secret_hash,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

export function sqliteKeyStore(db: Database): KeyStore {
  const insert = db.prepare(
    'INSERT INTO api_keys (id, name, role, patient, secret_hash, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const getOne = db.prepare('SELECT * FROM api_keys WHERE id = ?');
  const all = db.prepare('SELECT * FROM api_keys ORDER BY created_at, id');
  // The first revocation time stands: revoking twice must not move it.
  const revoke = db.prepare('UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?');
  return {
    async create(r) {
      try {
        insert.run(r.id, r.name, r.role, r.patient, r.secretHash, r.createdAt, r.expiresAt, r.revokedAt);
      } catch (e) {
        if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new MedguardError('MG_STORE', 'an API key with this id already exists', { cause: e });
        throw e;
      }
    },
    async get(id) {
      const row = getOne.get(id) as KeyRow | undefined;
      return row ? toRecord(row) : undefined;
    },
    async list() {
      return (all.all() as KeyRow[]).map(toRecord);
    },
    async revoke(id, at) {
      return revoke.run(at, id).changes > 0;
    },
  };
}
