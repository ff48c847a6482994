/**
 * Identity and limits through the real gateway over loopback sockets: API keys from the SQLite
 * key store, revocation taking effect on the next request, rate and concurrency limits with
 * Retry-After, and a token quota charged from the upstream's reported usage.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAuthenticator, issueApiKey } from '../src/gateway/identity/index.js';
import { IdentitySchema } from '../src/gateway/config/identity.js';
import { LimitsSchema } from '../src/gateway/config/limits.js';
import { createLimiter } from '../src/gateway/limits/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import type { Store } from '../src/store/types.js';
import { chat, chatAnswer, startGateway, type Harness } from './gateway-helpers.js';

const cheap = { cost: { logN: 10, r: 8, p: 1 } };
let keyStore: Store;

before(() => {
  keyStore = openSqliteStore(':memory:');
});
after(() => keyStore.close());

async function gateway(limits: Record<string, unknown>): Promise<Harness> {
  return startGateway({
    parts: {
      authenticator: createAuthenticator(IdentitySchema.parse({}), keyStore.keys),
      limiter: createLimiter(LimitsSchema.parse(limits)),
    },
  });
}

// Limits are the subject here, not detection: a plain clinical question passes any policy.
const QUESTION = 'What is the usual adult dose of amoxicillin?';
const errorCode = async (res: Response): Promise<string> => ((await res.json()) as { error: { code: string } }).error.code;

describe('gateway identity and limits (real sockets)', () => {
  it('admits a valid key, refuses missing/invalid/revoked ones, and audits the principal', async () => {
    const g = await gateway({ requestsPerMinute: 0 });
    try {
      const { token, record } = await issueApiKey(keyStore.keys, { name: 'ward app', role: 'clinician' }, cheap);
      const auth = { authorization: `Bearer ${token}` };
      const ok = await g.post('/v1/chat/completions', chat(QUESTION), auth);
      assert.equal(ok.status, 200);
      await ok.arrayBuffer();

      const missing = await fetch(`${g.server.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chat('hi')) });
      assert.equal(missing.status, 401);
      assert.equal(await errorCode(missing), 'MG_AUTH_MISSING');

      const wrong = await g.post('/v1/chat/completions', chat('hi'), { authorization: `Bearer ${token.slice(0, -3)}abc` });
      assert.equal(wrong.status, 401);
      const body = await wrong.text();
      assert.equal((JSON.parse(body) as { error: { code: string } }).error.code, 'MG_AUTH_INVALID');
      assert.ok(!body.includes(token.slice(17, 40)), 'the error never echoes the credential');

      await keyStore.keys.revoke(record.id, new Date().toISOString());
      const revoked = await g.post('/v1/chat/completions', chat('hi'), auth);
      assert.equal(revoked.status, 401);
      assert.equal(await errorCode(revoked), 'MG_AUTH_REVOKED');

      const events = await g.store.waitFor(4);
      assert.equal(events[0]?.principal, record.id);
      assert.deepEqual(events.slice(1).map((e) => e.reasons[0]), ['MG_AUTH_MISSING', 'MG_AUTH_INVALID', 'MG_AUTH_REVOKED']);
    } finally {
      await g.close();
    }
  });

  it('answers 429 with Retry-After once the burst is spent', async () => {
    const g = await gateway({ requestsPerMinute: 2, burst: 2 });
    try {
      const { token } = await issueApiKey(keyStore.keys, { name: 'svc', role: 'service' }, cheap);
      const auth = { authorization: `Bearer ${token}` };
      for (let i = 0; i < 2; i++) assert.equal((await g.post('/v1/chat/completions', chat(QUESTION), auth)).status, 200);
      const limited = await g.post('/v1/chat/completions', chat(QUESTION), auth);
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '30');
      assert.equal(await errorCode(limited), 'MG_RATE_LIMITED');
    } finally {
      await g.close();
    }
  });

  it('charges the upstream-reported usage against the token quota', async () => {
    const g = await gateway({ requestsPerMinute: 0, tokensPerDay: 20 });
    try {
      const { token } = await issueApiKey(keyStore.keys, { name: 'svc2', role: 'service' }, cheap);
      const auth = { authorization: `Bearer ${token}` };
      // The stub reports usage.total_tokens = 12 per answer: 20 → 8 → -4.
      for (let i = 0; i < 2; i++) {
        const r = await g.post('/v1/chat/completions', chat(QUESTION), auth);
        assert.equal(r.status, 200);
        await r.arrayBuffer();
      }
      const over = await g.post('/v1/chat/completions', chat(QUESTION), auth);
      assert.equal(over.status, 429);
      assert.equal(await errorCode(over), 'MG_QUOTA_EXCEEDED');
      assert.ok(Number(over.headers.get('retry-after')) > 0);
    } finally {
      await g.close();
    }
  });

  it('caps requests in flight and releases the slot when the exchange ends', async () => {
    const g = await gateway({ requestsPerMinute: 0, maxConcurrent: 1 });
    try {
      const { token } = await issueApiKey(keyStore.keys, { name: 'svc3', role: 'service' }, cheap);
      const auth = { authorization: `Bearer ${token}` };
      let answer: (() => void) | undefined;
      g.stub.handler = (_req, res) => { answer = () => chatAnswer(res, 'done'); };
      const first = g.post('/v1/chat/completions', chat(QUESTION), auth);
      for (let i = 0; !answer && i < 400; i++) await new Promise((r) => setTimeout(r, 5));
      assert.ok(answer, 'the first request reached the upstream');
      const second = await g.post('/v1/chat/completions', chat(QUESTION), auth);
      assert.equal(second.status, 429);
      assert.equal(await errorCode(second), 'MG_CONCURRENCY_LIMIT');
      answer();
      assert.equal((await first).status, 200);
      g.stub.handler = (_req, res) => chatAnswer(res, 'fast');
      assert.equal((await g.post('/v1/chat/completions', chat(QUESTION), auth)).status, 200);
    } finally {
      await g.close();
    }
  });
});
