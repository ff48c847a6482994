/**
 * The `store:` section of the gateway config (owned by audit & store). Paths are resolved against
 * the working directory; the signing key lives beside the database unless told otherwise.
 */
import { z } from 'zod';

const EnvName = z.string().regex(/^[A-Z_][A-Z0-9_]{0,127}$/, 'an environment variable name such as MEDGUARD_FINGERPRINT_KEY');

export const AuditConfigSchema = z.strictObject({
  /** SQLite database file (created with its folder when missing). */
  path: z.string().min(1).default('./.medguard/medguard.db'),
  /** `normal` (default): events become durable with each signed head; `full`: every event is fsynced (slow; see docs/AUDIT.md). */
  durability: z.enum(['normal', 'full']).default('normal'),
  /** Sign the chain head with Ed25519 (turn off only for throwaway demos). */
  sign: z.boolean().default(true),
  /** Ed25519 private key (PEM), created 0600 when missing; default `<db folder>/audit-signing.key`. */
  signingKeyPath: z.string().min(1).optional(),
  /** Sign a head after this many events... */
  headSignIntervalEvents: z.number().int().min(1).max(1_000_000).default(1000),
  /** ...or after this many seconds, whichever comes first. */
  headSignIntervalSeconds: z.number().int().min(1).max(86_400).default(60),
  /** Env var holding the HMAC key for finding fingerprints (64 hex digits, or 16+ characters); random per process when absent. */
  fingerprintKeyEnv: EnvName.optional(),
});

export type AuditConfig = z.output<typeof AuditConfigSchema>;
