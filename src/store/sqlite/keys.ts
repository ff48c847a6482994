/** The API-key half of the SQLite store: records only, never secrets (the hash is scrypt, by G3). */
import type { Database } from 'better-sqlite3';
import { MedguardError } from '../../core/errors.js';
import { keyFromRow, keyValues, type KeyRow } from '../rows.js';
import type { KeyStore } from '../types.js';

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
        insert.run(...keyValues(r));
      } catch (e) {
        if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new MedguardError('MG_STORE', 'an API key with this id already exists', { cause: e });
        throw e;
      }
    },
    async get(id) {
      const row = getOne.get(id) as KeyRow | undefined;
      return row ? keyFromRow(row) : undefined;
    },
    async list() {
      return (all.all() as KeyRow[]).map(keyFromRow);
    },
    async revoke(id, at) {
      return revoke.run(at, id).changes > 0;
    },
  };
}
