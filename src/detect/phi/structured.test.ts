import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectPhi } from './index.js';
import { findHl7 } from './hl7.js';
import { findJsonKeys } from './json-keys.js';
import { findCapsNames } from './names-caps.js';
import { findDicomDump } from './dicom.js';
import { findTables } from './tables.js';
import type { Sink } from './types.js';

type Found = Array<[string, string]>;
const run = (find: (text: string, sink: Sink) => void, text: string): Found => {
  const out: Found = [];
  find(text, (start, end, type) => out.push([type, text.slice(start, end)]));
  return out;
};

test('HL7 v2: PID and NK1 fields by position, components and repetitions apart', () => {
  const msg = [
    'MSH|^~\\&|ADT1|GOOD HEALTH HOSPITAL|GHH LAB|GHH|20260101120000||ADT^A01|MSG00001|P|2.5',
    'PID|1||4471920^^^MRN^MR~998877^^^SS^SS||DELGADO^ROBERT^J^^MR||19480315|M|||4521 N OAK AVE^^BOISE^ID^83702^USA||(208)555-0142^PRN^PH^^^208^5550142|||S||A0012345|123-45-6789',
    'NK1|1|DELGADO^MARIA|SPO|""|(208)555-0143',
    'PV1|1|I|W^389^1|||||004777^HALDORSEN^KARI^^^DR|||SUR',
  ].join('\r');
  assert.deepEqual(run(findHl7, msg), [
    ['MRN', '4471920'], ['MRN', '998877'],
    ['NAME', 'DELGADO'], ['NAME', 'ROBERT'], ['NAME', 'J'],
    ['DATE', '19480315'],
    // The state (ID) and the country are no Safe Harbor identifiers.
    ['LOCATION', '4521 N OAK AVE'], ['LOCATION', 'BOISE'], ['LOCATION', '83702'],
    ['PHONE', '(208)555-0142'], ['PHONE', '5550142'],
    ['ACCOUNT', 'A0012345'], ['SSN', '123-45-6789'],
    // "" is HL7's explicit null.
    ['NAME', 'DELGADO'], ['NAME', 'MARIA'], ['PHONE', '(208)555-0143'],
    ['ID', '004777'], ['NAME', 'HALDORSEN'], ['NAME', 'KARI'],
  ]);
});

test('HL7 v2: the separators of the MSH segment, segments split by newlines, other segments ignored', () => {
  const msg = 'MSH#*!\\&#ADT1\nPID#1##555111*** *MR##SMITH*ANN\nOBX#1#TX#Note##Pt stable';
  assert.deepEqual(run(findHl7, msg), [['MRN', '555111'], ['NAME', 'SMITH'], ['NAME', 'ANN']]);
  assert.deepEqual(run(findHl7, 'a | table | of words\nPIDX|1||123'), []);
});

test('JSON: FHIR names, addresses, telecom, identifiers and patient references by key', () => {
  const fhir = JSON.stringify({
    resourceType: 'Patient', id: 'pat-1',
    identifier: [{ type: { coding: [{ code: 'MR' }] }, system: 'urn:oid:1.2.3', value: 'A4471920' }, { system: 'urn:x', value: 'XY-123456' }],
    name: [{ family: 'DELGADO', given: ['Robert', 'J'] }],
    telecom: [{ system: 'phone', value: '2085550142' }, { system: 'email', value: 'r.d@example.org' }],
    birthDate: '1948', address: [{ line: ['4521 N Oak Ave', 'Apt 3'], city: 'Boise', state: 'ID', postalCode: '83702' }],
    generalPractitioner: [{ reference: 'Practitioner/77' }], link: [{ other: { reference: 'Patient/pat-2' } }],
  });
  assert.deepEqual(run(findJsonKeys, fhir), [
    ['MRN', 'A4471920'], ['ID', 'XY-123456'], ['NAME', 'DELGADO'], ['NAME', 'Robert'], ['NAME', 'J'],
    ['PHONE', '2085550142'], ['EMAIL', 'r.d@example.org'],
    // A birth year alone is no Safe Harbor date; the state is kept.
    ['LOCATION', '4521 N Oak Ave'], ['LOCATION', 'Apt 3'], ['LOCATION', 'Boise'], ['LOCATION', '83702'],
    ['ID', 'pat-2'],
  ]);
});

test('JSON: record ids by key (a tool call\'s arguments name the patient by id)', () => {
  assert.deepEqual(run(findJsonKeys, '{"patientId": "A4471920", "encounter_id": 99812, "drug": "metformin", "id": "x1"}'), [['ID', 'A4471920'], ['ID', '99812']]);
});

test('JSON: flat records by key, numbers too; placeholders and unrelated keys are no values', () => {
  const rec = '{"patient_name": "Ana \\"Nena\\" Ruiz", "DOB": "1961-07-02", "mrn": 5520193, "ssn": "***", "zip": null, "notes": "stable", "phone": "N/A"}';
  assert.deepEqual(run(findJsonKeys, rec), [['NAME', 'Ana \\"Nena\\" Ruiz'], ['DATE', '1961-07-02'], ['MRN', '5520193']]);
});

