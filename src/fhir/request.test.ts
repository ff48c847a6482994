import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classify } from './request.js';

const CASES: readonly [string, string, string, string, string?][] = [
  // method, path, interaction, level, type
  ['GET', '/metadata', 'capabilities', 'system'],
  ['GET', '/Patient/p1', 'read', 'instance', 'Patient'],
  ['GET', '/Observation/o1/_history/2', 'vread', 'instance', 'Observation'],
  ['GET', '/Observation', 'search', 'type', 'Observation'],
  ['POST', '/Observation/_search', 'search', 'type', 'Observation'],
  ['GET', '/', 'search', 'system'],
  ['GET', '/Patient/p1/Observation', 'search', 'type', 'Observation'],
  ['GET', '/Observation/o1/_history', 'history', 'instance', 'Observation'],
  ['GET', '/Observation/_history', 'history', 'type', 'Observation'],
  ['GET', '/_history', 'history', 'system'],
  ['POST', '/Observation', 'create', 'type', 'Observation'],
  ['PUT', '/Observation/o1', 'update', 'instance', 'Observation'],
  ['PATCH', '/Observation/o1', 'patch', 'instance', 'Observation'],
  ['DELETE', '/Observation/o1', 'delete', 'instance', 'Observation'],
  ['GET', '/Patient/p1/$everything', 'everything', 'instance', 'Patient'],
  ['GET', '/$export', 'export', 'system'],
  ['GET', '/Patient/$export', 'export', 'type', 'Patient'],
  ['GET', '/Group/g1/$export', 'export', 'instance', 'Group'],
];

test('classifies every FHIR interaction the gateway checks', () => {
  for (const [m, path, interaction, level, type] of CASES) {
    const r = classify(m, path, '');
    assert.equal(r.interaction, interaction, `${m} ${path}`);
    assert.equal(r.level, level, `${m} ${path}`);
    assert.equal(r.type, type, `${m} ${path}`);
  }
  assert.equal(classify('GET', '/Patient/p1/Observation', '').compartmentPatient, 'p1');
  assert.equal(classify('PUT', '/Observation', 'code=x').conditional, true);
});

test('batch and transaction entries are classified one by one', () => {
  const r = classify('POST', '/', '', { resourceType: 'Bundle', type: 'transaction', entry: [{ request: { method: 'GET', url: 'Patient/p1' } }, { request: { method: 'GET', url: 'Observation?subject=Patient/p1&_include=Observation:performer' } }] });
  assert.equal(r.interaction, 'transaction');
  assert.deepEqual(r.entries?.map((e) => e.interaction), ['read', 'search']);
  assert.deepEqual(r.entries?.[1]?.params, [['subject', 'Patient/p1'], ['_include', 'Observation:performer']]);
});

test('anything else is unsupported', () => {
  for (const [m, p, body] of [['GET', '/observation/1'], ['GET', '/Observation/../Patient/p2'], ['GET', '/Observation/o1/$validate'], ['POST', '/', { resourceType: 'Bundle', type: 'collection' }], ['GET', '/Patient/p1/Observation/extra'], ['POST', '/', { resourceType: 'Bundle', type: 'batch', entry: [{ request: { method: 'GET', url: 'http://evil/Patient/p2' } }] }], ['POST', '/', { resourceType: 'Bundle', type: 'batch', entry: [{ request: { method: 'POST', url: '' }, resource: { resourceType: 'Bundle', type: 'batch' } }] }]] as [string, string, unknown?][]) {
    assert.throws(() => classify(m, p, '', body), (e: Error & { code?: string }) => e.code === 'MG_FHIR_UNSUPPORTED', `${m} ${p}`);
  }
});
