/** The API-key half of the PostgreSQL store: records only, never secrets (the hash is scrypt). */
import type { Pool } from 'pg';
import { MedguardError } from '../../core/errors.js';
import { keyFromRow, keyValues, type KeyRow } from '../rows.js';
import type { KeyStore } from '../types.js';
import { storeError } from './errors.js';

export function postgresKeyStore(pool: Pool): KeyStore {
  const read = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      throw storeError(e, 'the key store could not be read');
    }
  };
  return {
    async create(r) {
      try {
        await pool.query('INSERT INTO api_keys (id, name, role, patient, secret_hash, created_at, expires_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', keyValues(r));
      } catch (e) {
        if ((e as { code?: string }).code === '23505') throw new MedguardError('MG_STORE', 'an API key with this id already exists', { cause: e });
        throw storeError(e, 'the API key could not be written');
      }
    },
    get: (id) => read(async () => {
      const { rows } = await pool.query<KeyRow>('SELECT * FROM api_keys WHERE id = $1', [id]);
      return rows[0] ? keyFromRow(rows[0]) : undefined;
    }),
    list: () => read(async () => (await pool.query<KeyRow>('SELECT * FROM api_keys ORDER BY created_at, id')).rows.map(keyFromRow)),
    // The first revocation time stands: revoking twice must not move it.
    revoke: (id, at) => read(async () => ((await pool.query('UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2', [at, id])).rowCount ?? 0) > 0),
  };
}
