import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Principal } from '../types.js';
import { createBreakGlass } from './breakglass.js';
import { BreakGlassSchema } from './config.js';

const who = (id: string, role = 'clinician'): Principal => ({ id, name: id, role, patient: 'p1', via: 'jwt', scopes: [] });
const HEADER = { 'x-medguard-break-glass': 'unconscious patient in the ED, no consent possible' };
const code = (f: () => unknown): string => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? 'throw';
  }
};

test('a window opens for one principal, lasts the configured minutes, and the header cannot extend it', () => {
  const bg = createBreakGlass(BreakGlassSchema.parse({ minutes: 10 }));
  const t0 = 1_000_000;
  assert.deepEqual(bg.check(who('a'), {}, t0), { active: false, opened: false, reason: undefined });
  assert.deepEqual(bg.check(who('a'), HEADER, t0), { active: true, opened: true, reason: HEADER['x-medguard-break-glass'] });
  assert.equal(bg.check(who('a'), {}, t0 + 9 * 60_000).active, true, 'still open without the header');
  assert.equal(bg.check(who('b'), {}, t0 + 60_000).active, false, 'another principal is not widened');
  assert.equal(bg.check(who('a'), HEADER, t0 + 9 * 60_000).opened, false, 'the header inside the window does not restart it');
  assert.equal(bg.check(who('a'), {}, t0 + 10 * 60_000).active, false, 'closed after 10 minutes');
  assert.equal(bg.check(who('a'), HEADER, t0 + 11 * 60_000).opened, true, 'a new reason opens a new window');
});

test('roles, reasons and a disabled route', () => {
  const bg = createBreakGlass(BreakGlassSchema.parse({ roles: ['clinician'], minReasonChars: 20 }));
  assert.equal(code(() => bg.check(who('n', 'nurse'), HEADER)), 'MG_FHIR_FORBIDDEN');
  assert.equal(code(() => bg.check(who('a'), { 'x-medguard-break-glass': 'because' })), 'MG_FHIR_FORBIDDEN');
  assert.equal(code(() => bg.check(who('a'), { 'x-medguard-break-glass': 'x'.repeat(501) })), 'MG_FHIR_FORBIDDEN');
  assert.deepEqual(createBreakGlass(undefined).check(who('a'), HEADER), { active: false, opened: false, reason: undefined }, 'absent config: the header is ignored');
});
