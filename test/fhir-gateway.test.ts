/**
 * The FHIR route end to end: a real gateway on port 0 in front of the loopback FHIR server
 * (test/fhir-server.ts), principals with SMART scopes and patient context. The BOLA attack suite
 * must be stopped, legitimate workflows must pass, and every refusal/removal/alert is audited.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createGateway, parseConfig, startServer, GatewayError, type RunningServer } from '../src/gateway/index.js';
import type { Authenticator, Principal } from '../src/gateway/types.js';
import { MemoryStore } from './gateway-helpers.js';
import { startFhirServer, type FhirServer } from './fhir-server.js';

const PRINCIPALS: Record<string, Principal> = {
  app: { id: 'app-1', name: 'patient app', role: 'patient', patient: 'p1', via: 'jwt', scopes: ['launch/patient', 'patient/*.rs', 'patient/Observation.cu', 'patient/Condition.cu'] },
  doc: { id: 'dr-1', name: 'Dr One', role: 'clinician', patient: 'p1', via: 'jwt', scopes: ['patient/*.rs'] },
  nurse: { id: 'nurse-1', name: 'Nurse', role: 'nurse', patient: null, via: 'api_key', scopes: [] },
  scraper: { id: 'scraper-1', name: 'analytics job', role: 'analyst', patient: null, via: 'jwt', scopes: ['user/*.rs'] },
  labs: { id: 'labs-1', name: 'lab viewer', role: 'patient', patient: 'p1', via: 'jwt', scopes: ['patient/Observation.rs?category=laboratory'] },
};

const authenticator: Authenticator = {
  authenticate(headers) {
    const token = (headers.authorization ?? '').replace(/^Bearer /, '');
    const p = PRINCIPALS[token];
    return p ? Promise.resolve(p) : Promise.reject(new GatewayError(401, 'MG_AUTH_INVALID', 'unknown token'));
  },
};

let fhir: FhirServer;
let server: RunningServer;
let store: MemoryStore;

before(async () => {
  fhir = await startFhirServer();
  store = new MemoryStore();
  const config = parseConfig({
    listen: { host: '127.0.0.1', port: 0 },
    upstreams: { ehr: { url: fhir.url } },
    routes: [
      { name: 'ehr', type: 'fhir', prefix: '/fhir', upstream: 'ehr', fhir: { roleScopes: { nurse: ['user/*.rs'] }, breakGlass: { roles: ['clinician'], minutes: 5 }, anomaly: { sequentialRun: 5 } } },
      { name: 'ai', type: 'fhir', prefix: '/ai/fhir', upstream: 'ehr', fhir: { minimise: { stripElements: ['identifier', 'telecom', 'address', 'photo'], deidentifyText: true }, injection: 'quarantine' } },
      { name: 'strict', type: 'fhir', prefix: '/strict/fhir', upstream: 'ehr', fhir: { injection: 'block' } },
    ],
  });
  server = await startServer(createGateway(config, { authenticator, store }));
});
after(async () => {
  await server.close(100);
  await fhir.close();
});

const call = async (who: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> => {
  const res = await fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${who}`, 'content-type': 'application/fhir+json', ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
};
const codeOf = (j: Record<string, unknown>): string | undefined => (j.error as { code?: string } | undefined)?.code;
const ids = (bundle: Record<string, unknown>): string[] => ((bundle.entry ?? []) as { resource?: { resourceType: string; id: string } }[]).map((e) => (e.resource ? `${e.resource.resourceType}/${e.resource.id}` : '-'));
const lastEvent = async (): Promise<(typeof store.events)[number]> => {
  const n = store.events.length;
  await new Promise((r) => setTimeout(r, 30));
  return store.events[store.events.length - 1] ?? store.events[n - 1]!;
};
const obs = (p: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: `Patient/${p}` }, ...extra });

describe('FHIR route (real sockets)', () => {
  it('BOLA attack suite: every attempt is stopped before or after the server', async () => {
    const attacks: [string, string, unknown?][] = [
      ['GET', '/fhir/Patient/p2'],
      ['GET', '/fhir/Observation/o2'],
      ['GET', '/fhir/Patient/p2/$everything'],
      ['GET', '/fhir/Patient?identifier=MRN-100002'],
      ['GET', '/fhir/Observation?patient=p2'],
      ['GET', '/fhir/Observation?subject.identifier=MRN-100002'],
      ['GET', '/fhir/Patient?_has:Condition:patient:code=HIV'],
      ['GET', '/fhir/Medication?_has:MedicationRequest:medication:subject=p2'],
      ['GET', '/fhir/Practitioner?_id=d1&_revinclude=Observation:performer'],
      ['POST', '/fhir/', { resourceType: 'Bundle', type: 'batch', entry: [{ request: { method: 'GET', url: 'Patient/p1' } }, { request: { method: 'GET', url: 'Patient/p2' } }] }],
      ['POST', '/fhir/Observation', obs('p2')],
      ['PUT', '/fhir/Observation/o2', obs('p1', { id: 'o2' })],
    ];
    for (const [m, path, body] of attacks) {
      const r = await call('app', m, path, body);
      const leaked = JSON.stringify(r.json).match(/"id":"(p2|o2|c3)"|MRN-100002|Bruno|HIV/);
      assert.ok(r.status === 403 || r.status === 400 || (r.status === 200 && !leaked), `${m} ${path}: ${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
    }
    assert.equal((await call('app', 'GET', '/fhir/Patient/p2')).status, 403);
    assert.equal(codeOf((await call('app', 'GET', '/fhir/Observation/o2')).json), 'MG_FHIR_OUT_OF_COMPARTMENT');
    assert.equal(codeOf((await call('app', 'GET', '/fhir/Medication?_has:MedicationRequest:medication:subject=p2')).json), 'MG_FHIR_OUT_OF_COMPARTMENT', 'a reverse chain from a shared type is refused');
    assert.equal(fhir.db.get('Observation/o2')?.subject !== undefined, true);
    assert.deepEqual((fhir.db.get('Observation/o2')?.subject as { reference: string }).reference, 'Patient/p2', 'the re-pointing write never reached the server');
  });

  it('constrains searches to the compartment and filters _include leaks, recording each removal', async () => {
    fhir.seen.length = 0;
    const r = await call('app', 'GET', '/fhir/Observation?_include=Observation:performer');
    assert.equal(r.status, 200);
    assert.ok(fhir.seen.some((l) => l.includes('subject=Patient%2Fp1')), `constrained upstream: ${fhir.seen.join(' ')}`);
    assert.deepEqual(ids(r.json).sort(), ['Observation/o1', 'Observation/o3', 'Practitioner/d1']);
    const e = await lastEvent();
    assert.ok(e.reasons.includes('MG_FHIR_FILTERED'));
    assert.ok(e.findings.some((f) => f.kind === 'api.fhir_removed_out_of_compartment'));
    // _revinclude from a shared type: the server returns every patient's Observations performed by d1.
    const rev = await call('app', 'GET', '/fhir/Practitioner?_id=d1&_revinclude=Observation:performer');
    assert.equal(rev.status, 200);
    assert.deepEqual(ids(rev.json).sort(), ['Observation/o1', 'Practitioner/d1']);
    const removed = (await lastEvent()).findings.filter((f) => f.kind === 'api.fhir_removed_out_of_compartment');
    assert.equal(removed.length, 1, 'the other patient\'s Observation/o2 was removed and recorded');
  });

  it('legitimate workflows pass', async () => {
    for (const path of ['/fhir/metadata', '/fhir/Patient/p1', '/fhir/Observation/o1', '/fhir/Patient/p1/$everything', '/fhir/Condition?patient=p1', '/fhir/Medication/m1', '/fhir/Patient/p1/Observation']) {
      const r = await call('app', 'GET', path);
      assert.equal(r.status, 200, path);
    }
    const created = await call('app', 'POST', '/fhir/Observation', obs('p1'));
    assert.equal(created.status, 201);
    const everything = await call('app', 'GET', '/fhir/Patient/p1/$everything');
    assert.ok(!ids(everything.json).includes('Patient/p2') && !ids(everything.json).includes('Observation/o2'));
    const labs = await call('labs', 'GET', '/fhir/Observation');
    assert.deepEqual(ids(labs.json), ['Observation/o1'], 'a v2 restriction (category=laboratory) holds');
    const nurse = await call('nurse', 'GET', '/fhir/Patient/p2');
    assert.equal(nurse.status, 200, 'an API key gets its role scopes (user/*.rs)');
    assert.equal((await call('nurse', 'POST', '/fhir/Observation', obs('p2'))).status, 403);
  });

  it('break-the-glass widens reads for one principal, for a bounded time, always alerting', async () => {
    assert.equal((await call('doc', 'GET', '/fhir/Patient/p2')).status, 403);
    assert.equal(codeOf((await call('doc', 'GET', '/fhir/Patient/p2', undefined, { 'x-medguard-break-glass': 'short' })).json), 'MG_FHIR_FORBIDDEN');
    assert.equal((await call('app', 'GET', '/fhir/Patient/p2', undefined, { 'x-medguard-break-glass': 'emergency: unconscious patient in ED' })).status, 403, 'role not allowed');
    const r = await call('doc', 'GET', '/fhir/Patient/p2', undefined, { 'x-medguard-break-glass': 'emergency: unconscious patient in ED' });
    assert.equal(r.status, 200);
    let e = await lastEvent();
    assert.equal(e.verdict, 'alert');
    assert.ok(e.reasons.includes('MG_FHIR_BREAK_GLASS'));
    assert.ok(e.findings.some((f) => f.kind === 'api.fhir_break_glass_opened'));
    assert.equal((await call('doc', 'GET', '/fhir/Condition/c3')).status, 200, 'still widened without the header');
    e = await lastEvent();
    assert.ok(e.reasons.includes('MG_FHIR_BREAK_GLASS'));
    assert.equal((await call('doc', 'POST', '/fhir/Observation', obs('p2'))).status, 403, 'writes are never widened');
  });

  it('minimises and de-identifies what an AI route sees, and quarantines planted instructions', async () => {
    const p = await call('app', 'GET', '/ai/fhir/Patient/p1');
    assert.equal(p.status, 200);
    for (const k of ['identifier', 'telecom', 'address']) assert.equal(p.json[k], undefined, k);
    const div = (p.json.text as { div: string }).div;
    assert.ok(!div.includes('Alice Morgan') && !div.includes('MRN-100001'), div);
    const c = await call('app', 'GET', '/ai/fhir/Condition/c2');
    assert.equal(c.status, 200);
    assert.match(JSON.stringify(c.json.note), /quarantined/);
    assert.doesNotMatch(JSON.stringify(c.json), /previous instructions/);
    const e = await lastEvent();
    assert.ok(e.reasons.includes('MG_FHIR_QUARANTINED'));
    const doc = await call('app', 'GET', '/ai/fhir/DocumentReference/doc1');
    const data = ((doc.json.content as { attachment: { data: string } }[])[0]?.attachment.data) ?? '';
    assert.match(Buffer.from(data, 'base64').toString('utf8'), /quarantined/);
    assert.equal((await call('app', 'GET', '/strict/fhir/Condition/c2')).status, 403);
    assert.equal((await call('app', 'GET', '/strict/fhir/Condition/c1')).status, 200, 'clinical prose passes');
  });

  it('raises an enumeration alert for sequential identifiers', async () => {
    let alerted = false;
    for (let n = 1000; n < 1008; n++) {
      await call('nurse', 'GET', `/fhir/Patient/${n}`);
      const e = await lastEvent();
      if (e.reasons.includes('MG_FHIR_ANOMALY') && e.findings.some((f) => f.kind === 'api.fhir_anomaly.enumeration_sequential')) alerted = true;
    }
    assert.ok(alerted);
  });

  it('guessing, bulk reads and $export each become an audited alert with its evidence', async () => {
    const anomalies = async (): Promise<{ kind: string; detector: string }[]> => (await lastEvent()).findings.filter((f) => f.kind.startsWith('api.fhir_anomaly.'));
    let guessed: { kind: string; detector: string } | undefined;
    for (let i = 0; i < 22 && !guessed; i++) {
      assert.equal((await call('scraper', 'GET', `/fhir/Patient/guess-${i}x`)).status, 404);
      guessed = (await anomalies()).find((f) => f.kind === 'api.fhir_anomaly.enumeration_404');
    }
    assert.match(guessed?.detector ?? '', /21 not-found answers in 10 minutes \(limit 20\)/);
    assert.equal((await call('scraper', 'GET', '/fhir/Observation?_count=5000')).status, 200);
    const e = await lastEvent();
    assert.equal(e.verdict, 'alert');
    assert.ok(e.reasons.includes('MG_FHIR_ANOMALY'));
    assert.match(e.findings.find((f) => f.kind === 'api.fhir_anomaly.bulk_count')?.detector ?? '', /_count=5000 \(limit 500\)/);
    assert.equal((await call('scraper', 'GET', '/fhir/$export')).status, 403, '$export is off on this route');
    assert.ok((await anomalies()).some((f) => f.kind === 'api.fhir_anomaly.bulk_export'), 'a refused $export still alerts');
    assert.ok(!JSON.stringify(store.events.slice(-3).map((ev) => ev.findings)).includes('guess-'), 'evidence carries counts, not identifiers');
  });
});
