/**
 * G2 (audit & store): G1 wrote this minimal schema so the gateway config could load before your
 * part landed. It is yours: extend or replace it (keep the export names `AuditConfigSchema`, `AuditConfig`).
 */
import { z } from 'zod';

const EnvName = z.string().regex(/^[A-Z_][A-Z0-9_]{0,127}$/, 'an environment variable name such as MEDGUARD_FINGERPRINT_KEY');

export const AuditConfigSchema = z.strictObject({
  /** SQLite database file (created with its folder when missing). */
  path: z.string().min(1).default('./.medguard/medguard.db'),
  /** Ed25519 private key (PEM) used to sign the chain head; unsigned when absent. */
  signingKeyPath: z.string().min(1).optional(),
  headSignIntervalSeconds: z.number().int().min(1).max(86_400).default(60),
  /** Env var holding the HMAC key for finding fingerprints (hex or 16+ characters); random per process when absent. */
  fingerprintKeyEnv: EnvName.optional(),
});

export type AuditConfig = z.output<typeof AuditConfigSchema>;
