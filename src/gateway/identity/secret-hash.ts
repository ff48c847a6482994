/**
 * The slow hash that protects stored API-key secrets. scrypt is in node:crypto (no dependency),
 * memory-hard, and its parameters travel with each hash, so the cost can be raised later without
 * invalidating keys already issued.
 *
 * Cost: N=2^15, r=8, p=1 uses 32 MiB and ~50–100 ms per hash on one core of a 2020s server. That
 * is deliberate for an offline attack on a leaked store; the gateway pays it once per key per
 * cache TTL (see apikeys.ts), not per request.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptCost {
  /** log2 of N. */
  readonly logN: number;
  readonly r: number;
  readonly p: number;
}

export const DEFAULT_SCRYPT_COST: ScryptCost = { logN: 15, r: 8, p: 1 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;
// Parameters read back from the store are bounded so a tampered row cannot make verification
// allocate gigabytes or run for minutes.
const MAX_LOG_N = 20;
const MAX_R = 16;
const MAX_P = 4;

function scryptAsync(secret: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.logN;
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** `scrypt$<logN>$<r>$<p>$<salt b64url>$<hash b64url>`. */
export async function hashSecret(secret: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scryptAsync(secret, salt, cost);
  return ['scrypt', cost.logN, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash {
  readonly cost: ScryptCost;
  readonly salt: Buffer;
  readonly key: Buffer;
}

function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [logN, r, p] = parts.slice(1, 4).map((s) => (/^\d{1,2}$/.test(s ?? '') ? Number(s) : NaN));
  if (logN === undefined || r === undefined || p === undefined) return undefined;
  if (!(logN >= 1 && logN <= MAX_LOG_N && r >= 1 && r <= MAX_R && p >= 1 && p <= MAX_P)) return undefined;
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const key = Buffer.from(parts[5] ?? '', 'base64url');
  if (salt.length < 8 || key.length !== KEY_BYTES) return undefined;
  return { cost: { logN, r, p }, salt, key };
}

/**
 * True when `secret` matches `stored`. The comparison is constant-time, and a malformed stored
 * hash still costs one scrypt at the default parameters, so timing does not tell the two apart.
 */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  const salt = parsed?.salt ?? Buffer.alloc(SALT_BYTES);
  const expected = parsed?.key ?? Buffer.alloc(KEY_BYTES);
  const actual = await scryptAsync(secret, salt, parsed?.cost ?? DEFAULT_SCRYPT_COST);
  return timingSafeEqual(actual, expected) && parsed !== undefined;
}

/** A hash of a random secret at the given cost: what an unknown key id is checked against. */
export const decoyHash = (cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<string> => hashSecret(randomBytes(KEY_BYTES).toString('base64url'), cost);
