import { createCipheriv, createDecipheriv, createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync, statSync } from 'node:fs';
import { MedguardError } from '../core/errors.js';
import { Vault, type VaultOptions } from './vault.js';

/** A 32-byte key, or a passphrase stretched with scrypt (its salt and cost sit in the file header). */
export type VaultSecret = { readonly key: Uint8Array | string } | { readonly passphrase: string };

const MAGIC = Buffer.from('MGVAULT\u0001', 'latin1');
const HEADER_LEN = 8 + 4 + 16 + 16 + 12;
const TAG_LEN = 16;
const SCRYPT = { logN: 15, r: 8, p: 1 };
const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** Accepts 64 hex digits or base64 of exactly 32 bytes (the form of MEDGUARD_VAULT_KEY). */
export function parseVaultKey(value: string): Buffer {
  const v = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(v)) return Buffer.from(v, 'hex');
  if (/^[A-Za-z0-9+/_-]{42,44}={0,2}$/.test(v)) {
    const b = Buffer.from(v.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (b.length === 32) return b;
  }
  throw new MedguardError('MG_VAULT_KEY', 'vault key must be 32 bytes written as 64 hex digits or base64', { field: 'MEDGUARD_VAULT_KEY' });
}

/** The secret from MEDGUARD_VAULT_KEY or MEDGUARD_VAULT_PASSPHRASE; MG_VAULT_KEY when neither is set. */
export function vaultSecretFromEnv(env: NodeJS.ProcessEnv = process.env): VaultSecret {
  const key = env.MEDGUARD_VAULT_KEY;
  if (key !== undefined && key !== '') return { key: parseVaultKey(key) };
  const passphrase = env.MEDGUARD_VAULT_PASSPHRASE;
  if (passphrase !== undefined && passphrase !== '') return { passphrase };
  throw new MedguardError('MG_VAULT_KEY', 'no vault key: set MEDGUARD_VAULT_KEY (32 bytes, hex or base64) or MEDGUARD_VAULT_PASSPHRASE', { field: 'MEDGUARD_VAULT_KEY' });
}

interface Params { kdf: number; logN: number; r: number; p: number; salt: Buffer }

function deriveKey(secret: VaultSecret, params: Params): Buffer {
  if ('key' in secret) {
    if (params.kdf !== 0) throw new MedguardError('MG_VAULT_KEY', 'this vault was sealed with a passphrase; set MEDGUARD_VAULT_PASSPHRASE', { field: 'MEDGUARD_VAULT_PASSPHRASE' });
    return typeof secret.key === 'string' ? parseVaultKey(secret.key) : checkKey(secret.key);
  }
  if (params.kdf !== 1) throw new MedguardError('MG_VAULT_KEY', 'this vault was sealed with a key; set MEDGUARD_VAULT_KEY', { field: 'MEDGUARD_VAULT_KEY' });
  if (params.logN < 10 || params.logN > 20 || params.r < 1 || params.r > 16 || params.p < 1 || params.p > 4) {
    throw new MedguardError('MG_VAULT_CORRUPT', 'vault header has out-of-range scrypt parameters', { field: 'vault' });
  }
  const N = 2 ** params.logN;
  return scryptSync(secret.passphrase.normalize('NFKC'), params.salt, 32, { N, r: params.r, p: params.p, maxmem: 256 * N * params.r + 1024 * 1024 });
}

function checkKey(key: Uint8Array): Buffer {
  if (key.length !== 32) throw new MedguardError('MG_VAULT_KEY', 'vault key must be exactly 32 bytes', { field: 'MEDGUARD_VAULT_KEY' });
  return Buffer.from(key);
}

const keyCheck = (key: Buffer, salt: Buffer): Buffer => createHmac('sha256', key).update('medguard vault key check').update(salt).digest().subarray(0, 16);

