/**
 * `/readyz` and `/metrics` while PostgreSQL is lost (TCP proxy cut and restored):
 * - `store.onLoss: spool`: still ready (200, status `degraded`) while the instance serves into its
 *   spool, with the spool level in the body and in /metrics; `ready` again once replayed;
 * - `store.onLoss: closed`: not ready (503) while the store is away, ready again once it is back.
 * A full spool is not-ready too (unit-tested in src/gateway/ops/health.test.ts).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningGateway } from '../src/gateway/compose/run.js';
import { issueApiKey } from '../src/gateway/identity/apikeys.js';
import { chat } from './gateway-helpers.js';
import { gatewayBehindProxy, sharedServersUnavailable } from './scale-helpers.js';

const skip = await sharedServersUnavailable();
const dir = mkdtempSync(join(tmpdir(), 'mg-scale-ready-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const cheap = { cost: { logN: 10, r: 8, p: 1 } };

interface Ready {
  readonly code: number;
  readonly status: string;
  readonly checks: Record<string, string>;
  readonly store: { onLoss: string; available: boolean; spooled: number; maxSpool?: number };
}

async function ready(g: RunningGateway): Promise<Ready> {
  const res = await fetch(`${g.server.url}/readyz`);
  return { code: res.status, ...((await res.json()) as Omit<Ready, 'code'>) };
}

async function gauge(g: RunningGateway, name: string): Promise<number> {
  const text = await (await fetch(`${g.server.url}/metrics`)).text();
  const m = new RegExp(`^${name} (\\d+)$`, 'm').exec(text);
  return m ? Number(m[1]) : Number.NaN;
}

async function send(g: RunningGateway, token: string): Promise<number> {
  const res = await fetch(`${g.server.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(chat('What is the adult dose of amoxicillin?')),
  });
  await res.arrayBuffer();
  return res.status;
}

async function until(what: () => Promise<boolean>, ms = 5000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) if (await what()) return true;
  return what();
}

describe('/readyz while PostgreSQL is lost', { skip }, () => {
  it('spool: stays ready (degraded) while the spool has room, reports it, and is ready again after replay', async () => {
    const { ns, proxy, g, close } = await gatewayBehindProxy(dir, { store: { onLoss: 'spool', spoolPath: join(dir, 'spool.jsonl') } });
    try {
      const { token } = await issueApiKey(g.keys, { name: 'ward app', role: 'clinician' }, cheap);
      const before = await ready(g);
      assert.deepEqual([before.code, before.status, before.checks], [200, 'ready', { store: 'ok' }]);
      assert.deepEqual(before.store, { onLoss: 'spool', available: true, spooled: 0, maxSpool: 100_000 });
      assert.equal(await gauge(g, 'medguard_store_up'), 1);
      // One request first: during a loss, spool mode serves API keys from their last reading.
      assert.equal(await send(g, token), 200);

      proxy.cut();
      // Before any request notices: the probe's own query fails, and the spool has room.
      const idle = await ready(g);
      assert.deepEqual([idle.code, idle.status, idle.checks], [200, 'degraded', { store: 'degraded' }]);
      assert.equal(await send(g, token), 200);
      assert.equal(await send(g, token), 200);
      const lost = await ready(g);
      assert.deepEqual([lost.code, lost.status, lost.store.available], [200, 'degraded', false]);
      assert.ok(lost.store.spooled >= 2, `spooled ${lost.store.spooled}`);
      assert.equal(await gauge(g, 'medguard_store_up'), 0);
      assert.ok((await gauge(g, 'medguard_audit_spool_events')) >= 2);
      assert.equal(await gauge(g, 'medguard_audit_spool_capacity'), 100_000);

      proxy.restore();
      await g.shared.postgres?.drained();
      assert.ok(await until(async () => (await ready(g)).status === 'ready'), 'ready again once replayed');
      assert.equal((await ready(g)).store.spooled, 0);
      assert.equal(await gauge(g, 'medguard_store_up'), 1);
    } finally {
      await close();
      await ns.drop();
    }
  });

  it('closed (default): not ready while the store is away, ready once it is back', async () => {
    const { ns, proxy, g, close } = await gatewayBehindProxy(dir, { run: { onAuditError: () => undefined } });
    try {
      const { token } = await issueApiKey(g.keys, { name: 'ward app', role: 'clinician' }, cheap);
      assert.equal((await ready(g)).code, 200);
      proxy.cut();
      const idle = await ready(g);
      assert.deepEqual([idle.code, idle.status, idle.checks], [503, 'not_ready', { store: 'fail' }]);
      assert.equal(await send(g, token), 503);
      const lost = await ready(g);
      assert.deepEqual([lost.code, lost.store], [503, { onLoss: 'closed', available: false, spooled: 0 }]);
      assert.equal(await gauge(g, 'medguard_audit_spool_capacity'), 0);
      proxy.restore();
      assert.ok(await until(async () => (await ready(g)).code === 200), 'ready once PostgreSQL answers');
    } finally {
      await close();
      await ns.drop();
    }
  });
});
