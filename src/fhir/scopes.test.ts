import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseScope, parseScopes } from './scopes.js';

const VALID: readonly [string, string, string, string, number][] = [
  // scope, context, type, ops, version
  ['patient/Observation.read', 'patient', 'Observation', 'rs', 1],
  ['user/*.write', 'user', '*', 'cud', 1],
  ['system/*.*', 'system', '*', 'cruds', 1],
  ['patient/Observation.rs', 'patient', 'Observation', 'rs', 2],
  ['user/Condition.cruds', 'user', 'Condition', 'cruds', 2],
  ['patient/Patient.r', 'patient', 'Patient', 'r', 2],
  ['user/Observation.cu', 'user', 'Observation', 'cu', 2],
  ['patient/Observation.rs?category=laboratory', 'patient', 'Observation', 'rs', 2],
  ['patient/Condition.rs?category=http://terminology.hl7.org/CodeSystem/condition-category|problem-list-item', 'patient', 'Condition', 'rs', 2],
];

test('valid SMART v1 and v2 scopes', () => {
  for (const [s, context, type, ops, version] of VALID) {
    const g = parseScope(s);
    assert.ok(g, s);
    assert.equal(g.context, context, s);
    assert.equal(g.type, type, s);
    assert.equal([...g.ops].join(''), ops, s);
    assert.equal(g.version, version, s);
  }
  assert.deepEqual(parseScope('patient/Observation.rs?category=laboratory')?.restrictions, [['category', 'laboratory']]);
});

test('non-resource scopes grant nothing and are not errors', () => {
  for (const s of ['openid', 'fhirUser', 'launch', 'launch/patient', 'offline_access', 'profile']) assert.equal(parseScope(s), null, s);
});

const INVALID = [
  'patient/Observation', 'patient/Observation.', 'doctor/Observation.read', 'patient/observation.read', 'patient/Observation.sr',
  'patient/Observation.rr', 'patient/Observation.x', 'patient/Observation.read?category=laboratory', 'patient/*.rs?category=lab',
  'patient/Observation.rs?category=', 'patient/Observation.rs?a.b=c', 'Observation.read', '', 'x'.repeat(300), 'patient/Observation.rs?category=%zz',
  'patient/Obs;ervation.rs',
];

test('invalid scopes throw MG_FHIR_SCOPE_INVALID; parseScopes collects them and grants nothing', () => {
  for (const s of INVALID) assert.throws(() => parseScope(s), (e: Error & { code?: string }) => e.code === 'MG_FHIR_SCOPE_INVALID', s);
  const r = parseScopes(['openid', 'patient/Observation.rs', 'patient/Observation.sr']);
  assert.equal(r.grants.length, 1);
  assert.equal(r.invalid.length, 1);
});

test('the scope parser is linear on hostile input', () => {
  const t = performance.now();
  for (let i = 0; i < 200; i++) parseScopes([`patient/${'A'.repeat(250)}.rs`, `user/Observation.rs?${'a=b&'.repeat(60)}`, 'patient/Observation.' + 'r'.repeat(240)]);
  assert.ok(performance.now() - t < 2000);
});
