/**
 * G3 (identity): G1 wrote this minimal schema so the gateway config could load before your part
 * landed. It is yours: extend or replace it (keep the export names `IdentitySchema`, `IdentityConfig`).
 */
import { z } from 'zod';

const EnvName = z.string().regex(/^[A-Z_][A-Z0-9_]{0,127}$/, 'an environment variable name such as MEDGUARD_JWKS_URL');

export const IdentitySchema = z.strictObject({
  /** Accept `mgk_<id>_<secret>` API keys from the key store. */
  apiKeys: z.boolean().default(true),
  /** Accept JWT bearer tokens verified against a JWKS. */
  jwt: z.strictObject({
    jwksUrl: z.url().optional(),
    jwksFile: z.string().min(1).optional(),
    issuer: z.string().min(1),
    audience: z.string().min(1),
    clockSkewSeconds: z.number().int().min(0).max(600).default(60),
    /** Read the JWKS URL from this env var instead of the file. */
    jwksUrlEnv: EnvName.optional(),
  }).optional(),
});

export type IdentityConfig = z.output<typeof IdentitySchema>;
