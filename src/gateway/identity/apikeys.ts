/**
 * API keys: `mgk_<id>_<secret>`, where the id (12 base32 characters) names the stored record and
 * the secret (32 random bytes, base64url) is shown once at creation and kept only as a scrypt hash.
 *
 * Verifying costs one scrypt, so a verified token is remembered (by its SHA-256) for a short TTL.
 * Revocation and expiry are re-read from the store on every request, cached or not, so a revoked
 * key stops working on its next request, not when the cache entry ages out.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { MedguardError } from '../../core/errors.js';
import type { ApiKeyRecord, KeyStore } from '../../store/types.js';
import { GatewayError, type Principal } from '../types.js';
import { DEFAULT_SCRYPT_COST, decoyHash, hashSecret, verifySecret, type ScryptCost } from './secret-hash.js';
import { TtlCache } from './ttl-cache.js';

export const API_KEY_PREFIX = 'mgk_';
const ID_CHARS = 12;
const SECRET_BYTES = 32;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
/** `mgk_` + 12 + `_` + 43 (32 bytes in unpadded base64url). */
export const API_KEY_LENGTH = API_KEY_PREFIX.length + ID_CHARS + 1 + 43;
const ID_RE = /^[a-z2-7]{12}$/;
const SECRET_RE = /^[A-Za-z0-9_-]{43}$/;

export const isKeyId = (id: string): boolean => ID_RE.test(id);

export function newKeyId(): string {
  // 256 is a multiple of 32, so taking each byte mod 32 is unbiased.
  return [...randomBytes(ID_CHARS)].map((b) => BASE32[b % 32]).join('');
}

/** Splits a presented token by position (the secret may itself contain `_`); undefined if malformed. */
export function parseApiKey(token: string): { id: string; secret: string } | undefined {
  if (token.length !== API_KEY_LENGTH || !token.startsWith(API_KEY_PREFIX)) return undefined;
  const id = token.slice(API_KEY_PREFIX.length, API_KEY_PREFIX.length + ID_CHARS);
  const sep = token.charAt(API_KEY_PREFIX.length + ID_CHARS);
  const secret = token.slice(API_KEY_PREFIX.length + ID_CHARS + 1);
  if (sep !== '_' || !ID_RE.test(id) || !SECRET_RE.test(secret)) return undefined;
  return { id, secret };
}

export interface NewKey {
  readonly name: string;
  readonly role: string;
  readonly patient?: string | null;
  readonly expiresAt?: Date | null;
}

export interface IssuedKey {
  /** The whole key: shown to the operator once, never stored. */
  readonly token: string;
  readonly record: ApiKeyRecord;
}

export async function issueApiKey(store: KeyStore, key: NewKey, options: { now?: Date; cost?: ScryptCost } = {}): Promise<IssuedKey> {
  const now = options.now ?? new Date();
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) {
    throw new MedguardError('MG_USAGE', 'the expiry must be in the future', { field: 'expires' });
  }
  const id = newKeyId();
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  const record: ApiKeyRecord = {
    id,
    name: key.name,
    role: key.role,
    patient: key.patient ?? null,
    secretHash: await hashSecret(secret, options.cost ?? DEFAULT_SCRYPT_COST),
    createdAt: now.toISOString(),
    expiresAt: key.expiresAt ? key.expiresAt.toISOString() : null,
    revokedAt: null,
  };
  await store.create(record);
  return { token: `${API_KEY_PREFIX}${id}_${secret}`, record };
}

export const ApiKeyVerifierOptionsSchema = z.strictObject({
  /** How long a verified token skips scrypt. Revocation is checked regardless. */
  cacheTtlSeconds: z.number().int().min(0).max(3600).default(300),
  cacheSize: z.number().int().min(1).max(1_000_000).default(10_000),
});
export type ApiKeyVerifierOptions = z.input<typeof ApiKeyVerifierOptionsSchema>;

export interface ApiKeyVerifier {
  verify(token: string): Promise<Principal>;
  /** Forgets cached verifications of one key (the store is still re-read on every request). */
  forget(id: string): void;
}

const invalid = (): GatewayError => new GatewayError(401, 'MG_AUTH_INVALID', 'the API key is not valid');

export function createApiKeyVerifier(
  store: KeyStore,
  options: ApiKeyVerifierOptions = {},
  testing: { now?: () => number; cost?: ScryptCost } = {},
): ApiKeyVerifier {
  const opts = ApiKeyVerifierOptionsSchema.parse(options);
  const now = testing.now ?? Date.now;
  const cache = new TtlCache<{ id: string; secretHash: string }>(opts.cacheSize, opts.cacheTtlSeconds * 1000, now);
  let decoy: Promise<string> | undefined;

  return {
    async verify(token) {
      const parsed = parseApiKey(token);
      if (!parsed) throw invalid();
      const record = await store.get(parsed.id);
      const digest = createHash('sha256').update(token).digest('base64url');
      const cached = cache.get(digest);
      // A cached entry only counts for the very hash it was checked against.
      let ok = cached !== undefined && record !== undefined && cached.secretHash === record.secretHash;
      if (!ok) {
        // Unknown ids cost the same scrypt as known ones, so timing does not reveal which ids exist.
        decoy ??= decoyHash(testing.cost ?? DEFAULT_SCRYPT_COST);
        ok = (await verifySecret(parsed.secret, record?.secretHash ?? (await decoy))) && record !== undefined;
        if (ok && record) cache.set(digest, { id: record.id, secretHash: record.secretHash });
      }
      if (!ok || !record) throw invalid();
      // Status is only revealed to a caller who holds the secret.
      if (record.revokedAt !== null) throw new GatewayError(401, 'MG_AUTH_REVOKED', 'the API key was revoked');
      if (record.expiresAt !== null && Date.parse(record.expiresAt) <= now()) {
        throw new GatewayError(401, 'MG_AUTH_EXPIRED', 'the API key has expired');
      }
      return { id: record.id, name: record.name, role: record.role, patient: record.patient, via: 'api_key', scopes: [] };
    },
    forget(id) {
      cache.deleteWhere((v) => v.id === id);
    },
  };
}
