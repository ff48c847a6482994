/**
 * The keys commands against PostgreSQL, reached both ways an operator has: `--store URL` and
 * `--config medguard.yaml` with `store: { url, schema }`. Each test has its own schema; without a
 * PostgreSQL the file skips and says so (under CI=true it fails).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openPostgresStore } from '../../../store/postgres/index.js';
import { dropSchema, PG_TEST_URL, postgresUnavailable, testSchemaName } from '../../../store/postgres/testing.js';
import { cli } from '../../testing.js';
import { verifyIn } from './testing.js';

const skip = await postgresUnavailable();
const dir = mkdtempSync(join(tmpdir(), 'mg-keys-pg-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** What a gateway instance on this schema would answer for the key. */
const verify = (schema: string, token: string): Promise<string> => verifyIn(() => openPostgresStore(PG_TEST_URL, { schema, poolSize: 1 }), token);

function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('schema', schema);
  return u.toString();
}

describe('medguard keys on PostgreSQL', { skip }, () => {
  it('--config: create, list and revoke in the store the gateway config names', async () => {
    const schema = testSchemaName();
    const config = join(dir, `${schema}.yaml`);
    // A SQLite path is set too, to show that with a url the keys go to PostgreSQL, not to it.
    writeFileSync(config, `upstreams:\n  llm: { url: "http://127.0.0.1:9" }\nroutes:\n  - { name: clinical, upstream: llm }\nstore:\n  url: ${JSON.stringify(PG_TEST_URL)}\n  schema: ${schema}\n  path: ${JSON.stringify(join(dir, 'unused.db'))}\n`);
    try {
      const c = await cli('keys', 'create', '--name', 'ward app', '--role', 'clinician', '--config', config);
      assert.equal(c.code, 0, c.err);
      const token = c.out.trim();
      const id = token.slice(4, 16);
      assert.equal(await verify(schema, token), 'clinician');

      const l = await cli('keys', 'list', '--config', config, '--json');
      assert.equal(l.code, 0, l.err);
      const rows = l.out.trim().split('\n').map((line) => JSON.parse(line) as { id: string; revoked: string | null });
      assert.deepEqual(rows.map((r) => [r.id, r.revoked]), [[id, null]]);

      assert.equal((await cli('keys', 'revoke', id, '--config', config)).code, 0);
      assert.equal(await verify(schema, token), 'MG_AUTH_REVOKED');
      assert.equal((await cli('keys', 'list', '--store', join(dir, 'unused.db'), '--json')).out, '', 'nothing went to the SQLite path');
    } finally {
      await dropSchema(schema);
    }
  });

  it('--store URL?schema=: the same, and the password never appears in an error', async () => {
    const schema = testSchemaName();
    const url = withSchema(PG_TEST_URL, schema);
    try {
      const c = await cli('keys', 'create', '--name', 'svc', '--role', 'service', '--store', url, '--json');
      assert.equal(c.code, 0, c.err);
      const token = String((JSON.parse(c.out) as { key: string }).key);
      assert.equal(await verify(schema, token), 'service');
      const l = await cli('keys', 'list', '--store', url);
      assert.ok(l.out.includes(token.slice(4, 16)));
    } finally {
      await dropSchema(schema);
    }
    const down = await cli('keys', 'list', '--store', 'postgres://u:pw-secret@127.0.0.1:1/test');
    assert.equal(down.code, 2);
    assert.match(down.err, /MG_STORE_UNAVAILABLE/);
    assert.ok(!down.err.includes('pw-secret'));
  });

  it('refuses --store with --config', async () => {
    const r = await cli('keys', 'list', '--store', PG_TEST_URL, '--config', join(dir, 'x.yaml'));
    assert.equal(r.code, 2);
    assert.match(r.err, /either --store or --config/);
  });
});
