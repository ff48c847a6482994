/**
 * Versioned schema migrations for the PostgreSQL store, run at start-up. Several gateway instances
 * may start at once against one database: the whole read-version-and-upgrade runs in one
 * transaction that first takes a transaction-scoped advisory lock keyed on the schema name, so
 * exactly one instance applies each migration and the others then see it done.
 */
import type { PoolClient } from 'pg';
import { MedguardError } from '../../core/errors.js';
import { GENESIS_HASH } from '../../audit/chain.js';

export const PG_MIGRATIONS: readonly string[] = [
  // 1: the chained events (canonical JSON authoritative, other columns index it), the one-row chain
  // head every append locks (serialising writers across instances), finding kind/family indexes,
  // signed heads, API keys, and the shared pseudonym key.
  `CREATE TABLE chain_head (
     id SMALLINT PRIMARY KEY CHECK (id = 1),
     seq BIGINT NOT NULL,
     hash TEXT NOT NULL
   );
   INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, '${GENESIS_HASH}');
   CREATE TABLE events (
     seq BIGINT PRIMARY KEY,
     time TEXT NOT NULL,
     request_id TEXT NOT NULL,
     principal TEXT,
     route TEXT NOT NULL,
     verdict TEXT NOT NULL,
     status INTEGER NOT NULL,
     canonical TEXT NOT NULL,
     prev_hash TEXT NOT NULL,
     hash TEXT NOT NULL,
     append_id TEXT UNIQUE,
     recorded_at TIMESTAMPTZ NOT NULL DEFAULT now()
   );
   CREATE INDEX events_principal ON events (principal, seq);
   CREATE INDEX events_route ON events (route, seq);
   CREATE INDEX events_verdict ON events (verdict, seq);
   CREATE TABLE event_kinds (kind TEXT NOT NULL, family TEXT NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (kind, seq));
   CREATE TABLE event_families (family TEXT NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (family, seq));
   CREATE TABLE heads (
     seq BIGINT NOT NULL,
     hash TEXT NOT NULL,
     signed_at TEXT NOT NULL,
     key_id TEXT NOT NULL,
     signature TEXT NOT NULL,
     PRIMARY KEY (seq, key_id)
   );
   CREATE TABLE api_keys (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     role TEXT NOT NULL,
     patient TEXT,
     secret_hash TEXT NOT NULL,
     created_at TEXT NOT NULL,
     expires_at TEXT,
     revoked_at TEXT
   );
   CREATE TABLE shared_secrets (name TEXT PRIMARY KEY, value BYTEA NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now());`,
];

export const PG_SCHEMA_VERSION = PG_MIGRATIONS.length;

const tooNew = (v: number): MedguardError =>
  new MedguardError('MG_STORE_SCHEMA', `the store has schema version ${v} but this medguard knows up to ${PG_SCHEMA_VERSION}; upgrade medguard`);

export async function migratePostgres(client: PoolClient, schema: string): Promise<void> {
  await client.query('BEGIN');
  try {
    // hashtext() gives a stable 32-bit key per schema: test schemas never wait on each other.
    await client.query('SELECT pg_advisory_xact_lock(7001, hashtext($1))', [schema]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_version');
    const current = rows[0]?.v ?? 0;
    if (current > PG_SCHEMA_VERSION) throw tooNew(current);
    for (let v = current + 1; v <= PG_SCHEMA_VERSION; v++) {
      await client.query(PG_MIGRATIONS[v - 1] ?? '');
      await client.query('INSERT INTO schema_version (version) VALUES ($1)', [v]);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** For read-only openers (verify, export): the schema must exist and be exactly this version. */
export async function checkPostgresVersion(client: PoolClient): Promise<void> {
  const exists = await client.query<{ t: string | null }>("SELECT to_regclass('schema_version')::text AS t");
  if (exists.rows[0]?.t == null) throw new MedguardError('MG_STORE', 'no medguard store in this database/schema (start a gateway on it once to create it)');
  const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_version');
  const v = rows[0]?.v ?? 0;
  if (v > PG_SCHEMA_VERSION) throw tooNew(v);
  if (v < PG_SCHEMA_VERSION) throw new MedguardError('MG_STORE_SCHEMA', `the store has schema version ${v}; start the gateway once to upgrade it`);
}
