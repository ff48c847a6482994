/**
 * Until identity's combined API-key/JWT Authenticator lands, the gateway authenticates with the
 * API-key verifier alone (real scrypt-verified keys from the store, no JWT). Replace this with
 * identity's factory when it exists: the interface is the same.
 */
import type { KeyStore } from '../../store/types.js';
import { createApiKeyVerifier } from '../identity/apikeys.js';
import { GatewayError, type Authenticator } from '../types.js';

export function apiKeyAuthenticator(keys: KeyStore): Authenticator {
  const verifier = createApiKeyVerifier(keys);
  return {
    authenticate(headers) {
      const header = headers.authorization;
      const match = typeof header === 'string' ? /^Bearer ([^\s]{1,512})$/i.exec(header) : null;
      if (!match?.[1]) return Promise.reject(new GatewayError(401, 'MG_AUTH_MISSING', 'an Authorization: Bearer API key is required'));
      return verifier.verify(match[1]);
    },
  };
}
