import assert from 'node:assert/strict';
import { test } from 'node:test';
import { admits, authorize, defaultAccess, type Access } from './authorize.js';
import { classify } from './request.js';
import { parseScopes } from './scopes.js';

const access = (scopes: string[], patient: string | null, extra: Partial<Access> = {}): Access => ({ ...defaultAccess(parseScopes(scopes).grants, patient), ...extra });
const app = access(['patient/*.rs', 'patient/Observation.cu', 'launch/patient'], 'p1');
const clinician = access(['user/*.rs', 'user/Observation.cruds'], null);

const code = (f: () => unknown): string => {
  try {
    f();
    return 'allow';
  } catch (e) {
    return (e as { code?: string }).code ?? 'throw';
  }
};
const run = (a: Access, method: string, url: string, body?: unknown): string => {
  const q = url.indexOf('?');
  return code(() => authorize(classify(method, q < 0 ? url : url.slice(0, q), q < 0 ? '' : url.slice(q + 1), body), a));
};
const obs = (p: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ resourceType: 'Observation', subject: { reference: `Patient/${p}` }, ...extra });

/** The BOLA attack suite: each must be stopped before it reaches the server. */
const ATTACKS: readonly [string, string, unknown?][] = [
  ['GET', '/Patient/p2'],
  ['GET', '/Patient/p2/$everything'],
  ['GET', '/Patient/p2/Observation'],
  ['GET', '/Observation?subject=Patient/p2'],
  ['GET', '/Observation?patient=p2'],
  ['GET', '/Observation?subject=Patient/p1,Patient/p2'],
  ['GET', '/Observation?subject:missing=true'],
  ['GET', '/Patient?_id=p2'],
  ['GET', '/Encounter?_has:Observation:encounter:subject=Patient/p2'],
  ['GET', '/Observation?encounter.subject=Patient/p2'],
  ['GET', '/Observation?_filter=subject eq p2'],
  ['GET', '/?_type=Observation'],
  ['GET', '/?_getpages=8f2c&_type=Patient'],
  ['GET', '/?_getpages=8f2c&subject=Patient/p2'],
  ['GET', '/Observation/_history'],
  ['GET', '/Task?owner=x'],
  ['GET', '/Medication?_has:MedicationRequest:medication:subject=p2'],
  ['GET', '/Practitioner?_has:Observation:performer:patient=Patient/p1'],
  ['POST', '/Observation', obs('p2')],
  ['POST', '/Observation', obs('p1', { performer: [{ reference: 'Patient/p2' }] })],
  ['PUT', '/Observation/o1', obs('p2', { id: 'o1' })],
  ['PUT', '/Observation?code=x', obs('p1')],
  ['PATCH', '/Observation/o1', [{ op: 'replace', path: '/subject/reference', value: 'Patient/p2' }]],
  ['PUT', '/Patient/p2', { resourceType: 'Patient', id: 'p2' }],
  ['POST', '/', { resourceType: 'Bundle', type: 'batch', entry: [{ request: { method: 'GET', url: 'Patient/p1' } }, { request: { method: 'GET', url: 'Patient/p2' } }] }],
  ['POST', '/', { resourceType: 'Bundle', type: 'transaction', entry: [{ request: { method: 'POST', url: 'Observation' }, resource: obs('p2') }] }],
  ['GET', '/$export'],
  ['DELETE', '/Condition/c1'],
];

test('BOLA attempts by a patient-bound app are refused', () => {
  for (const [m, url, body] of ATTACKS) assert.notEqual(run(app, m, url, body), 'allow', `${m} ${url}`);
});

const LEGIT: readonly [string, string, unknown?][] = [
  ['GET', '/metadata'],
  ['GET', '/Patient/p1'],
  ['GET', '/Patient/p1/$everything'],
  ['GET', '/Patient/p1/Observation?category=laboratory'],
  ['GET', '/Observation?category=laboratory'],
  ['GET', '/Observation?patient=p1&_include=Observation:performer'],
  ['GET', '/Observation/o1'],
  ['GET', '/Observation/o1/_history/2'],
  ['GET', '/Medication/m1'],
  ['GET', '/Practitioner?name=Smith&_revinclude=PractitionerRole:practitioner'],
  ['GET', '/?_getpages=8f2c&_getpagesoffset=20&_count=20'],
  ['POST', '/Observation', obs('p1')],
  ['POST', '/', { resourceType: 'Bundle', type: 'batch', entry: [{ request: { method: 'GET', url: 'Patient/p1' } }, { request: { method: 'GET', url: 'Observation/o1' } }] }],
];

