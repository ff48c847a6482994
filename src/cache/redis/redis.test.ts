import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { LimitsSchema } from '../../gateway/config/limits.js';
import { createEventBus } from '../../gateway/events/bus.js';
import { GatewayError, type Principal } from '../../gateway/types.js';
import { sampleEvent } from '../../store/fixtures.js';
import type { StoredEvent } from '../../store/types.js';
import { createRedisEventBus } from './bus.js';
import { openRedisCache, type RedisCache } from './client.js';
import { createRedisLimiter } from './limiter.js';
import { redisBanList, redisGrantStore } from './shared.js';
import { dropPrefix, openTestCache, REDIS_TEST_URL, redisUnavailable, testPrefix } from './testing.js';

const skip = await redisUnavailable();
const who = (id: string): Principal => ({ id, name: id, role: 'clinician', patient: null, via: 'api_key', scopes: [] });
const caches: RedisCache[] = [];
const prefixes: string[] = [];
after(async () => {
  await Promise.all(caches.map((c) => c.close()));
  if (skip === undefined) await Promise.all(prefixes.map((p) => dropPrefix(p)));
});

/** Two caches (two "instances") on one fresh prefix. */
async function pair(): Promise<[RedisCache, RedisCache]> {
  const prefix = testPrefix();
  prefixes.push(prefix);
  const a = await openTestCache(prefix);
  const b = await openTestCache(prefix);
  caches.push(a, b);
  return [a, b];
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof GatewayError) return `${e.status} ${e.code} ${e.retryAfterSeconds ?? ''}`.trim();
    throw e;
  }
}

describe('redis limiter', { skip }, () => {
  it('a rate limit of N across two instances admits exactly N of a concurrent burst', async () => {
    const [a, b] = await pair();
    const limits = LimitsSchema.parse({ requestsPerMinute: 6, burst: 5, maxConcurrent: 0 });
    const la = createRedisLimiter(a, limits, { onLoss: 'closed' });
    const lb = createRedisLimiter(b, limits, { onLoss: 'closed' });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => code((i % 2 === 0 ? la : lb).acquire(who('alice'), 'r'))));
    assert.equal(results.filter((r) => r === 'ok').length, 5);
    // One request refills every 10 s: the refused ones are told to wait up to that.
    assert.ok(results.filter((r) => r !== 'ok').every((r) => /^429 MG_RATE_LIMITED (9|10)$/.test(r)), results.join());
    assert.equal(await code(la.acquire(who('bob'), 'r')), 'ok');
  });

  it('caps requests in flight across instances and frees the slot on release', async () => {
    const [a, b] = await pair();
    const limits = LimitsSchema.parse({ requestsPerMinute: 0, maxConcurrent: 2 });
    const la = createRedisLimiter(a, limits, { onLoss: 'closed' });
    const lb = createRedisLimiter(b, limits, { onLoss: 'closed' });
    const t1 = await la.acquire(who('alice'), 'r');
    await lb.acquire(who('alice'), 'r');
    assert.match(await code(la.acquire(who('alice'), 'r')), /^429 MG_CONCURRENCY_LIMIT/);
    t1.release();
    await sleep(20);
    assert.equal(await code(lb.acquire(who('alice'), 'r')), 'ok');
  });

  it('charges tokens against one shared quota', async () => {
    const [a, b] = await pair();
    const limits = LimitsSchema.parse({ requestsPerMinute: 0, maxConcurrent: 0, tokensPerDay: 1000 });
    const la = createRedisLimiter(a, limits, { onLoss: 'closed' });
    const lb = createRedisLimiter(b, limits, { onLoss: 'closed' });
    (await la.acquire(who('alice'), 'r')).chargeTokens(1500);
    await sleep(20);
    assert.match(await code(lb.acquire(who('alice'), 'r')), /^429 MG_QUOTA_EXCEEDED/);
  });

  it('honours a ban or blocklist entry made on another instance, until lifted', async () => {
    const [a, b] = await pair();
    const limits = LimitsSchema.parse({});
    const lb = createRedisLimiter(b, limits, { onLoss: 'closed' });
    const bans = redisBanList(a);
    await bans.ban('mallory', 60, 'scraping');
    assert.equal(await code(lb.acquire(who('mallory'), 'r')), '403 MG_BANNED');
    assert.equal((await redisBanList(b).banned('mallory'))?.reason, 'scraping');
    assert.equal(await bans.unban('mallory'), true);
    assert.equal(await code(lb.acquire(who('mallory'), 'r')), 'ok');
    await bans.ban('eve', null, 'stolen key');
    assert.deepEqual(await redisBanList(b).banned('eve'), { principal: 'eve', reason: 'stolen key', until: null });
    assert.equal(await code(lb.acquire(who('eve'), 'r')), '403 MG_BANNED');
    assert.equal(await bans.unban('eve'), true);
    assert.equal(await bans.unban('eve'), false);
  });

  it('redis lost: closed answers 503 MG_CACHE_UNAVAILABLE, local falls back to per-instance limits', async () => {
    const [a] = await pair();
    const lost = await openRedisCache(REDIS_TEST_URL, { prefix: a.prefix });
    const limits = LimitsSchema.parse({ requestsPerMinute: 60, burst: 1, maxConcurrent: 0 });
    const closed = createRedisLimiter(lost, limits, { onLoss: 'closed' });
    const states: boolean[] = [];
    const local = createRedisLimiter(lost, limits, { onLoss: 'local', onState: (up) => states.push(up) });
    lost.client.disconnect();
    assert.equal(await code(closed.acquire(who('alice'), 'r')), '503 MG_CACHE_UNAVAILABLE 1');
    assert.equal(await code(local.acquire(who('alice'), 'r')), 'ok');
    assert.match(await code(local.acquire(who('alice'), 'r')), /^429 MG_RATE_LIMITED/);
    assert.deepEqual(states, [false]);
  });
});

