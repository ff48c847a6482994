import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createInspector } from '../src/inspect.js';
import { detectPhi } from '../src/index.js';

test('the phi family runs through the inspector with offsets into the original input', () => {
  const inspector = createInspector({ families: ['phi'] });
  const text = 'Patient: Ｊｏｈｎ Smith, 연락처 ０１０-１２３４-５６７８, seen 03/14/2023.';
  const report = inspector.inspect(text, { mode: 'document' });
  const kinds = report.findings.map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);
  assert.ok(kinds.includes('phi.PHONE:０１０-１２３４-５６７８'), kinds.join(' | '));
  assert.ok(kinds.includes('phi.DATE:03/14/2023'), kinds.join(' | '));
  assert.ok(report.findings.every((f) => f.family === 'phi' && f.detector === 'phi.rules'));
});

test('phi options are validated at the config edge', () => {
  assert.throws(() => createInspector({ families: ['phi'], options: { phi: { types: ['NOT_A_TYPE' as never] } } }), /phi\.types/);
});

test('detectPhi is exported from the package root and finds nothing in clean clinical text', () => {
  assert.deepEqual(detectPhi('BP 120/80, Apgar 8/9, on Lasix 40 mg for CHF since 2019.'), []);
});
