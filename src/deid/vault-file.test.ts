import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createVault, openVault, saveVault, parseVaultKey, vaultSecretFromEnv, restore } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'medguard-vault-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function sample() {
  const vault = createVault();
  vault.bind('NAME', 'John Smith', 'Mark Davis');
  vault.bind('NAME', '김철수', '박민준');
  vault.bind('DATE', '2023-03-14', '2023-04-03');
  return vault;
}

test('vault file round trip with a raw key keeps entries and the pseudonym key', () => {
  const key = randomBytes(32);
  const path = join(dir, 'a.vault');
  const vault = sample();
  saveVault(vault, path, { key });
  const bytes = readFileSync(path);
  assert.ok(!bytes.includes(Buffer.from('John')) && !bytes.includes(Buffer.from('Smith')), 'entries are encrypted at rest');
  assert.equal(statSync(path).mode & 0o777, 0o600);
  const back = openVault(path, { key: key.toString('hex') });
  assert.equal(back.size, 3);
  assert.ok(back.pseudonymKey().equals(vault.pseudonymKey()));
  assert.equal(restore('Mark Davis met 박민준 on 2023-04-03', back), 'John Smith met 김철수 on 2023-03-14');
  assert.equal(back.surrogateFor('NAME', 'John Smith'), 'Mark Davis');
});

test('passphrase vaults use scrypt with the salt in the header', () => {
  const path = join(dir, 'b.vault');
  saveVault(sample(), path, { passphrase: 'correct horse battery staple' });
  assert.equal(openVault(path, { passphrase: 'correct horse battery staple' }).size, 3);
  assert.throws(() => openVault(path, { passphrase: 'wrong horse' }), { code: 'MG_VAULT_KEY' });
  assert.throws(() => openVault(path, { key: randomBytes(32) }), { code: 'MG_VAULT_KEY' });
});

test('wrong key → MG_VAULT_KEY; tampered or truncated file → MG_VAULT_CORRUPT', () => {
  const key = randomBytes(32);
  const path = join(dir, 'c.vault');
  saveVault(sample(), path, { key });
  assert.throws(() => openVault(path, { key: randomBytes(32) }), { code: 'MG_VAULT_KEY' });
  const good = readFileSync(path);
  for (const at of [60, good.length - 5, good.length - 20]) {
    const bad = Buffer.from(good);
    bad[at] = (bad[at] ?? 0) ^ 0x01;
    writeFileSync(path, bad);
    assert.throws(() => openVault(path, { key }), { code: 'MG_VAULT_CORRUPT' }, `flip at ${at}`);
  }
  const iv = Buffer.from(good);
  iv[50] = (iv[50] ?? 0) ^ 0xff; // the IV is authenticated as part of the header
  writeFileSync(path, iv);
  assert.throws(() => openVault(path, { key }), { code: 'MG_VAULT_CORRUPT' });
  writeFileSync(path, good.subarray(0, 30));
  assert.throws(() => openVault(path, { key }), { code: 'MG_VAULT_CORRUPT' });
  writeFileSync(path, 'not a vault at all, just text that is long enough to pass the length check....');
  assert.throws(() => openVault(path, { key }), { code: 'MG_VAULT_CORRUPT' });
  assert.throws(() => openVault(join(dir, 'missing.vault'), { key }), { code: 'MG_IO' });
});

test('error messages never carry vault contents', () => {
  const key = randomBytes(32);
  const path = join(dir, 'd.vault');
  saveVault(sample(), path, { key });
  try {
    openVault(path, { key: randomBytes(32) });
    assert.fail('should throw');
  } catch (e) {
    assert.ok(e instanceof Error && !e.message.includes('John'));
  }
});

test('keys parse from hex or base64 and the environment', () => {
  const key = randomBytes(32);
  assert.ok(parseVaultKey(key.toString('hex')).equals(key));
  assert.ok(parseVaultKey(key.toString('base64')).equals(key));
  assert.throws(() => parseVaultKey('abc'), { code: 'MG_VAULT_KEY' });
  assert.throws(() => parseVaultKey(randomBytes(16).toString('hex')), { code: 'MG_VAULT_KEY' });
  assert.deepEqual(vaultSecretFromEnv({ MEDGUARD_VAULT_PASSPHRASE: 'pw' }), { passphrase: 'pw' });
  assert.throws(() => vaultSecretFromEnv({}), { code: 'MG_VAULT_KEY' });
});
