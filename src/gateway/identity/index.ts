/** Gateway identity: API keys and JWT bearer tokens behind one Authenticator. */
export { createAuthenticator, bearerToken, type AuthenticatorOptions } from './authenticator.js';
export { createApiKeyVerifier, issueApiKey, parseApiKey, API_KEY_PREFIX, type ApiKeyVerifier, type IssuedKey, type NewKey } from './apikeys.js';
export { createJwtVerifier, isJwtShaped, type JwtVerifier } from './jwt.js';
export { DEFAULT_SCRYPT_COST, hashSecret, verifySecret, type ScryptCost } from './secret-hash.js';