/** AES-256-GCM over the JSON entries; the header (magic, KDF, salt, key check, IV) is authenticated too. */
export function sealVault(vault: Vault, secret: VaultSecret): Buffer {
  const params: Params = 'key' in secret ? { kdf: 0, logN: 0, r: 0, p: 0, salt: randomBytes(16) } : { kdf: 1, ...SCRYPT, salt: randomBytes(16) };
  const key = deriveKey(secret, params);
  const iv = randomBytes(12);
  const header = Buffer.concat([MAGIC, Buffer.from([params.kdf, params.logN, params.r, params.p]), params.salt, keyCheck(key, params.salt), iv]);
  const body = JSON.stringify({ v: 1, key: vault.pseudonymKey().toString('base64'), max: vault.maxEntries, entries: [...vault.entries()].map((e) => [e.surrogate, e.original, e.type]) });
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(header);
  const ct = Buffer.concat([cipher.update(body, 'utf8'), cipher.final()]);
  return Buffer.concat([header, ct, cipher.getAuthTag()]);
}

export function unsealVault(data: Buffer, secret: VaultSecret, options: VaultOptions = {}): Vault {
  const corrupt = (why: string): MedguardError => new MedguardError('MG_VAULT_CORRUPT', `vault file is not readable: ${why}`, { field: 'vault' });
  if (data.length < HEADER_LEN + TAG_LEN || !data.subarray(0, 8).equals(MAGIC)) throw corrupt('not a medguard vault or truncated');
  const params: Params = { kdf: data[8] ?? 0, logN: data[9] ?? 0, r: data[10] ?? 0, p: data[11] ?? 0, salt: data.subarray(12, 28) };
  if (params.kdf > 1) throw corrupt('unknown key derivation');
  const key = deriveKey(secret, params);
  if (!timingSafeEqual(keyCheck(key, params.salt), data.subarray(28, 44))) {
    throw new MedguardError('MG_VAULT_KEY', 'wrong vault key or passphrase', { field: 'MEDGUARD_VAULT_KEY' });
  }
  const header = data.subarray(0, HEADER_LEN);
  const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(44, HEADER_LEN));
  decipher.setAAD(header);
  decipher.setAuthTag(data.subarray(data.length - TAG_LEN));
  let plain: string;
  try {
    plain = Buffer.concat([decipher.update(data.subarray(HEADER_LEN, data.length - TAG_LEN)), decipher.final()]).toString('utf8');
  } catch {
    throw corrupt('authentication failed (modified or damaged)');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(plain);
  } catch {
    throw corrupt('contents are not valid');
  }
  if (!isVaultBody(parsed)) throw corrupt('contents have the wrong shape');
  const vault = new Vault(Buffer.from(parsed.key, 'base64'), { maxEntries: options.maxEntries ?? Math.max(parsed.max, parsed.entries.length) });
  for (const [s, o, t] of parsed.entries) vault.bind(t, o, s);
  return vault;
}

interface VaultBody { v: 1; key: string; max: number; entries: Array<[string, string, string]> }

function isVaultBody(x: unknown): x is VaultBody {
  if (typeof x !== 'object' || x === null) return false;
  const b = x as Record<string, unknown>;
  return b.v === 1 && typeof b.key === 'string' && typeof b.max === 'number' && Array.isArray(b.entries)
    && b.entries.every((e) => Array.isArray(e) && e.length === 3 && e.every((f) => typeof f === 'string'));
}

/** Reads and decrypts a vault file. Missing file → MG_IO; wrong key → MG_VAULT_KEY; damage → MG_VAULT_CORRUPT. */
export function openVault(path: string, secret: VaultSecret, options: VaultOptions = {}): Vault {
  let data: Buffer;
  try {
    if (statSync(path).size > MAX_FILE_BYTES) throw new MedguardError('MG_VAULT_CORRUPT', 'vault file is larger than any vault medguard writes', { field: 'vault' });
    data = readFileSync(path);
  } catch (e) {
    if (e instanceof MedguardError) throw e;
    throw new MedguardError('MG_IO', 'cannot read the vault file', { field: 'vault', cause: e });
  }
  return unsealVault(data, secret, options);
}

/** Encrypts and writes atomically (temp file + rename), readable by the owner only. */
export function saveVault(vault: Vault, path: string, secret: VaultSecret): void {
  const sealed = sealVault(vault, secret);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, sealed, { mode: 0o600 });
    renameSync(tmp, path);
  } catch (e) {
    throw new MedguardError('MG_IO', 'cannot write the vault file', { field: 'vault', cause: e });
  }
}
