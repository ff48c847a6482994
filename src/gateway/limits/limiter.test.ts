import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LimitsSchema } from '../config/limits.js';
import { GatewayError, type Principal } from '../types.js';
import { createLimiter, estimateTokens } from './limiter.js';

const who = (id: string): Principal => ({ id, name: id, role: 'clinician', patient: null, via: 'api_key', scopes: [] });
const alice = who('alice');

function clocked(limits: Record<string, unknown>) {
  let t = 1_000_000;
  const limiter = createLimiter(LimitsSchema.parse(limits), { now: () => t });
  return { limiter, advance: (ms: number) => { t += ms; } };
}

async function refused(p: Promise<unknown>): Promise<GatewayError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof GatewayError) return e;
    throw e;
  }
  assert.fail('expected a 429');
}

describe('request rate (token bucket)', () => {
  it('admits the burst, then 429 with Retry-After from the bucket state, then refills', async () => {
    // 6/min refills one request every 10 s.
    const { limiter, advance } = clocked({ requestsPerMinute: 6, burst: 3, maxConcurrent: 0 });
    for (let i = 0; i < 3; i++) (await limiter.acquire(alice, 'r')).release();
    const e = await refused(limiter.acquire(alice, 'r'));
    assert.equal(e.status, 429);
    assert.equal(e.code, 'MG_RATE_LIMITED');
    assert.equal(e.retryAfterSeconds, 10);
    advance(4_000);
    assert.equal((await refused(limiter.acquire(alice, 'r'))).retryAfterSeconds, 6);
    advance(6_000);
    (await limiter.acquire(alice, 'r')).release();
    await refused(limiter.acquire(alice, 'r'));
  });

  it('keeps principals apart, and routes apart when perRoute is set', async () => {
    const shared = clocked({ requestsPerMinute: 1, maxConcurrent: 0 });
    await shared.limiter.acquire(alice, 'a');
    await shared.limiter.acquire(who('bob'), 'a');
    await refused(shared.limiter.acquire(alice, 'b'));
    const split = clocked({ requestsPerMinute: 1, maxConcurrent: 0, perRoute: true });
    await split.limiter.acquire(alice, 'a');
    await split.limiter.acquire(alice, 'b');
    await refused(split.limiter.acquire(alice, 'a'));
  });

  it('applies a per-route override with its own counters', async () => {
    const { limiter } = clocked({ requestsPerMinute: 100, maxConcurrent: 0, routes: { strict: { requestsPerMinute: 2 } } });
    await limiter.acquire(alice, 'strict');
    await limiter.acquire(alice, 'strict');
    await refused(limiter.acquire(alice, 'strict'));
    await limiter.acquire(alice, 'other');
  });

  it('is off at 0', async () => {
    const { limiter } = clocked({ requestsPerMinute: 0, maxConcurrent: 0 });
    for (let i = 0; i < 1000; i++) await limiter.acquire(alice, 'r');
  });
});

describe('concurrency cap', () => {
  it('refuses past the cap and admits again once a ticket is released (release is idempotent)', async () => {
    const { limiter } = clocked({ requestsPerMinute: 0, maxConcurrent: 2 });
    const a = await limiter.acquire(alice, 'r');
    const b = await limiter.acquire(alice, 'r');
    const e = await refused(limiter.acquire(alice, 'r'));
    assert.equal(e.code, 'MG_CONCURRENCY_LIMIT');
    assert.equal(e.retryAfterSeconds, 1);
    a.release();
    a.release();
    const c = await limiter.acquire(alice, 'r');
    await refused(limiter.acquire(alice, 'r'));
    b.release();
    c.release();
  });

  it('does not spend rate budget on a request refused for concurrency', async () => {
    const { limiter } = clocked({ requestsPerMinute: 2, maxConcurrent: 1 });
    const a = await limiter.acquire(alice, 'r');
    await refused(limiter.acquire(alice, 'r'));
    a.release();
    (await limiter.acquire(alice, 'r')).release();
  });
});

describe('token quota', () => {
  it('charges reported usage after the answer and refuses once spent, with Retry-After until positive', async () => {
    // 8640/day refills 0.1 token per second.
    const { limiter, advance } = clocked({ requestsPerMinute: 0, maxConcurrent: 0, tokensPerDay: 8640 });
    const t1 = await limiter.acquire(alice, 'r');
    t1.chargeTokens(8000);
    t1.release();
    const t2 = await limiter.acquire(alice, 'r');
    t2.chargeTokens(641);
    t2.release();
    const e = await refused(limiter.acquire(alice, 'r'));
    assert.equal(e.code, 'MG_QUOTA_EXCEEDED');
    // Level is -1: reaching +1 takes 2 tokens at 0.1/s.
    assert.equal(e.retryAfterSeconds, 20);
    advance(20_000);
    (await limiter.acquire(alice, 'r')).release();
  });

  it('ignores nonsense charges', async () => {
    const { limiter } = clocked({ requestsPerMinute: 0, maxConcurrent: 0, tokensPerDay: 100 });
    const t = await limiter.acquire(alice, 'r');
    t.chargeTokens(Number.NaN);
    t.chargeTokens(-1e9);
    t.chargeTokens(Number.POSITIVE_INFINITY);
    (await limiter.acquire(alice, 'r')).release();
  });

  it('estimates ~4 characters per token when the upstream reports no usage', () => {
    assert.equal(estimateTokens(0), 1);
    assert.equal(estimateTokens(4000), 1000);
    assert.equal(estimateTokens(4001), 1001);
  });
});

describe('memory bound', () => {
  it('forgets idle principals once their buckets have refilled', async () => {
    const { limiter, advance } = clocked({ requestsPerMinute: 600, maxConcurrent: 4 });
    for (let i = 0; i < 500; i++) (await limiter.acquire(who(`p${i}`), 'r')).release();
    assert.equal(limiter.size, 500);
    advance(120_000);
    for (let i = 0; i < 100; i++) (await limiter.acquire(who('steady'), 'r')).release();
    assert.ok(limiter.size <= 1, `size ${limiter.size}`);
  });

  it('stays near maxPrincipals under a flood of new principals, keeping ones with requests in flight', async () => {
    const { limiter } = clocked({ requestsPerMinute: 60, maxConcurrent: 1, maxPrincipals: 100 });
    const held = await limiter.acquire(alice, 'r');
    for (let i = 0; i < 5000; i++) (await limiter.acquire(who(`p${i}`), 'r')).release();
    assert.ok(limiter.size <= 101, `size ${limiter.size}`);
    // alice's in-flight request is still counted.
    assert.equal((await refused(limiter.acquire(alice, 'r'))).code, 'MG_CONCURRENCY_LIMIT');
    held.release();
  });
});
