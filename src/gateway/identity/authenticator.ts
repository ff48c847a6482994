/**
 * The gateway's Authenticator: reads `Authorization: Bearer <token>` and hands `mgk_` tokens to
 * the API-key verifier and JWT-shaped tokens to the JWT verifier (when configured). Anything else
 * is 401. Factories run once at startup, so a bad identity config fails there, not per request.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { MedguardError } from '../../core/errors.js';
import type { KeyStore } from '../../store/types.js';
import { IdentitySchema, type IdentityConfig } from '../config/identity.js';
import { GatewayError, type Authenticator } from '../types.js';
import { API_KEY_PREFIX, createApiKeyVerifier, type ApiKeyVerifier } from './apikeys.js';
import { createJwtVerifier, isJwtShaped, type JwtVerifier } from './jwt.js';

/** Longer headers are refused before any parsing. */
const MAX_AUTHORIZATION_CHARS = 16_400;

/** The token after `Bearer ` (scheme case-insensitive), or undefined when there is no bearer credential. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const value = headers.authorization;
  if (typeof value !== 'string' || value.length === 0) return undefined;
  if (value.length > MAX_AUTHORIZATION_CHARS) throw new GatewayError(401, 'MG_AUTH_INVALID', 'the authorization header is too long');
  const space = value.indexOf(' ');
  if (space < 0 || value.slice(0, space).toLowerCase() !== 'bearer') return undefined;
  const token = value.slice(space + 1).trim();
  return token.length > 0 ? token : undefined;
}

export interface AuthenticatorOptions {
  readonly env?: NodeJS.ProcessEnv;
}

export function createAuthenticator(config: IdentityConfig, keyStore: KeyStore | undefined, options: AuthenticatorOptions = {}): Authenticator {
  const parsed = IdentitySchema.parse(config);
  if (!parsed.apiKeys && !parsed.jwt) {
    throw new MedguardError('MG_CONFIG_INVALID', 'identity: enable apiKeys or configure jwt, or no request could ever be admitted', { field: 'identity' });
  }
  if (parsed.apiKeys && !keyStore) {
    throw new MedguardError('MG_CONFIG_INVALID', 'identity.apiKeys needs a key store; configure store.path or set identity.apiKeys: false', { field: 'identity.apiKeys' });
  }
  const apiKeys: ApiKeyVerifier | undefined = parsed.apiKeys && keyStore
    ? createApiKeyVerifier(keyStore, { cacheTtlSeconds: parsed.apiKeyCache.ttlSeconds, cacheSize: parsed.apiKeyCache.size })
    : undefined;
  const jwt: JwtVerifier | undefined = parsed.jwt ? createJwtVerifier(parsed.jwt, options.env ?? process.env) : undefined;

  return {
    async authenticate(headers) {
      const token = bearerToken(headers);
      if (token === undefined) throw new GatewayError(401, 'MG_AUTH_MISSING', 'an Authorization: Bearer credential is required');
      if (token.startsWith(API_KEY_PREFIX) && apiKeys) return apiKeys.verify(token);
      if (jwt && isJwtShaped(token)) return jwt.verify(token);
      throw new GatewayError(401, 'MG_AUTH_INVALID', 'the credential is not an accepted API key or token');
    },
  };
}