describe('redis grants and event fan-out', { skip }, () => {
  it('keeps break-the-glass grants visible to every instance until they expire or are revoked', async () => {
    const [a, b] = await pair();
    const ga = redisGrantStore(a);
    const gb = redisGrantStore(b);
    const g = await ga.grant('dr-who', 'pt-9', 60, 'cardiac arrest');
    assert.deepEqual(await gb.active('dr-who', 'pt-9'), g);
    assert.equal(await gb.active('dr-who', 'pt-8'), undefined);
    assert.deepEqual((await gb.list('dr-who')).map((x) => x.patient), ['pt-9']);
    await ga.grant('dr-who', 'pt-7', 1, 'short');
    await sleep(1100);
    assert.deepEqual((await gb.list('dr-who')).map((x) => x.patient), ['pt-9']);
    assert.equal(await gb.revoke('dr-who', 'pt-9'), true);
    assert.equal(await ga.active('dr-who', 'pt-9'), undefined);
  });

  it("delivers every instance's events to every instance's subscribers", async () => {
    const [a, b] = await pair();
    const busA = await createRedisEventBus(a, createEventBus());
    const busB = await createRedisEventBus(b, createEventBus());
    const seenA: number[] = [];
    const seenB: number[] = [];
    busA.subscribe((e) => seenA.push(e.seq));
    busB.subscribe((e) => seenB.push(e.seq));
    const ev = (seq: number): StoredEvent => ({ ...sampleEvent(seq), seq, prevHash: '0'.repeat(64), hash: '1'.repeat(64) });
    busA.publish(ev(1));
    busB.publish(ev(2));
    for (let i = 0; i < 100 && (seenA.length < 2 || seenB.length < 2); i++) await sleep(10);
    assert.deepEqual(seenA.sort(), [1, 2]);
    assert.deepEqual(seenB.sort(), [1, 2]);
    assert.equal(busA.size, 1);
    await busA.close();
    await busB.close();
  });
});
