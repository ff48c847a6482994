/**
 * JWT bearer tokens verified with `jose` against the identity provider's JWKS (fetched over
 * http(s) with a bounded timeout and cached, or read once from a local file). Only asymmetric
 * algorithms are accepted, so neither `alg: none` nor an HMAC token "signed" with a public key
 * can pass.
 */
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { MedguardError } from '../../core/errors.js';
import type { JwtConfig } from '../config/identity.js';
import { GatewayError, type Principal } from '../types.js';
import { principalFromClaims } from './claims.js';

const MAX_TOKEN_CHARS = 16_384;
// Three base64url segments; the classes exclude '.', so matching is linear.
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export const isJwtShaped = (token: string): boolean => token.length <= MAX_TOKEN_CHARS && JWT_SHAPE.test(token);

export interface JwtVerifier {
  verify(token: string): Promise<Principal>;
}

/** Marks a failure to obtain keys (IdP down, slow, garbage) as opposed to a bad token. */
class KeysUnavailable extends Error {}

const KEY_MISMATCH = new Set(['ERR_JWKS_NO_MATCHING_KEY', 'ERR_JWKS_MULTIPLE_MATCHING_KEYS']);

function keySource(config: JwtConfig, env: NodeJS.ProcessEnv): JWTVerifyGetKey {
  if (config.jwksFile !== undefined) {
    let jwks: unknown;
    try {
      jwks = JSON.parse(readFileSync(config.jwksFile, 'utf8'));
    } catch (cause) {
      throw new MedguardError('MG_CONFIG_INVALID', 'identity.jwt.jwksFile could not be read as JSON; point it at a JWKS file ({"keys": [...]})', { field: 'identity.jwt.jwksFile', cause });
    }
    try {
      return createLocalJWKSet(jwks as Parameters<typeof createLocalJWKSet>[0]);
    } catch (cause) {
      throw new MedguardError('MG_CONFIG_INVALID', 'identity.jwt.jwksFile is not a JWKS ({"keys": [...]})', { field: 'identity.jwt.jwksFile', cause });
    }
  }
  const raw = config.jwksUrl ?? (config.jwksUrlEnv !== undefined ? env[config.jwksUrlEnv] : undefined);
  let url: URL;
  try {
    url = new URL(raw ?? '');
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('protocol');
  } catch (cause) {
    const field = config.jwksUrl !== undefined ? 'identity.jwt.jwksUrl' : 'identity.jwt.jwksUrlEnv';
    throw new MedguardError('MG_CONFIG_INVALID', `${field} must give an http(s) JWKS URL`, { field, cause });
  }
  const remote = createRemoteJWKSet(url, {
    timeoutDuration: config.jwksTimeoutMs,
    cacheMaxAge: config.jwksCacheSeconds * 1000,
    // An unknown `kid` re-fetches (key rotation) at most this often, so bad tokens cannot hammer the IdP.
    cooldownDuration: 30_000,
  });
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (e) {
      if (KEY_MISMATCH.has((e as { code?: string }).code ?? '')) throw e;
      throw new KeysUnavailable('jwks unavailable', { cause: e });
    }
  };
}

export function createJwtVerifier(config: JwtConfig, env: NodeJS.ProcessEnv = process.env): JwtVerifier {
  const getKey = keySource(config, env);
  const options = {
    issuer: config.issuer,
    audience: config.audience,
    clockTolerance: config.clockSkewSeconds,
    algorithms: [...config.algorithms],
    requiredClaims: config.requireExpiry ? ['exp'] : [],
  };
  return {
    async verify(token) {
      if (!isJwtShaped(token)) throw new GatewayError(401, 'MG_AUTH_INVALID', 'the bearer token is not a JWT');
      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, getKey, options));
      } catch (e) {
        if (e instanceof KeysUnavailable) throw new GatewayError(503, 'MG_AUTH_UNAVAILABLE', 'the signing keys to verify the token could not be fetched', { retryAfterSeconds: 5 });
        if ((e as { code?: string }).code === 'ERR_JWT_EXPIRED') throw new GatewayError(401, 'MG_AUTH_EXPIRED', 'the token has expired');
        // Which check failed (issuer, audience, signature, alg) stays in the process: it helps forgers.
        throw new GatewayError(401, 'MG_AUTH_INVALID', 'the token is not valid for this gateway');
      }
      return principalFromClaims(payload, config.claims);
    },
  };
}
