/**
 * Two gateway instances on loopback (different ports) sharing one PostgreSQL and one Redis act as
 * one: a rate limit of N across both admits N, a ban made on one is honoured by the other, a
 * pseudonymised patient gets the same surrogate on both and is restored by whichever answers,
 * each dashboard bus sees the other's events, and `medguard audit verify` passes over the record.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { memoryIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/main.js';
import { runGateway, type RunningGateway } from '../src/gateway/compose/run.js';
import { issueApiKey } from '../src/gateway/identity/apikeys.js';
import { chat, chatAnswer, lastUser, startStub } from './gateway-helpers.js';
import { instanceConfig, namespace, PG_TEST_URL, sharedServersUnavailable } from './scale-helpers.js';

const skip = await sharedServersUnavailable();
const dir = mkdtempSync(join(tmpdir(), 'mg-scale-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const cheap = { cost: { logN: 10, r: 8, p: 1 } };

describe('two instances sharing PostgreSQL and Redis', { skip }, () => {
  it('act as one: shared rate limit, bans, pseudonyms, live events and one verifiable audit trail', async () => {
    const ns = namespace();
    const stub = await startStub();
    stub.handler = (_req, res, body) => chatAnswer(res, `Noted: ${lastUser(body)}`);
    const config = instanceConfig({ stubUrl: stub.url, ns, dir, store: { sharedPseudonymKey: true }, limits: { requestsPerMinute: 6, burst: 5 } });
    // One after the other: the first creates the schema and the signing key the second then loads.
    const a: RunningGateway = await runGateway(config);
    const b: RunningGateway = await runGateway(config);
    let total = 0;
    const post = async (g: RunningGateway, token: string, content: string): Promise<{ status: number; code?: string; text?: string }> => {
      total++;
      const res = await fetch(`${g.server.url}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(chat(content)) });
      const json = (await res.json()) as { error?: { code: string }; choices?: { message: { content: string } }[] };
      return { status: res.status, ...(json.error ? { code: json.error.code } : {}), ...(json.choices ? { text: json.choices[0]?.message.content } : {}) };
    };
    try {
      // A key created through A's store authenticates on B.
      const k1 = await issueApiKey(a.keys, { name: 'ward app', role: 'clinician' }, cheap);
      const seenOnB: number[] = [];
      b.shared.bus.subscribe((e) => seenOnB.push(e.seq));

      // Rate limit N = 5 across both instances, 12 requests at once alternating between them.
      const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => post(i % 2 === 0 ? a : b, k1.token, 'What is the adult dose of amoxicillin?')));
      assert.equal(burst.filter((r) => r.status === 200).length, 5, JSON.stringify(burst));
      assert.ok(burst.filter((r) => r.status !== 200).every((r) => r.status === 429 && r.code === 'MG_RATE_LIMITED'));

      // A ban made on A is honoured by B.
      const k2 = await issueApiKey(a.keys, { name: 'scraper', role: 'clinician' }, cheap);
      assert.equal((await post(b, k2.token, 'Which antibiotics treat otitis media?')).status, 200);
      await a.shared.bans.ban(k2.record.id, 60, 'scraping');
      assert.deepEqual(await post(b, k2.token, 'Which antibiotics treat otitis media?'), { status: 403, code: 'MG_BANNED' });

      // The same patient gets the same surrogate whichever instance answers, and each restores it.
      const k3 = await issueApiKey(b.keys, { name: 'summaries', role: 'clinician' }, cheap);
      const note = 'Please summarise: patient John Smith (phone 617-555-0142) was seen today.';
      const viaA = await post(a, k3.token, note);
      const sentByA = lastUser(stub.received[stub.received.length - 1] ?? {});
      const viaB = await post(b, k3.token, note);
      const sentByB = lastUser(stub.received[stub.received.length - 1] ?? {});
      assert.ok(!sentByA.includes('John Smith') && !sentByA.includes('617-555-0142'), sentByA);
      assert.equal(sentByB, sentByA);
      assert.equal(viaA.text, `Noted: ${note}`);
      assert.equal(viaB.text, `Noted: ${note}`);

      // B's dashboard bus saw A's events too (stored events are published through Redis).
      for (let i = 0; i < 100 && seenOnB.length < total; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(new Set(seenOnB).size, total);
    } finally {
      await a.close();
      await b.close();
      await stub.close();
    }
    // One chain over both instances' events, every one of them, signed heads checked.
    const io = memoryIo();
    const code = await runCli(['audit', 'verify', '--store', `${PG_TEST_URL}?schema=${ns.schema}`, '--key', a.publicKeyPath ?? '', '--json'], io);
    const result = JSON.parse(io.out()) as { ok: boolean; checked: number; heads: number };
    assert.equal(code, 0, io.out());
    assert.equal(result.checked, total);
    assert.ok(result.heads >= 1);
    const exported = memoryIo();
    assert.equal(await runCli(['audit', 'export', '--format', 'jsonl', '--store', `${PG_TEST_URL}?schema=${ns.schema}`], exported), 0);
    assert.equal(exported.out().trim().split('\n').length, total);
    await ns.drop();
  });
});
