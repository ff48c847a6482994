/**
 * `identity:` — who may call the gateway. API keys (`mgk_...`, from `medguard keys create`) and/or
 * JWT bearer tokens from the hospital's identity provider, verified against its JWKS.
 * Field names `apiKeys` and `jwt.{jwksUrl,jwksFile,jwksUrlEnv,issuer,audience,clockSkewSeconds}`
 * are the ones G1's first version shipped; everything else was added compatibly.
 */
import { z } from 'zod';

const EnvName = z.string().regex(/^[A-Z_][A-Z0-9_]{0,127}$/, 'an environment variable name such as MEDGUARD_JWKS_URL');
/** A dotted claim path such as `realm_access.roles`; bounded so a lookup is a few steps at most. */
const ClaimPath = z.string().regex(/^[A-Za-z0-9_:$-]{1,64}(\.[A-Za-z0-9_:$-]{1,64}){0,5}$/, 'a claim name or dotted path such as "sub" or "realm_access.roles"');

/** Asymmetric algorithms only: `none` and HMAC (which a public JWKS key could forge) cannot be configured. */
export const JWT_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;

export const ClaimsSchema = z.strictObject({
  /** The principal id (used for limits and the audit trail). */
  principal: ClaimPath.default('sub'),
  /** A display name; falls back to the principal id. */
  name: ClaimPath.default('name'),
  /** Where the role is read from; an array claim gives its first string. */
  role: ClaimPath.default('role'),
  /** The role when the token has none. */
  defaultRole: z.string().min(1).max(64).default('user'),
  /** Patient context, tried in order: a `patient` claim, then SMART launch context. */
  patient: z.array(ClaimPath).max(8).default(['patient', 'launch_context.patient', 'context.patient']),
});

export const JwtSchema = z
  .strictObject({
    jwksUrl: z.url({ protocol: /^https?$/, error: 'an http(s) URL such as https://idp.example.org/.well-known/jwks.json' }).optional(),
    jwksFile: z.string().min(1).optional(),
    /** Read the JWKS URL from this env var instead of the file. */
    jwksUrlEnv: EnvName.optional(),
    issuer: z.string().min(1),
    audience: z.union([z.string().min(1), z.array(z.string().min(1)).min(1).max(16)]),
    clockSkewSeconds: z.number().int().min(0).max(600).default(60),
    algorithms: z.array(z.enum(JWT_ALGORITHMS)).min(1).default(['RS256', 'ES256', 'EdDSA']),
    /** Longest wait for the JWKS endpoint; a request waiting on it fails with 503 after this. */
    jwksTimeoutMs: z.number().int().min(100).max(30_000).default(5_000),
    /** How long fetched keys are trusted before re-fetching (an unknown `kid` re-fetches sooner). */
    jwksCacheSeconds: z.number().int().min(10).max(86_400).default(600),
    /** Tokens must carry `exp`; a token without one is refused. */
    requireExpiry: z.boolean().default(true),
    claims: ClaimsSchema.default(ClaimsSchema.parse({})),
  })
  .refine((j) => [j.jwksUrl, j.jwksFile, j.jwksUrlEnv].filter((v) => v !== undefined).length === 1, {
    message: 'set exactly one of jwksUrl, jwksFile or jwksUrlEnv',
  });

export const ApiKeyCacheSchema = z.strictObject({
  /** How long a verified key skips the scrypt check (revocation is re-read every request regardless). */
  ttlSeconds: z.number().int().min(0).max(3600).default(300),
  size: z.number().int().min(1).max(1_000_000).default(10_000),
});

export const IdentitySchema = z.strictObject({
  /** Accept `mgk_<id>_<secret>` API keys from the key store. */
  apiKeys: z.boolean().default(true),
  apiKeyCache: ApiKeyCacheSchema.default(ApiKeyCacheSchema.parse({})),
  /** Accept JWT bearer tokens verified against a JWKS. */
  jwt: JwtSchema.optional(),
});

export type IdentityConfig = z.output<typeof IdentitySchema>;
export type JwtConfig = z.output<typeof JwtSchema>;
export type ClaimsConfig = z.output<typeof ClaimsSchema>;
