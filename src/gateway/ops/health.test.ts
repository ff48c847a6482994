import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { sampleEvent } from '../../store/fixtures.js';
import { createUpstreamTracker, readiness, upstreamCheck } from './health.js';

test('readiness is ready only when every check passes; throws and timeouts fail', async () => {
  const ok = { name: 'a', check: () => Promise.resolve(true) };
  const bad = { name: 'b', check: () => Promise.reject(new Error('down')) };
  const hang = { name: 'c', check: () => new Promise<boolean>(() => undefined) };
  assert.deepEqual(await readiness([ok]), { ready: true, checks: { a: 'ok' } });
  assert.deepEqual(await readiness([ok, bad, hang], 20), { ready: false, checks: { a: 'ok', b: 'fail', c: 'fail' } });
  assert.deepEqual(await readiness([]), { ready: true, checks: {} });
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
