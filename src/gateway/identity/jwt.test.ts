import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type JWTPayload, type CryptoKey } from 'jose';
import { JwtSchema, type JwtConfig } from '../config/identity.js';
import { GatewayError } from '../types.js';
import { createJwtVerifier, isJwtShaped } from './jwt.js';

const ISSUER = 'https://idp.test';
const AUDIENCE = 'medguard';
const now = (): number => Math.floor(Date.now() / 1000);

let server: Server;
let jwksUrl: string;
let jwks: { keys: unknown[] };
let signing: CryptoKey;
let stranger: CryptoKey;
let fetches = 0;

before(async () => {
  const pair = await generateKeyPair('ES256');
  signing = pair.privateKey;
  stranger = (await generateKeyPair('ES256')).privateKey;
  jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' }] };
  server = createServer((_req, res) => {
    fetches++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const config = (over: Record<string, unknown> = {}): JwtConfig => JwtSchema.parse({ jwksUrl, issuer: ISSUER, audience: AUDIENCE, clockSkewSeconds: 60, ...over });

async function token(claims: JWTPayload = {}, opts: { key?: CryptoKey; kid?: string; iss?: string; aud?: string; exp?: number } = {}): Promise<string> {
  return new SignJWT({ sub: 'dr-house', ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: opts.kid ?? 'k1' })
    .setIssuer(opts.iss ?? ISSUER)
    .setAudience(opts.aud ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(opts.exp ?? now() + 300)
    .sign(opts.key ?? signing);
}

const rejectsWith = (p: Promise<unknown>, status: number, code: string): Promise<void> =>
  assert.rejects(p, (e: unknown) => e instanceof GatewayError && e.status === status && e.code === code);

describe('JWT verification against a JWKS served over loopback HTTP', () => {
  it('accepts a valid token and maps its claims', async () => {
    const v = createJwtVerifier(config());
    const p = await v.verify(await token({ name: 'Dr House', role: ['attending', 'admin'], scope: 'patient/*.read launch', patient: 'pt-9' }));
    assert.deepEqual(p, { id: 'dr-house', name: 'Dr House', role: 'attending', patient: 'pt-9', via: 'jwt', scopes: ['patient/*.read', 'launch'] });
  });

  it('reads SMART launch context, scp arrays, a custom role path and the default role', async () => {
    const v = createJwtVerifier(config({ claims: { role: 'realm_access.roles', defaultRole: 'reader' } }));
    const a = await v.verify(await token({ launch_context: { patient: 'pt-7' }, scp: ['a', 'b'], realm_access: { roles: ['nurse'] } }));
    assert.equal(a.patient, 'pt-7');
    assert.deepEqual(a.scopes, ['a', 'b']);
    assert.equal(a.role, 'nurse');
    const b = await v.verify(await token({ role: 'ignored-here' }));
    assert.equal(b.role, 'reader');
    assert.equal(b.patient, null);
  });

  it('rejects the wrong issuer and the wrong audience', async () => {
    const v = createJwtVerifier(config());
    await rejectsWith(v.verify(await token({}, { iss: 'https://evil.test' })), 401, 'MG_AUTH_INVALID');
    await rejectsWith(v.verify(await token({}, { aud: 'someone-else' })), 401, 'MG_AUTH_INVALID');
  });

  it('rejects a token expired beyond the clock skew, accepts one within it', async () => {
    const v = createJwtVerifier(config());
    await rejectsWith(v.verify(await token({}, { exp: now() - 120 })), 401, 'MG_AUTH_EXPIRED');
    assert.equal((await v.verify(await token({}, { exp: now() - 20 }))).id, 'dr-house');
  });

  it('rejects a token not yet valid beyond the skew', async () => {
    const v = createJwtVerifier(config());
    await rejectsWith(v.verify(await token({ nbf: now() + 600 })), 401, 'MG_AUTH_INVALID');
  });

  it('rejects a token signed by another key (same kid) and one for an unknown kid', async () => {
    const v = createJwtVerifier(config());
    await rejectsWith(v.verify(await token({}, { key: stranger })), 401, 'MG_AUTH_INVALID');
    await rejectsWith(v.verify(await token({}, { key: stranger, kid: 'k-unknown' })), 401, 'MG_AUTH_INVALID');
  });

  it('rejects alg none and an HMAC token keyed with the public JWK', async () => {
    const v = createJwtVerifier(config());
    const none = new UnsecuredJWT({ sub: 'x' }).setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('5m').encode();
    assert.ok(isJwtShaped(none));
    await rejectsWith(v.verify(none), 401, 'MG_AUTH_INVALID');
    const publicJwkBytes = new TextEncoder().encode(JSON.stringify(jwks.keys[0]));
    const hs = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('5m').sign(publicJwkBytes);
    await rejectsWith(v.verify(hs), 401, 'MG_AUTH_INVALID');
  });

  it('requires exp and a principal claim', async () => {
    const v = createJwtVerifier(config());
    const noExp = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setIssuer(ISSUER).setAudience(AUDIENCE).sign(signing);
    await rejectsWith(v.verify(noExp), 401, 'MG_AUTH_INVALID');
    await rejectsWith(v.verify(await token({ sub: undefined })), 401, 'MG_AUTH_INVALID');
  });

  it('fetches the JWKS once and serves later tokens from its cache', async () => {
    const v = createJwtVerifier(config());
    const before = fetches;
    for (let i = 0; i < 5; i++) await v.verify(await token());
    assert.equal(fetches - before, 1);
  });

  it('answers 503 MG_AUTH_UNAVAILABLE when the JWKS endpoint is down', async () => {
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((resolve) => dead.close(() => resolve()));
    const v = createJwtVerifier(config({ jwksUrl: `http://127.0.0.1:${port}/jwks.json`, jwksTimeoutMs: 500 }));
    await rejectsWith(v.verify(await token()), 503, 'MG_AUTH_UNAVAILABLE');
  });

  it('reads a local JWKS file and the URL from an env var', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mg-jwks-'));
    const file = join(dir, 'jwks.json');
    writeFileSync(file, JSON.stringify(jwks));
    const fromFile = createJwtVerifier(JwtSchema.parse({ jwksFile: file, issuer: ISSUER, audience: AUDIENCE }));
    assert.equal((await fromFile.verify(await token())).id, 'dr-house');
    const fromEnv = createJwtVerifier(JwtSchema.parse({ jwksUrlEnv: 'TEST_JWKS_URL', issuer: ISSUER, audience: AUDIENCE }), { TEST_JWKS_URL: jwksUrl });
    assert.equal((await fromEnv.verify(await token())).id, 'dr-house');
    assert.throws(() => createJwtVerifier(JwtSchema.parse({ jwksUrlEnv: 'TEST_JWKS_URL', issuer: ISSUER, audience: AUDIENCE }), {}), { code: 'MG_CONFIG_INVALID' });
  });

  it('refuses configs with no or two key sources, and algorithms outside the asymmetric list', () => {
    assert.throws(() => JwtSchema.parse({ issuer: ISSUER, audience: AUDIENCE }));
    assert.throws(() => JwtSchema.parse({ jwksUrl, jwksFile: 'x', issuer: ISSUER, audience: AUDIENCE }));
    assert.throws(() => JwtSchema.parse({ jwksUrl, issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] }));
    assert.throws(() => JwtSchema.parse({ jwksUrl, issuer: ISSUER, audience: AUDIENCE, algorithms: ['none'] }));
  });
});
