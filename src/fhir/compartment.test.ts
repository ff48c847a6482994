import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compartmentParams, compartmentPatients, inCompartment, isCompartmentType, otherPatients, patientIdOf } from './compartment.js';

const ref = (id: string): { reference: string } => ({ reference: `Patient/${id}` });

/** [resource, patient, member?] — one row per compartment rule worth pinning. */
const CASES: readonly [Record<string, unknown>, string, boolean][] = [
  [{ resourceType: 'Observation', subject: ref('p1') }, 'p1', true],
  [{ resourceType: 'Observation', subject: ref('p2') }, 'p1', false],
  [{ resourceType: 'Observation', subject: { reference: 'Group/g1' }, performer: [ref('p1')] }, 'p1', true],
  [{ resourceType: 'Condition', subject: ref('p1') }, 'p1', true],
  [{ resourceType: 'Condition', asserter: ref('p1'), subject: ref('p2') }, 'p1', true],
  [{ resourceType: 'Encounter', subject: ref('p1') }, 'p1', true],
  [{ resourceType: 'AllergyIntolerance', patient: ref('p1') }, 'p1', true],
  [{ resourceType: 'MedicationRequest', subject: { reference: 'https://fhir.example/r4/Patient/p1/_history/3' } }, 'p1', true],
  [{ resourceType: 'Appointment', participant: [{ actor: { reference: 'Practitioner/d1' } }, { actor: ref('p1') }] }, 'p1', true],
  [{ resourceType: 'CareTeam', participant: [{ member: ref('p1') }] }, 'p1', true],
  [{ resourceType: 'Procedure', performer: [{ actor: ref('p1') }], subject: ref('p2') }, 'p1', true],
  [{ resourceType: 'Coverage', beneficiary: ref('p1') }, 'p1', true],
  [{ resourceType: 'Patient', id: 'p1' }, 'p1', true],
  [{ resourceType: 'Patient', id: 'p2' }, 'p1', false],
  [{ resourceType: 'Patient', id: 'p2', link: [{ other: ref('p1') }] }, 'p1', true],
  [{ resourceType: 'Group', member: [{ entity: ref('p1') }] }, 'p1', true],
  [{ resourceType: 'Provenance', target: [ref('p1')] }, 'p1', true],
  [{ resourceType: 'Medication', id: 'm1' }, 'p1', false],
  [{ resourceType: 'Task', for: ref('p1') }, 'p1', false],
  [{ resourceType: 'Observation', subject: { reference: '#contained' } }, 'p1', false],
  [{ resourceType: 'Observation', subject: { identifier: { value: 'p1' } } }, 'p1', false],
];

test('patient-compartment membership per resource type', () => {
  for (const [resource, patient, member] of CASES) assert.equal(inCompartment(resource, patient), member, JSON.stringify(resource));
});

test('compartment parameters come from the R4 CompartmentDefinition', () => {
  assert.deepEqual(compartmentParams('Observation'), ['subject', 'performer']);
  assert.deepEqual(compartmentParams('Condition'), ['patient', 'asserter']);
  assert.deepEqual(compartmentParams('Encounter'), ['patient']);
  assert.deepEqual(compartmentParams('Medication'), []);
  assert.equal(isCompartmentType('Practitioner'), false);
  assert.equal(isCompartmentType('DocumentReference'), true);
});

test('reference parsing and other patients', () => {
  assert.equal(patientIdOf('Patient/abc'), 'abc');
  assert.equal(patientIdOf('http://x/fhir/Patient/abc/_history/1'), 'abc');
  assert.equal(patientIdOf('Practitioner/abc'), undefined);
  assert.equal(patientIdOf('urn:uuid:1234'), undefined);
  assert.deepEqual(otherPatients({ resourceType: 'Observation', subject: ref('p1'), performer: [ref('p2')] }, 'p1'), ['p2']);
  assert.deepEqual(compartmentPatients({ resourceType: 'Observation' }), []);
});
