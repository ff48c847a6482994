import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { COOKIE, createAdminAuth, MAX_FAILURES_PER_MINUTE, readCookie } from './auth.js';

const KEY = 'admin-key-for-unit-tests-0123456789';
const req = (headers: Record<string, string>): IncomingMessage => ({ headers }) as unknown as IncomingMessage;

test('bearer key and session cookie are accepted; anything else is not', () => {
  let t = Date.UTC(2026, 0, 1);
  const auth = createAdminAuth(KEY, () => t);
  assert.equal(auth.allowed(req({ authorization: `Bearer ${KEY}` })), true);
  assert.equal(auth.allowed(req({ authorization: `Bearer ${KEY}x` })), false);
  assert.equal(auth.allowed(req({})), false);
  const cookie = auth.sessionCookie(false).split(';')[0] ?? '';
  assert.equal(auth.allowed(req({ cookie: `other=1; ${cookie}` })), true);
  assert.equal(createAdminAuth(`${KEY}-rotated`, () => t).allowed(req({ cookie })), false, 'a new key ends old sessions');
  t += 13 * 60 * 60 * 1000;
  assert.equal(auth.allowed(req({ cookie })), false, 'sessions expire after 12 hours');
});

test('secure sessions carry the Secure attribute; logout clears the cookie', () => {
  const auth = createAdminAuth(KEY);
  assert.match(auth.sessionCookie(true), /; Secure$/);
  assert.doesNotMatch(auth.sessionCookie(false), /Secure/);
  assert.match(auth.clearCookie(false), new RegExp(`^${COOKIE}=; Max-Age=0;`));
});

test('after too many wrong keys in a minute every key check fails until the minute is over', () => {
  let t = 0;
  const auth = createAdminAuth(KEY, () => t);
  for (let i = 0; i < MAX_FAILURES_PER_MINUTE; i++) assert.equal(auth.checkKey(`guess-${i}-guess-guess`), false);
  assert.equal(auth.checkKey(KEY), false, 'paused, the real key included');
  assert.equal(auth.allowed(req({ authorization: `Bearer ${KEY}` })), false);
  t += 60_000;
  assert.equal(auth.checkKey(KEY), true);
});

test('cookie parsing takes the named cookie only and ignores oversized headers', () => {
  assert.equal(readCookie('a=1; medguard_admin=v1.x; b=2', 'medguard_admin'), 'v1.x');
  assert.equal(readCookie('xmedguard_admin=1', 'medguard_admin'), undefined);
  assert.equal(readCookie(`medguard_admin=${'a'.repeat(9000)}`, 'medguard_admin'), undefined);
});