test('DICOM: dcmdump and pydicom dumps by tag; name components without prefix and suffix; other tags ignored', () => {
  const dcmdump = [
    '(0008,0020) DA [20260101]                               #   8, 1 StudyDate',
    '(0008,0060) CS [CT]                                     #   2, 1 Modality',
    '(0008,0090) PN [HOUSE^GREGORY^^DR]                      #  18, 1 ReferringPhysicianName',
    '(0010,0010) PN [DELGADO^ROBERT^J=デルガド^ロバート]        #  16, 3 PatientName',
    '(0010,0020) LO [4471920]                                #   8, 1 PatientID',
    '(0010,1000) LO [A1\\B22]                                 #   6, 2 OtherPatientIDs',
    '(0010,0040) CS [M]                                      #   2, 1 PatientSex',
    '(0020,000d) UI [1.2.840.113619.2.55.3.6046]             #  26, 1 StudyInstanceUID',
    '(0010,1040) LO (no value available)                     #   0, 0 PatientAddress',
  ].join('\n');
  assert.deepEqual(run(findDicomDump, dcmdump), [
    ['DATE', '20260101'], ['NAME', 'HOUSE'], ['NAME', 'GREGORY'], ['NAME', 'DELGADO'], ['NAME', 'ROBERT'], ['NAME', 'J'],
    ['NAME', 'デルガド'], ['NAME', 'ロバート'], ['MRN', '4471920'], ['ID', 'A1'], ['ID', 'B22'], ['ID', '1.2.840.113619.2.55.3.6046'],
  ]);
  const pydicom = "(0010, 0010) Patient's Name                      PN: 'DELGADO^ROBERT'\n(0008, 0070) Manufacturer                        LO: 'GE MEDICAL SYSTEMS'";
  assert.deepEqual(run(findDicomDump, pydicom), [['NAME', 'DELGADO'], ['NAME', 'ROBERT']]);
});

test('DICOM JSON: person names by their representations, other values by the Value array', () => {
  const json = '{"00100010": {"vr": "PN", "Value": [{"Alphabetic": "DELGADO^ROBERT"}]}, "00100020": {"vr": "LO", "Value": ["4471920"]}, "00080060": {"vr": "CS", "Value": ["CT"]}}';
  assert.deepEqual(run(findJsonKeys, json), [['NAME', 'DELGADO'], ['NAME', 'ROBERT'], ['MRN', '4471920']]);
});

test('tables: CSV, TSV and Markdown columns named as identifiers; quoted cells; the table ends at a blank line', () => {
  const csv = 'patient_name,dob,mrn,diagnosis\nRobert Delgado,1948-03-15,4471920,CHF\n"DELGADO, MARIA",1952-07-01,,COPD\n\n12,34,56,78';
  assert.deepEqual(run(findTables, csv), [
    ['NAME', 'Robert Delgado'], ['DATE', '1948-03-15'], ['MRN', '4471920'], ['NAME', 'DELGADO, MARIA'], ['DATE', '1952-07-01'],
  ]);
  const tsv = 'MRN\tName\tPhone #\n4471920\tKOWALCZYK, ZBIGNIEW\tN/A';
  assert.deepEqual(run(findTables, tsv), [['MRN', '4471920'], ['NAME', 'KOWALCZYK, ZBIGNIEW']]);
  const md = '| Name | MRN | Ward |\n|---|---:|---|\n| Robert Delgado | 4471920 | 4B |';
  assert.deepEqual(run(findTables, md), [['NAME', 'Robert Delgado'], ['MRN', '4471920']]);
});

test('tables: a "Name" column alone is no person (drugs), nor are place columns without a person column, nor prose', () => {
  assert.deepEqual(run(findTables, 'Name, Dose, Route\nMetformin, 500 mg, PO'), []);
  assert.deepEqual(run(findTables, '| District | Counties |\n| 1A | Allegany |'), []);
  assert.deepEqual(run(findTables, 'He was seen, examined, and discharged.\nShe was stable, afebrile, and eating.'), []);
});

test('labelled names in capitals', () => {
  assert.deepEqual(run(findCapsNames, 'Name: DELGADO, ROBERT J\nDOB: 03/15/1948'), [['NAME', 'DELGADO, ROBERT J']]);
  assert.deepEqual(run(findCapsNames, 'Guarantor: SMITH, ANN  Relationship: SELF'), [['NAME', 'SMITH, ANN']]);
  assert.deepEqual(run(findCapsNames, 'Patient: NONE\nName: SEE BELOW\nPatient: SELF PAY\nProvider: CARDIOLOGY CLINIC'), []);
});

test('structured inputs through detectPhi: bounded on huge and hostile input', () => {
  const hostile = [
    `PID|${'|'.repeat(200000)}`, `PID|1||${'^'.repeat(200000)}`, `PID|1||${'~'.repeat(200000)}`, `{"identifier": [${'['.repeat(100000)}`,
    `{"given": [${'"a",'.repeat(50000)}`, `mrn,${'a,'.repeat(30)}\n${'1,'.repeat(100000)}`, `mrn,name\n${'1,a\n'.repeat(50000)}`, `(0010,0010) PN [${'^'.repeat(100000)}`, `{"00100010": {${'"Value": ['.repeat(20000)}`, `"family": "${'\\'.repeat(100000)}`, `Name: ${'A, '.repeat(50000)}`, '"family":'.repeat(30000),
  ];
  const t0 = process.hrtime.bigint();
  for (const h of hostile) detectPhi(h);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  assert.ok(ms < 10000, `took ${ms} ms`);
});

test('HL7 v2 with its own separators is read through detectPhi too', () => {
  const msg = 'MSH#*!\\&#ADT1\nPID#1##555111*** *MR##SMITH*ANN';
  assert.ok(detectPhi(msg).some((s) => s.type === 'MRN' && msg.slice(s.start, s.end) === '555111'));
});
