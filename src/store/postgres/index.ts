/**
 * The shared store: the Store interface on PostgreSQL, for several gateway instances acting as
 * one (one audit chain, one set of API keys, one pseudonym key). `openPostgresStore` connects,
 * creates the schema when asked, and runs the versioned migrations under an advisory lock, so
 * instances starting together never race. Unreachable at start → MG_STORE_UNAVAILABLE naming
 * `store.url`; the password in the URL never appears in a message.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { MedguardError } from '../../core/errors.js';
import type { Store } from '../types.js';
import { postgresAuditStore, type PostgresAuditStore } from './audit.js';
import { isConnectionLoss, storeError } from './errors.js';
import { postgresKeyStore } from './keys.js';
import { checkPostgresVersion, migratePostgres } from './schema.js';

export interface PostgresStoreOptions {
  /** The PostgreSQL schema holding medguard's tables (default `medguard`); created when missing. */
  readonly schema?: string;
  /** Verify/export: no migrations, read-only transactions. */
  readonly readonly?: boolean;
  /** Pool size (default 10). Appends serialise on one row lock, so more rarely helps writes. */
  readonly poolSize?: number;
  readonly connectTimeoutMs?: number;
}

export interface PostgresStore extends Store {
  readonly kind: 'postgres';
  readonly audit: PostgresAuditStore;
  /** A random secret created once and shared by every instance (e.g. the pseudonym key). */
  sharedSecret(name: string, bytes?: number): Promise<Buffer>;
  /** One round trip to the server; rejects with MG_STORE_UNAVAILABLE when it cannot be reached. */
  ping(): Promise<void>;
  readonly schema: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export const isPostgresUrl = (s: string): boolean => /^postgres(ql)?:\/\//i.test(s);

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const schema = options.schema ?? 'medguard';
  if (!SCHEMA_NAME.test(schema)) throw new MedguardError('MG_CONFIG_INVALID', `store.schema: "${schema}" is not a plain lower-case identifier — fix: use letters, digits and _`, { field: 'store.schema' });
  const readonly = options.readonly ?? false;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    // Every connection works in the medguard schema; read-only openers cannot write by accident.
    options: `-c search_path=${schema}${readonly ? ' -c default_transaction_read_only=on' : ''}`,
  });
  // An idle connection dropped by the server (restart, proxy cut) must not crash the process; the
  // next query gets a fresh connection or a coded error.
  pool.on('error', () => undefined);
  // The same for a connection that drops while checked out: its query rejects (and is handled), but
  // the client also emits 'error', which must not become an uncaught exception.
  pool.on('connect', (client) => client.on('error', () => undefined));
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (e) {
    await pool.end().catch(() => undefined);
    const why = isConnectionLoss(e) ? 'cannot be reached' : 'refused the connection';
    throw new MedguardError('MG_STORE_UNAVAILABLE', `store.url: PostgreSQL at ${redactUrl(url)} ${why} — fix: check the URL, that the server runs and accepts this user`, { field: 'store.url', cause: e });
  }
  let failed = false;
  try {
    if (readonly) await checkPostgresVersion(client);
    else {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`).catch(async (e: unknown) => {
        // Two instances creating it at once: one wins, the other sees a unique violation.
        if ((e as { code?: string }).code !== '23505') throw e;
      });
      await migratePostgres(client, schema);
    }
  } catch (e) {
    failed = true;
    client.release(true);
    await pool.end().catch(() => undefined);
    throw e instanceof MedguardError ? e : storeError(e, 'the store could not be prepared');
  } finally {
    if (!failed) client.release();
  }
  let closed = false;
  const audit = postgresAuditStore(pool);
  return {
    kind: 'postgres',
    schema,
    audit,
    keys: postgresKeyStore(pool),
    async sharedSecret(name, bytes = 32) {
      try {
        // Whoever inserts first wins; everyone then reads the same value.
        await pool.query('INSERT INTO shared_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, randomBytes(bytes)]);
        const { rows } = await pool.query<{ value: Buffer }>('SELECT value FROM shared_secrets WHERE name = $1', [name]);
        const value = rows[0]?.value;
        if (!value) throw new Error('shared secret missing after insert');
        return value;
      } catch (e) {
        throw storeError(e, 'the shared secret could not be read');
      }
    },
    async ping() {
      await pool.query('SELECT 1').catch((e: unknown) => {
        throw storeError(e, 'the store did not answer');
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      // Appends already made finish (or fail) before their connections go.
      await audit.settled();
      await pool.end();
    },
  };
}
