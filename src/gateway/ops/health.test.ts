import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { sampleEvent } from '../../store/fixtures.js';
import type { Store } from '../../store/types.js';
import { createUpstreamTracker, readiness, storeCheck, upstreamCheck, type StoreHealth } from './health.js';

test('readiness is ready only when every check passes; throws and timeouts fail', async () => {
  const ok = { name: 'a', check: () => Promise.resolve(true) };
  const bad = { name: 'b', check: () => Promise.reject(new Error('down')) };
  const hang = { name: 'c', check: () => new Promise<boolean>(() => undefined) };
  assert.deepEqual(await readiness([ok]), { ready: true, status: 'ready', checks: { a: 'ok' } });
  assert.deepEqual(await readiness([ok, bad, hang], 20), { ready: false, status: 'not_ready', checks: { a: 'ok', b: 'fail', c: 'fail' } });
  assert.deepEqual(await readiness([]), { ready: true, status: 'ready', checks: {} });
  const degraded = { name: 'd', check: () => Promise.resolve('degraded' as const) };
  assert.deepEqual(await readiness([ok, degraded]), { ready: true, status: 'degraded', checks: { a: 'ok', d: 'degraded' } });
  assert.deepEqual(await readiness([degraded, bad]), { ready: false, status: 'not_ready', checks: { d: 'degraded', b: 'fail' } });
});

test('a lost store: degraded while a spool has room; not ready when it is full or the mode is closed', async () => {
  let up = true;
  const lost = { audit: { query: () => (up ? Promise.resolve([]) : Promise.reject(new Error('ECONNREFUSED'))) } } as unknown as Store;
  const hung = { audit: { query: () => new Promise(() => undefined) } } as unknown as Store;
  const health = (mode: 'closed' | 'spool', available: boolean, spooled: number): StoreHealth => ({ mode, available, spooled, maxSpool: 10 });
  const state = async (store: Store, h?: StoreHealth): Promise<string> => (await readiness([storeCheck(store, h, 20)], 200)).checks.store ?? '';

  assert.equal(await state(lost, health('spool', true, 0)), 'ok');
  up = false;
  assert.equal(await state(lost), 'fail', 'SQLite or no health: a failing query is not ready');
  // Known lost (an append failed) or found lost by the probe's own query.
  assert.equal(await state(lost, health('spool', false, 3)), 'degraded');
  assert.equal(await state(lost, health('spool', true, 0)), 'degraded');
  assert.equal(await state(hung, health('spool', true, 0)), 'degraded', 'a hanging query ends as degraded, not as a timeout');
  assert.equal(await state(lost, health('spool', false, 10)), 'fail', 'the spool is full');
  assert.equal(await state(lost, health('closed', false, 0)), 'fail');
  assert.equal(await state(hung, health('closed', true, 0)), 'fail');
});

test('an upstream is ready after a recent good exchange, else when a TCP probe connects', async () => {
  let t = 1_000_000;
  const tracker = createUpstreamTracker(new Map([['clinical', 'model']]), () => t);
  // Port 9 on loopback: nothing listens, so the probe fails unless an exchange vouches for it.
  const check = upstreamCheck({ name: 'model', url: 'http://127.0.0.1:9', tracker, freshMs: 1000, probeTimeoutMs: 200, now: () => t });
  assert.equal(await check.check(), false);
  tracker.observe(sampleEvent(1, { route: 'clinical', upstreamStatus: 200 }));
  assert.equal(await check.check(), true);
  t += 5000;
  assert.equal(await check.check(), false, 'too old, and the probe fails');

  const server = createServer((s) => s.destroy());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const probed = upstreamCheck({ name: 'other', url: `http://127.0.0.1:${port}/v1`, tracker, now: () => t });
  assert.equal(await probed.check(), true);
  await new Promise<void>((r) => server.close(() => r()));
});

test('a 5xx answer does not count as the upstream being reachable', async () => {
  const tracker = createUpstreamTracker(new Map([['clinical', 'model']]));
  tracker.observe(sampleEvent(1, { route: 'clinical', upstreamStatus: 502 }));
  assert.equal(tracker.lastOk('model'), undefined);
});
