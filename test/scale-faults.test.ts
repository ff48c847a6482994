/**
 * PostgreSQL lost while running, through a TCP proxy cut and restored mid-load:
 * - `store.onLoss: spool` keeps serving (API keys from their last reading), spools the audit events
 *   and replays them in order exactly once: afterwards the chain verifies and holds every request;
 * - `store.onLoss: closed` (the default) refuses requests with 503 MG_STORE_UNAVAILABLE while the
 *   store is away and serves again once it is back.
 * And a store or cache unreachable at start is a clear error naming the field.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { verifyChain } from '../src/audit/verify.js';
import { runGateway, type RunningGateway } from '../src/gateway/compose/run.js';
import { issueApiKey } from '../src/gateway/identity/apikeys.js';
import { openPostgresStore } from '../src/store/postgres/index.js';
import { chat, startStub } from './gateway-helpers.js';
import { gatewayBehindProxy, instanceConfig, namespace, PG_TEST_URL, sharedServersUnavailable } from './scale-helpers.js';

const skip = await sharedServersUnavailable();
const dir = mkdtempSync(join(tmpdir(), 'mg-scale-faults-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const cheap = { cost: { logN: 10, r: 8, p: 1 } };

async function send(g: RunningGateway, token: string, id: string): Promise<{ status: number; code: string | undefined }> {
  const res = await fetch(`${g.server.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-request-id': id },
    body: JSON.stringify(chat('What is the adult dose of amoxicillin?')),
  });
  const json = (await res.json()) as { error?: { code: string } };
  return { status: res.status, code: json.error?.code };
}

describe('PostgreSQL lost while running', { skip }, () => {
  it('spool: keeps serving through a cut, then replays every event in order exactly once', async () => {
    const spoolPath = join(dir, 'spool.jsonl');
    const { ns, proxy, g, close } = await gatewayBehindProxy(dir, { store: { onLoss: 'spool', spoolPath } });
    const { token } = await issueApiKey(g.keys, { name: 'ward app', role: 'clinician' }, cheap);
    const total = 60;
    const ids: string[] = [];
    const statuses: number[] = [];
    try {
      // Four clients in parallel; the connection is cut after ~1/3 of the requests and restored after ~2/3.
      let next = 0;
      const client = async (): Promise<void> => {
        while (next < total) {
          const i = next++;
          if (i === 20) proxy.cut();
          if (i === 40) {
            assert.ok(g.shared.postgres && g.shared.postgres.spooled > 0, 'events were spooled during the cut');
            assert.ok(readFileSync(spoolPath, 'utf8').length > 0, 'the spool file holds them');
            proxy.restore();
          }
          const id = `scale-req-${String(i).padStart(4, '0')}`;
          ids.push(id);
          statuses.push((await send(g, token, id)).status);
          await sleep(5);
        }
      };
      await Promise.all([client(), client(), client(), client()]);
      assert.deepEqual(statuses.filter((s) => s !== 200), [], 'every request was served');
      await g.shared.postgres?.drained();
    } finally {
      await close();
    }
    assert.equal(readFileSync(spoolPath, 'utf8'), '', 'the spool is empty once replayed');
    const store = await openPostgresStore(PG_TEST_URL, { schema: ns.schema, readonly: true });
    try {
      const result = await verifyChain(store.audit);
      assert.equal(result.ok, true, JSON.stringify(result.firstBad));
      const seen: string[] = [];
      for await (const e of store.audit.scan()) seen.push(e.requestId);
      assert.equal(seen.length, total, 'one event per request: none lost, none doubled');
      assert.deepEqual([...seen].sort(), [...ids].sort());
    } finally {
      await store.close();
      await ns.drop();
    }
  });

  it('closed (default): refuses with 503 MG_STORE_UNAVAILABLE while the store is away, then serves again', async () => {
    let auditFailures = 0;
    const { ns, proxy, g, close } = await gatewayBehindProxy(dir, { run: { onAuditError: () => auditFailures++ } });
    try {
      const { token } = await issueApiKey(g.keys, { name: 'ward app', role: 'clinician' }, cheap);
      assert.equal((await send(g, token, 'closed-req-0001')).status, 200);
      proxy.cut();
      assert.deepEqual(await send(g, token, 'closed-req-0002'), { status: 503, code: 'MG_STORE_UNAVAILABLE' });
      assert.deepEqual(await send(g, token, 'closed-req-0003'), { status: 503, code: 'MG_STORE_UNAVAILABLE' });
      // The refusals themselves cannot be recorded while the store is away: reported, not hidden.
      assert.ok(auditFailures >= 2, `audit failures reported: ${auditFailures}`);
      proxy.restore();
      let status = 0;
      for (let i = 0; i < 40 && status !== 200; i++) {
        await sleep(100);
        status = (await send(g, token, `closed-req-1${String(i).padStart(3, '0')}`)).status;
      }
      assert.equal(status, 200);
    } finally {
      await close();
      await ns.drop();
    }
  });
});

describe('shared state unreachable at start', () => {
  it('names store.url or cache.url in a coded error, without the password', async () => {
    const ns = namespace();
    const stub = await startStub();
    try {
      const base = { stubUrl: stub.url, ns, dir };
      await assert.rejects(runGateway(instanceConfig({ ...base, pgUrl: 'postgres://u:pw-secret@127.0.0.1:1/test', store: { poolSize: 1 } })), (e: Error & { code?: string; field?: string }) =>
        e.code === 'MG_STORE_UNAVAILABLE' && e.field === 'store.url' && /store\.url/.test(e.message) && !e.message.includes('pw-secret'));
      if (skip === undefined) {
        await assert.rejects(runGateway(instanceConfig({ ...base, cache: { url: 'redis://127.0.0.1:1', connectTimeoutMs: 500 } })), (e: Error & { code?: string; field?: string }) =>
          e.code === 'MG_CACHE_UNAVAILABLE' && e.field === 'cache.url');
      }
    } finally {
      await stub.close();
      if (skip === undefined) await ns.drop();
    }
  });
});
