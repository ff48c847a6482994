/**
 * For tests only: where the test PostgreSQL is, whether it answers, and a factory that gives each
 * test its own schema (dropped on close), so parallel test files and runs never collide. When the
 * server does not answer, tests skip and say so; under CI=true they fail instead.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresStore, type PostgresStore, type PostgresStoreOptions } from './index.js';

export const PG_TEST_URL = process.env.MEDGUARD_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';

/** undefined when reachable; else the reason to skip (or, under CI, to fail). */
export async function postgresUnavailable(url = PG_TEST_URL): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (e) {
    const why = `PostgreSQL at ${url} does not answer (${(e as { code?: string }).code ?? (e as Error).message}); set MEDGUARD_TEST_POSTGRES or start it`;
    if (process.env.CI === 'true') throw new Error(`${why} — required under CI=true`);
    process.stderr.write(`# SKIPPED PostgreSQL tests: ${why}\n`);
    return why;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const testSchemaName = (): string => `mg_t_${randomBytes(6).toString('hex')}`;

export async function dropSchema(schema: string, url = PG_TEST_URL): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** A fresh store in its own schema; closing it drops the schema. */
export async function openTestPostgresStore(options: PostgresStoreOptions = {}, url = PG_TEST_URL): Promise<PostgresStore> {
  const schema = options.schema ?? testSchemaName();
  const store = await openPostgresStore(url, { ...options, schema });
  return {
    ...store,
    async close() {
      await store.close();
      await dropSchema(schema, url);
    },
  };
}
