import { createHmac, randomBytes } from 'node:crypto';

/** Keyed, normalised and truncated: equal values give equal fingerprints, and none can be reversed without the key. */
export type Fingerprinter = (value: string) => string;

export function createFingerprinter(key: Uint8Array = randomBytes(32)): Fingerprinter {
  const k = Buffer.from(key);
  return (value) => createHmac('sha256', k).update(value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()).digest('hex').slice(0, 32);
}

/** A key from an env var: 64 hex digits, or any string of at least 16 characters. */
export function fingerprintKeyFrom(value: string | undefined): Uint8Array | undefined {
  if (value === undefined || value.length < 16) return undefined;
  return /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'utf8');
}
