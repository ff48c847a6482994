import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfig } from '../config/load.js';

const base = (fhir: unknown): unknown => ({ upstreams: { ehr: { url: 'http://127.0.0.1:9/fhir' } }, routes: [{ name: 'ehr', type: 'fhir', prefix: '/fhir', upstream: 'ehr', fhir }] });
const message = (f: () => unknown): string => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return `${(e as { code?: string }).code ?? ''} ${(e as Error).message}`;
  }
};

test('a fhir route parses with defaults', () => {
  const c = parseConfig(base(undefined));
  assert.equal(c.routes[0]?.type, 'fhir');
  const d = parseConfig(base({}));
  assert.equal(d.routes[0]?.fhir?.injection, 'quarantine');
  assert.equal(d.routes[0]?.fhir?.anomaly.patientsPerHour, 50);
});

test('config errors name the field and the fix', () => {
  assert.match(message(() => parseConfig(base({ roleScopes: { nurse: ['user/*.raed'] } }))), /MG_CONFIG_INVALID routes\[0\]\.fhir\.roleScopes\.nurse\[0\]: .*scope/);
  assert.match(message(() => parseConfig(base({ injektion: 'block' }))), /routes\[0\]\.fhir: unknown field "injektion"/);
  assert.match(message(() => parseConfig(base({ injection: 'drop' }))), /routes\[0\]\.fhir\.injection: expected one of quarantine\|flag\|block\|off/);
  assert.match(message(() => parseConfig(base({ minimise: { stripElements: ['Telecom'] } }))), /stripElements\[0\]/);
  assert.match(message(() => parseConfig(base({ breakGlass: { header: 'Authorization' } }))), /breakGlass\.header/);
});
