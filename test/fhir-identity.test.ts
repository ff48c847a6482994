/**
 * The FHIR route with real credentials, end to end on loopback: JWTs signed by a test identity
 * provider (JWKS file) carrying SMART scopes (v1 and v2 with a restriction) and a launch-context
 * patient, and API keys from the key store carrying a patient binding and a role mapped to scopes
 * by `fhir.roleScopes`. What the credential carries must decide what the caller sees.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { IdentitySchema } from '../src/gateway/config/identity.js';
import { createAuthenticator, issueApiKey } from '../src/gateway/identity/index.js';
import { createGateway, parseConfig, startServer, type RunningServer } from '../src/gateway/index.js';
import { memoryKeyStore } from '../src/gateway/identity/memory-keystore.fixture.js';
import { MemoryStore } from './gateway-helpers.js';
import { startFhirServer, type FhirServer } from './fhir-server.js';

let fhir: FhirServer;
let server: RunningServer;
let sign: (claims: Record<string, unknown>) => Promise<string>;
const keys = memoryKeyStore();
const cheap = { cost: { logN: 10, r: 8, p: 1 } };

before(async () => {
  fhir = await startFhirServer();
  const pair = await generateKeyPair('EdDSA');
  const dir = mkdtempSync(join(tmpdir(), 'mg-fhir-id-'));
  writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'EdDSA' }] }));
  sign = (claims) => new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', kid: 'k1' }).setIssuer('https://idp.test').setAudience('medguard').setExpirationTime('5m').sign(pair.privateKey);
  const authenticator = createAuthenticator(IdentitySchema.parse({ jwt: { jwksFile: join(dir, 'jwks.json'), issuer: 'https://idp.test', audience: 'medguard' } }), keys);
  const config = parseConfig({
    listen: { host: '127.0.0.1', port: 0 },
    upstreams: { ehr: { url: fhir.url } },
    routes: [{ name: 'ehr', type: 'fhir', prefix: '/fhir', upstream: 'ehr', fhir: { roleScopes: { nurse: ['user/*.rs'], portal: ['patient/*.rs'] } } }],
  });
  server = await startServer(createGateway(config, { authenticator, store: new MemoryStore() }));
});
after(async () => {
  await server.close(100);
  await fhir.close();
});

const get = async (token: string, path: string): Promise<{ status: number; json: Record<string, unknown> }> => {
  const res = await fetch(`${server.url}/fhir${path}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
};
const ids = (b: Record<string, unknown>): string[] => ((b.entry ?? []) as { resource: { resourceType: string; id: string } }[]).map((e) => `${e.resource.resourceType}/${e.resource.id}`).sort();
const code = (j: Record<string, unknown>): string | undefined => (j.error as { code?: string } | undefined)?.code;

describe('FHIR route with real JWTs and API keys', () => {
  it('a SMART v2 token with a launch patient and a restricted scope sees exactly that', async () => {
    const token = await sign({ sub: 'app-7', scope: 'openid fhirUser launch/patient patient/Observation.rs?category=laboratory', patient: 'p1', fhirUser: 'Patient/p1' });
    assert.deepEqual(ids((await get(token, '/Observation')).json), ['Observation/o1'], 'laboratory only, p1 only');
    assert.equal(code((await get(token, '/Observation/o3')).json), 'MG_FHIR_FORBIDDEN', 'vital-signs is outside the restriction');
    assert.equal(code((await get(token, '/Observation/o2')).json), 'MG_FHIR_OUT_OF_COMPARTMENT');
    assert.equal(code((await get(token, '/Condition?patient=p1')).json), 'MG_FHIR_FORBIDDEN', 'no scope for Condition');
  });

  it('SMART launch context in launch_context.patient binds the token too', async () => {
    const token = await sign({ sub: 'app-8', scope: 'patient/*.read', launch_context: { patient: 'p2' } });
    assert.equal((await get(token, '/Patient/p2')).status, 200);
    assert.equal((await get(token, '/Patient/p1')).status, 403);
  });

  it('a v1 user/ token without patient context reads across patients but cannot write', async () => {
    const token = await sign({ sub: 'dr-9', role: 'clinician', scope: 'user/*.read' });
    assert.equal((await get(token, '/Patient/p2')).status, 200);
    assert.deepEqual(ids((await get(token, '/Observation?category=laboratory')).json), ['Observation/o1', 'Observation/o2']);
    const res = await fetch(`${server.url}/fhir/Observation`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json' }, body: JSON.stringify({ resourceType: 'Observation', subject: { reference: 'Patient/p2' } }) });
    assert.equal(res.status, 403);
    await res.arrayBuffer();
  });

  it('patient/ scopes in a token without a patient grant nothing', async () => {
    const token = await sign({ sub: 'app-x', scope: 'patient/*.rs' });
    assert.equal(code((await get(token, '/Observation/o1')).json), 'MG_FHIR_FORBIDDEN');
  });

  it('API keys: the role gives the scopes, the key gives the patient binding', async () => {
    const { token: portal } = await issueApiKey(keys, { name: 'portal', role: 'portal', patient: 'p1' }, cheap);
    assert.equal((await get(portal, '/Patient/p1')).status, 200);
    assert.equal(code((await get(portal, '/Patient/p2')).json), 'MG_FHIR_OUT_OF_COMPARTMENT');
    assert.deepEqual(ids((await get(portal, '/Observation')).json), ['Observation/o1', 'Observation/o3']);
    const { token: nurse } = await issueApiKey(keys, { name: 'ward', role: 'nurse' }, cheap);
    assert.equal((await get(nurse, '/Patient/p2')).status, 200);
    const { token: other } = await issueApiKey(keys, { name: 'svc', role: 'service' }, cheap);
    assert.equal(code((await get(other, '/Patient/p1')).json), 'MG_FHIR_FORBIDDEN', 'a role with no scopes gets nothing');
  });
});
