import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openSqliteStore } from '../../../store/sqlite/index.js';
import { parseExpiry } from './store.js';
import { cli } from '../../testing.js';
import { verifyIn } from './testing.js';

const dir = mkdtempSync(join(tmpdir(), 'mg-keys-cli-'));
const store = join(dir, 'db', 'medguard.db');
after(() => rmSync(dir, { recursive: true, force: true }));

const verify = (token: string): Promise<string> => verifyIn(() => openSqliteStore(store), token);

describe('medguard keys create | list | revoke', () => {
  it('creates a key shown once, lists it without secrets, revokes it, and the gateway verifier agrees', async () => {
    const c = await cli('keys', 'create', '--name', 'ward-7 assistant', '--role', 'clinician', '--patient', 'pt-42', '--expires', '30d', '--store', store);
    assert.equal(c.code, 0, c.err);
    const token = c.out.trim();
    assert.match(token, /^mgk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$/);
    assert.match(c.err, /shown once/);
    const id = token.slice(4, 16);
    assert.equal(await verify(token), 'clinician');

    const l = await cli('keys', 'list', '--store', store);
    assert.equal(l.code, 0);
    assert.match(l.out, /^ID\s+NAME\s+ROLE\s+PATIENT\s+CREATED\s+EXPIRES\s+REVOKED\n/);
    assert.ok(l.out.includes(id) && l.out.includes('ward-7 assistant') && l.out.includes('pt-42'));
    assert.ok(!l.out.includes(token.slice(17)) && !l.out.includes('scrypt'));

    const r = await cli('keys', 'revoke', id, '--store', store);
    assert.equal(r.code, 0, r.err);
    assert.equal(await verify(token), 'MG_AUTH_REVOKED');
    const j = await cli('keys', 'list', '--store', store, '--json');
    const row = JSON.parse(j.out.trim().split('\n')[0] ?? '{}') as { id: string; revoked: string | null; expires: string | null };
    assert.equal(row.id, id);
    assert.notEqual(row.revoked, null);
    assert.notEqual(row.expires, null);
  });

  it('prints JSON with the key when asked', async () => {
    const c = await cli('keys', 'create', '--name', 'svc', '--role', 'service', '--store', store, '--json');
    assert.equal(c.code, 0, c.err);
    const j = JSON.parse(c.out) as Record<string, unknown>;
    assert.match(String(j.key), /^mgk_/);
    assert.equal(j.secretHash, undefined);
    assert.equal(j.expiresAt, null);
  });

  it('refuses bad usage with exit 2 and never echoes a pasted key', async () => {
    assert.equal((await cli('keys', 'create', '--role', 'clinician', '--store', store)).code, 2);
    assert.equal((await cli('keys', 'create', '--name', 'x', '--store', store)).code, 2);
    assert.equal((await cli('keys', 'create', '--name', 'x', '--role', 'bad role', '--store', store)).code, 2);
    assert.equal((await cli('keys', 'create', '--name', 'x', '--role', 'r', '--expires', 'soon', '--store', store)).code, 2);
    assert.equal((await cli('keys', 'create', '--name', 'x', '--role', 'r', '--expires', '2001-01-01', '--store', store)).code, 2);
    assert.equal((await cli('keys', 'revoke', 'aaaaaaaaaaaa', '--store', store)).code, 2);
    const pasted = `mgk_aaaaaaaaaaaa_${'S'.repeat(43)}`;
    const r = await cli('keys', 'revoke', pasted, '--store', store);
    assert.equal(r.code, 2);
    assert.ok(!r.err.includes('SSSS') && !r.out.includes('SSSS'));
  });
});

describe('parseExpiry', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('reads durations and ISO dates', () => {
    assert.equal(parseExpiry('30d', now).toISOString(), '2026-01-31T00:00:00.000Z');
    assert.equal(parseExpiry('12h', now).toISOString(), '2026-01-01T12:00:00.000Z');
    assert.equal(parseExpiry('2027-01-31T18:00:00Z', now).toISOString(), '2027-01-31T18:00:00.000Z');
    assert.throws(() => parseExpiry('0d', now), { code: 'MG_USAGE' });
    assert.throws(() => parseExpiry('30 days', now), { code: 'MG_USAGE' });
  });
});