test('legitimate patient-app workflows pass', () => {
  for (const [m, url, body] of LEGIT) assert.equal(run(app, m, url, body), 'allow', `${m} ${url}`);
});

test('searches are constrained to the compartment; replacing writes are pre-checked', () => {
  const d = authorize(classify('GET', '/Observation', 'code=1234-5'), app);
  assert.deepEqual(d.addParams, [['subject', 'Patient/p1']]);
  assert.deepEqual(authorize(classify('GET', '/Patient', 'name=smith'), app).addParams, [['_id', 'p1']]);
  assert.deepEqual(authorize(classify('GET', '/Condition', ''), app).addParams, [['patient', 'Patient/p1']]);
  assert.equal(authorize(classify('PUT', '/Observation/o1', '', obs('p1', { id: 'o1' })), app).precheck, true);
  const restricted = access(['patient/Observation.rs?category=laboratory'], 'p1');
  assert.deepEqual(authorize(classify('GET', '/Observation', ''), restricted).addParams, [['category', 'laboratory'], ['subject', 'Patient/p1']]);
});

test('scopes decide types and interactions', () => {
  assert.equal(run(clinician, 'GET', '/Patient/p2'), 'allow');
  assert.equal(run(clinician, 'DELETE', '/Observation/o1'), 'allow');
  assert.equal(run(clinician, 'DELETE', '/Condition/c1'), 'MG_FHIR_FORBIDDEN');
  assert.equal(run(access(['patient/*.rs'], null), 'GET', '/Observation/o1'), 'MG_FHIR_FORBIDDEN', 'patient/ scopes need a patient context');
  assert.equal(run(access(['patient/Observation.rs'], 'p1'), 'GET', '/Condition?patient=p1'), 'MG_FHIR_FORBIDDEN');
  assert.equal(run(access(['patient/Observation.s'], 'p1'), 'GET', '/Observation/o1'), 'MG_FHIR_FORBIDDEN');
  assert.equal(run(clinician, 'GET', '/$export'), 'MG_FHIR_FORBIDDEN');
  assert.equal(run(access(['system/*.rs'], null, { allowExport: true }), 'GET', '/$export'), 'allow');
  assert.equal(run(clinician, 'GET', '/Observation/o1/$validate'), 'MG_FHIR_UNSUPPORTED');
  assert.equal(run(access(['patient/Observation.r'], 'p1'), 'GET', '/?_getpages=8f2c'), 'MG_FHIR_FORBIDDEN', 'a page continuation needs some search scope');
});

test('break-the-glass widens reads, never writes', () => {
  const btg = { ...app, breakGlass: true };
  assert.equal(run(btg, 'GET', '/Patient/p2'), 'allow');
  assert.deepEqual(authorize(classify('GET', '/Observation', ''), btg).addParams, []);
  assert.equal(run(btg, 'POST', '/Observation', obs('p2')), 'MG_FHIR_OUT_OF_COMPARTMENT');
  assert.equal(admits(obs('p2'), btg), null);
});

test('the response guard removes what falls outside', () => {
  assert.equal(admits(obs('p1'), app), null);
  assert.equal(admits(obs('p2'), app), 'out_of_compartment');
  assert.equal(admits({ resourceType: 'Patient', id: 'p2' }, app), 'out_of_compartment');
  assert.equal(admits({ resourceType: 'Practitioner', id: 'd1' }, app), null);
  assert.equal(admits({ resourceType: 'Task', for: { reference: 'Patient/p1' } }, app), 'out_of_compartment');
  const labs = access(['patient/Observation.rs?category=laboratory'], 'p1');
  const lab = obs('p1', { category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }] });
  assert.equal(admits(lab, labs), null);
  assert.equal(admits(obs('p1', { category: [{ coding: [{ code: 'vital-signs' }] }] }), labs), 'out_of_scope');
  assert.equal(admits({ resourceType: 'Condition', subject: { reference: 'Patient/p1' } }, labs), 'out_of_scope');
});
