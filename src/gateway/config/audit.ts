/**
 * The `store:` section of the gateway config (owned by audit & store). Paths are resolved against
 * the working directory; the signing key lives beside the database unless told otherwise.
 */
import { z } from 'zod';

const EnvName = z.string().regex(/^[A-Z_][A-Z0-9_]{0,127}$/, 'an environment variable name such as MEDGUARD_FINGERPRINT_KEY');

export const AuditConfigSchema = z.strictObject({
  /** SQLite database file (created with its folder when missing); unused when `url` is set. */
  path: z.string().min(1).default('./.medguard/medguard.db'),
  /** PostgreSQL URL (postgres://USER[:PASSWORD]@HOST:PORT/DB): the store several instances share (docs/SCALING.md). */
  url: z.string().regex(/^postgres(ql)?:\/\/[^\s]{1,2000}$/, 'expected a PostgreSQL URL such as postgres://medguard@db:5432/medguard').optional(),
  /** PostgreSQL schema for medguard's tables (created when missing). */
  schema: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'expected a lower-case identifier such as medguard').default('medguard'),
  /** PostgreSQL lost while running: `closed` refuses requests (503) until it is back; `spool` keeps serving and replays the spooled events in order. */
  onLoss: z.enum(['closed', 'spool']).default('closed'),
  /** The local spool file for `onLoss: spool` (default: audit-spool.jsonl beside `path`). */
  spoolPath: z.string().min(1).optional(),
  /**
   * With `url`: every instance derives surrogates from one pseudonym key kept in PostgreSQL, so a
   * patient gets the same surrogate whichever instance answers (the model sees one consistent
   * conversation). Trade-off: the model provider can then link requests about the same person.
   */
  sharedPseudonymKey: z.boolean().default(false),
  /** PostgreSQL connections per instance. */
  poolSize: z.number().int().min(1).max(200).default(10),
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

/** `store: postgres://...` is short for `store: { url: ... }`; another string is a SQLite path. */
export const AuditConfigInput = z.preprocess(
  (v) => (typeof v === 'string' ? (/^postgres(ql)?:\/\//i.test(v) ? { url: v } : { path: v }) : v),
  AuditConfigSchema,
);
