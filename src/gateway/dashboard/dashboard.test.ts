import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { injectionFinding, phoneFinding, sampleEvent } from '../../store/fixtures.js';
import { openSqliteStore } from '../../store/sqlite/index.js';
import type { Store } from '../../store/types.js';
import { parseConfig } from '../config/load.js';
import { createOperations, type Operations } from '../ops/index.js';
import { createEventBus } from '../events/bus.js';
import { createDashboard } from './index.js';

const ADMIN = 'test-admin-key-0123456789abcdef';
let store: Store;
let ops: Operations;
let server: Server;
let base: string;

before(async () => {
  store = openSqliteStore(':memory:');
  const now = Date.now();
  // Twelve events over the last twelve minutes: blocks with an injection finding every 5th, a PHONE at 7.
  for (let i = 1; i <= 12; i++) await store.audit.append(sampleEvent(i, { time: new Date(now - (13 - i) * 60_000).toISOString() }));
  const config = parseConfig({ upstreams: { model: { url: 'http://127.0.0.1:9' } }, routes: [{ name: 'clinical', upstream: 'model' }] });
  ops = createOperations({ config, store, adminKey: ADMIN, log: false });
  server = createServer((req, res) => {
    void ops.handler(req, res).then((handled) => {
      if (!handled) res.writeHead(418).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  ops.close();
  await new Promise<void>((r) => server.close(() => r()));
  await store.close();
});

const bearer = { authorization: `Bearer ${ADMIN}` };
const get = (path: string, headers: Record<string, string> = bearer): Promise<Response> => fetch(`${base}${path}`, { headers, redirect: 'manual' });

test('health, readiness and metrics answer without credentials; other paths fall through', async () => {
  assert.equal((await get('/healthz', {})).status, 200);
  const ready = await get('/readyz', {});
  assert.equal(ready.status, 200);
  assert.deepEqual(await ready.json(), { status: 'ready', checks: { store: 'ok' } });
  const metrics = await get('/metrics', {});
  assert.match(metrics.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  assert.match(await metrics.text(), /process_resident_memory_bytes \d+/);
  assert.equal((await fetch(`${base}/metrics`, { method: 'POST' })).status, 405);
  assert.equal((await get('/v1/models', {})).status, 418);
});

test('the page asks for the key; the API refuses without it or with a wrong one', async () => {
  const page = await get('/_medguard/', {});
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  assert.match(await page.text(), /Admin key/);
  assert.equal((await get('/_medguard/api/events', {})).status, 401);
  const wrong = await get('/_medguard/api/events', { authorization: 'Bearer not-the-admin-key-at-all' });
  assert.equal(wrong.status, 401);
  assert.equal(((await wrong.json()) as { error: { code: string } }).error.code, 'MG_AUTH_INVALID');
  assert.match(await (await get('/_medguard/', bearer)).text(), /id="event-rows"/);
});

test('login sets an HttpOnly SameSite=Strict session cookie that opens the API; a wrong key does not', async () => {
  const form = (key: string): Promise<Response> => fetch(`${base}/_medguard/login`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ key }).toString() });
  const bad = await form('wrong-key-wrong-key');
  assert.equal(bad.status, 303);
  assert.equal(bad.headers.get('set-cookie'), null);
  assert.match(bad.headers.get('location') ?? '', /login=failed/);
  const good = await form(ADMIN);
  const cookie = good.headers.get('set-cookie') ?? '';
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  assert.ok(!cookie.includes(ADMIN), 'the cookie never carries the key');
  const session = cookie.split(';')[0] ?? '';
  assert.equal((await get('/_medguard/api/events', { cookie: session })).status, 200);
  const forged = session.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
  assert.equal((await get('/_medguard/api/events', { cookie: forged })).status, 401);
});

test('events are filtered by principal, route, verdict and kind (family prefix), newest first', async () => {
  type Page = { events: { seq: number; principal: string | null; verdict: string }[] };
  const all = (await (await get('/_medguard/api/events')).json()) as Page;
  assert.deepEqual(all.events.map((e) => e.seq), [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  const blocks = (await (await get('/_medguard/api/events?verdict=block')).json()) as Page;
  assert.deepEqual(blocks.events.map((e) => e.seq), [10, 5]);
  const phi = (await (await get('/_medguard/api/events?kind=phi')).json()) as Page;
  assert.deepEqual(phi.events.map((e) => e.seq), [7]);
  const byKey = (await (await get('/_medguard/api/events?principal=key_1&limit=2&route=')).json()) as Page;
  assert.deepEqual(byKey.events.map((e) => e.seq), [11, 7]);
  const older = (await (await get('/_medguard/api/events?before=5')).json()) as Page;
  assert.deepEqual(older.events.map((e) => e.seq), [4, 3, 2, 1]);
});

test('bad or repeated query parameters are a 400 naming the parameter', async () => {
  for (const [q, param] of [['limit=0', 'limit'], ['verdict=maybe', 'verdict'], ['kind=PHI%20x', 'kind'], ['verdict=block&verdict=allow', 'verdict'], ['nope=1', 'query']] as const) {
    const r = await get(`/_medguard/api/events?${q}`);
    assert.equal(r.status, 400, q);
    const body = (await r.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'MG_QUERY_INVALID');
    if (param !== 'query') assert.match(body.error.message, new RegExp(`"${param}"`));
  }
});

test('one event by sequence number; unknown is 404', async () => {
  const r = await get('/_medguard/api/events/10');
  const { event } = (await r.json()) as { event: { seq: number; findings: unknown[]; hash: string } };
  assert.equal(event.seq, 10);
  assert.deepEqual(event.findings, [injectionFinding]);
  assert.equal((await get('/_medguard/api/events/999')).status, 404);
});

test('stats count verdicts and finding kinds per bucket over the window', async () => {
  const r = await get('/_medguard/api/stats?window=15m');
  const stats = (await r.json()) as { buckets: { verdicts: Record<string, number> }[]; totals: { events: number; verdicts: Record<string, number>; kinds: Record<string, number> }; truncated: boolean };
  assert.equal(stats.buckets.length, 30);
  assert.equal(stats.totals.events, 12);
  assert.deepEqual(stats.totals.verdicts, { allow: 10, block: 2 });
  assert.deepEqual(stats.totals.kinds, { 'injection.override': 2, 'phi.PHONE': 1 });
  assert.equal(stats.buckets.reduce((s, b) => s + (b.verdicts.block ?? 0), 0), 2);
  assert.equal(stats.truncated, false);
  assert.equal((await get('/_medguard/api/stats?window=2y')).status, 400);
});

test('assets are served by exact name with their content type; nothing else is', async () => {
  const js = await get('/_medguard/assets/app.js', {});
  assert.match(js.headers.get('content-type') ?? '', /^text\/javascript/);
  assert.match((await get('/_medguard/assets/style.css', {})).headers.get('content-type') ?? '', /^text\/css/);
  assert.equal((await get('/_medguard/assets/..%2Fpackage.json', {})).status, 404);
  assert.equal((await get('/_medguard/assets/nope.js', {})).status, 404);
  assert.equal((await get('/_medguard/elsewhere')).status, 404);
});

test('the live stream delivers published events and ends when the dashboard closes', async () => {
  const port = (server.address() as AddressInfo).port;
  const received = await new Promise<string>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/_medguard/api/live', headers: bearer }, (res) => {
      assert.equal(res.headers['content-type'], 'text/event-stream; charset=utf-8');
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        if (text.includes(': connected') && !text.includes('event: audit')) {
          void store.audit.append(sampleEvent(13, { verdict: 'block', findings: [phoneFinding] })).then((e) => ops.bus.publish(e));
        }
        if (text.includes('event: audit')) ops.close();
      });
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end();
  });
  assert.match(received, /^id: 13$/m);
  const data = /^data: (.*)$/m.exec(received)?.[1] ?? '';
  assert.equal((JSON.parse(data) as { verdict: string }).verdict, 'block');
  assert.equal(ops.dashboard?.liveCount, 0);
});

test('a short admin key is a config error naming the field; no key or no store leaves the dashboard off', () => {
  assert.throws(() => createDashboard({ store, bus: createEventBus(), adminKey: 'short' }), { code: 'MG_CONFIG_INVALID', field: 'dashboard.adminKeyEnv' });
  const config = parseConfig({ upstreams: { model: { url: 'http://127.0.0.1:9' } }, routes: [{ name: 'clinical', upstream: 'model' }], dashboard: { adminKeyEnv: 'MG_TEST_ADMIN' } });
  const lines: string[] = [];
  const off = createOperations({ config, store, env: {}, log: { write: (l) => lines.push(l) } });
  assert.equal(off.dashboard, undefined);
  assert.match(lines[0] ?? '', /dashboard disabled/);
  const on = createOperations({ config, store, env: { MG_TEST_ADMIN: ADMIN }, log: false });
  assert.ok(on.dashboard);
});
