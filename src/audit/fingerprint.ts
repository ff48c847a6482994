/**
 * Keyed fingerprints: findings are correlated across events ("the same MRN leaked twice") without
 * storing the value. HMAC, not a bare hash, because identifiers have few possible values and a
 * bare SHA-256 of an MRN or phone number is reversed by enumeration.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { MedguardError } from '../core/errors.js';

/** 16 hex digits (64 bits): ample to tell values apart in one trail, too short to be a useful oracle. */
export const FINGERPRINT_HEX = 16;

export function fingerprint(value: string, key: Uint8Array): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('hex').slice(0, FINGERPRINT_HEX);
}

/**
 * The fingerprint key from an env value: 64 hex digits, or any string of at least 16 characters
 * (the same rule the gateway applies). Absent means a random per-process key: fingerprints then
 * correlate only within one run, which `random` reports so the caller can warn.
 */
export function fingerprintKey(raw: string | undefined, envName = 'the fingerprint key variable'): { key: Uint8Array; random: boolean } {
  if (raw === undefined || raw === '') return { key: randomBytes(32), random: true };
  if (/^[0-9a-fA-F]{64}$/.test(raw)) return { key: Buffer.from(raw, 'hex'), random: false };
  if (raw.length >= 16) return { key: Buffer.from(raw, 'utf8'), random: false };
  throw new MedguardError('MG_CONFIG_INVALID', `${envName} is too short: use 64 hex digits (e.g. from "openssl rand -hex 32") or at least 16 characters`, { field: envName });
}
