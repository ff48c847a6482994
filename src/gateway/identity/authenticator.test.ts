import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { IdentitySchema } from '../config/identity.js';
import { GatewayError } from '../types.js';
import { issueApiKey } from './apikeys.js';
import { bearerToken, createAuthenticator } from './authenticator.js';
import { memoryKeyStore } from './memory-keystore.fixture.js';

const rejectsWith = (p: Promise<unknown>, code: string): Promise<void> =>
  assert.rejects(p, (e: unknown) => e instanceof GatewayError && e.status === 401 && e.code === code);

describe('bearerToken', () => {
  it('takes the token after a case-insensitive Bearer scheme', () => {
    assert.equal(bearerToken({ authorization: 'Bearer abc' }), 'abc');
    assert.equal(bearerToken({ authorization: 'bearer   abc ' }), 'abc');
    assert.equal(bearerToken({ authorization: 'Basic dXNlcjpwYXNz' }), undefined);
    assert.equal(bearerToken({ authorization: 'Bearer ' }), undefined);
    assert.equal(bearerToken({}), undefined);
  });
});

describe('createAuthenticator', () => {
  it('routes mgk_ keys to the key store and JWTs to the JWKS, and refuses everything else', async () => {
    const store = memoryKeyStore();
    const { token: key } = await issueApiKey(store, { name: 'svc', role: 'service' }, { cost: { logN: 10, r: 8, p: 1 } });
    const pair = await generateKeyPair('EdDSA');
    const dir = mkdtempSync(join(tmpdir(), 'mg-auth-'));
    writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'e1', alg: 'EdDSA' }] }));
    const auth = createAuthenticator(
      IdentitySchema.parse({ jwt: { jwksFile: join(dir, 'jwks.json'), issuer: 'https://idp', audience: 'mg' } }),
      store,
    );
    assert.equal((await auth.authenticate({ authorization: `Bearer ${key}` })).via, 'api_key');
    const jwt = await new SignJWT({ sub: 'u1' }).setProtectedHeader({ alg: 'EdDSA', kid: 'e1' }).setIssuer('https://idp').setAudience('mg').setExpirationTime('5m').sign(pair.privateKey);
    assert.equal((await auth.authenticate({ authorization: `Bearer ${jwt}` })).via, 'jwt');
    await rejectsWith(auth.authenticate({}), 'MG_AUTH_MISSING');
    await rejectsWith(auth.authenticate({ authorization: 'Basic dXNlcjpwYXNz' }), 'MG_AUTH_MISSING');
    await rejectsWith(auth.authenticate({ authorization: 'Bearer sk-openai-style' }), 'MG_AUTH_INVALID');
    await rejectsWith(auth.authenticate({ authorization: `Bearer ${'x'.repeat(20_000)}` }), 'MG_AUTH_INVALID');
  });

  it('refuses JWTs when no jwt section is configured, and mgk_ keys when API keys are off', async () => {
    const store = memoryKeyStore();
    const { token: key } = await issueApiKey(store, { name: 'svc', role: 'service' }, { cost: { logN: 10, r: 8, p: 1 } });
    const keysOnly = createAuthenticator(IdentitySchema.parse({}), store);
    await rejectsWith(keysOnly.authenticate({ authorization: 'Bearer aaa.bbb.ccc' }), 'MG_AUTH_INVALID');
    const jwtOnly = createAuthenticator(IdentitySchema.parse({ apiKeys: false, jwt: { jwksUrl: 'http://127.0.0.1:9/jwks', issuer: 'i', audience: 'a' } }), undefined);
    await rejectsWith(jwtOnly.authenticate({ authorization: `Bearer ${key}` }), 'MG_AUTH_INVALID');
  });

  it('fails at startup on a config that could admit nobody or has no key store', () => {
    assert.throws(() => createAuthenticator(IdentitySchema.parse({ apiKeys: false }), undefined), { code: 'MG_CONFIG_INVALID' });
    assert.throws(() => createAuthenticator(IdentitySchema.parse({}), undefined), { code: 'MG_CONFIG_INVALID' });
  });
});
