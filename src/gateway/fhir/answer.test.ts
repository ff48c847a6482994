import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultAccess } from '../../fhir/authorize.js';
import { parseScopes } from '../../fhir/scopes.js';
import { filterBundle, rewriteLinks } from './answer.js';

const obs = (id: string, p: string): Record<string, unknown> => ({ resourceType: 'Observation', id, subject: { reference: `Patient/${p}` } });

test('searchset: out-of-compartment matches and includes are removed, total adjusted', () => {
  const access = defaultAccess(parseScopes(['patient/*.rs']).grants, 'p1');
  const bundle: Record<string, unknown> = { resourceType: 'Bundle', type: 'searchset', total: 3, entry: [
    { resource: obs('a', 'p1'), search: { mode: 'match' } },
    { resource: obs('b', 'p2'), search: { mode: 'match' } },
    { resource: { resourceType: 'Patient', id: 'p2' }, search: { mode: 'include' } },
    { resource: { resourceType: 'Bundle', type: 'document', entry: [] }, search: { mode: 'include' } },
  ] };
  const f = filterBundle(bundle, access, undefined);
  assert.deepEqual(f.kept.map((r) => r.id), ['a']);
  assert.deepEqual(f.removed.map((r) => r.why), ['out_of_compartment', 'out_of_compartment']);
  assert.equal(bundle.total, 2);
  assert.equal((bundle.entry as unknown[]).length, 2, 'the nested document Bundle is filtered inside, not waved through');
});

test('batch-response: nested searchsets are filtered and refused entries keep their position', () => {
  const access = defaultAccess(parseScopes(['user/Observation.rs']).grants, null);
  const bundle: Record<string, unknown> = { resourceType: 'Bundle', type: 'batch-response', entry: [
    { resource: { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: obs('a', 'p1') }, { resource: { resourceType: 'Condition', id: 'c', subject: { reference: 'Patient/p1' } } }] }, response: { status: '200' } },
    { resource: { resourceType: 'Condition', id: 'c2' }, response: { status: '200' } },
  ] };
  const f = filterBundle(bundle, access, undefined);
  assert.deepEqual(f.kept.map((r) => r.id), ['a']);
  assert.deepEqual(f.removed.map((r) => r.why), ['out_of_scope', 'out_of_scope']);
  const entries = bundle.entry as Record<string, unknown>[];
  assert.equal(entries.length, 2);
  assert.deepEqual(entries[1], { response: { status: '403 Forbidden' } });
});

test('minimisation by type and link rewriting', () => {
  const access = defaultAccess(parseScopes(['user/*.rs']).grants, null);
  const bundle: Record<string, unknown> = { resourceType: 'Bundle', type: 'searchset', link: [{ relation: 'next', url: 'http://ehr:8080/fhir/Observation?page=2' }], entry: [{ resource: obs('a', 'p1') }, { resource: { resourceType: 'Patient', id: 'p1' } }] };
  const f = filterBundle(bundle, access, new Set(['Observation']));
  assert.deepEqual(f.removed.map((r) => r.why), ['minimised']);
  rewriteLinks(bundle, 'http://ehr:8080/fhir', '/fhir');
  assert.equal((bundle.link as { url: string }[])[0]?.url, '/fhir/Observation?page=2');
});
