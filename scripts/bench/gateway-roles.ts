/**
 * The processes the gateway benchmark forks (each measured on its own): `stub`, an OpenAI-like
 * upstream answering instantly (JSON or SSE), and `gateway`, medguard in front of it with the
 * default policy or with inspection off. They talk to the parent over the IPC channel.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAudit } from '../../src/audit/index.js';
import { createGateway, parseConfig, startServer } from '../../src/gateway/index.js';
import { createAuthenticator } from '../../src/gateway/identity/authenticator.js';
import { issueApiKey } from '../../src/gateway/identity/apikeys.js';
import { createLimiter } from '../../src/gateway/limits/limiter.js';
import { createInspector } from '../../src/inspect.js';
import { createOperations } from '../../src/gateway/ops/index.js';

export type ParentMessage = { readonly cmd: 'seq' } | { readonly cmd: 'added'; readonly sinceSeq: number } | { readonly cmd: 'close' };
export type ChildMessage =
  | { readonly ready: true; readonly url: string; readonly token?: string }
  | { readonly seq: number }
  | { readonly added: { readonly count: number; readonly p50: number; readonly p99: number; readonly lastSeq: number } };

/** The stub's answer (~0.9 KB): with the request's texts, what (c) inspects per exchange. */
export const ANSWER = 'For an eGFR of 40 mL/min/1.73 m2, metformin can be continued at a reduced maximum dose; review renal function every 3 to 6 months and stop below 30. '.repeat(6);

function send(msg: ChildMessage): void {
  process.send?.(msg);
}

export async function runStub(): Promise<void> {
  const chunks = ANSWER.match(/.{1,48}/gs) ?? [ANSWER];
  const json = JSON.stringify({ id: 'c1', object: 'chat.completion', model: 'stub', choices: [{ index: 0, message: { role: 'assistant', content: ANSWER }, finish_reason: 'stop' }], usage: { prompt_tokens: 250, completion_tokens: 180, total_tokens: 430 } });
  const server = createServer((req, res) => {
    const body: Buffer[] = [];
    req.on('data', (c: Buffer) => body.push(c));
    req.on('end', () => {
      if (!Buffer.concat(body).includes('"stream":true')) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(json)) }).end(json);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const c of chunks) res.write(`data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: c }, finish_reason: null }] })}\n\n`);
      res.write(`data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
      res.end('data: [DONE]\n\n');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  send({ ready: true, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  process.on('message', (m: ParentMessage) => {
    if (m.cmd === 'close') server.close(() => process.exit(0));
  });
}

export async function runGatewayRole(upstreamUrl: string, inspect: boolean): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'medguard-bench-gw-'));
  const config = parseConfig({
    listen: { host: '127.0.0.1', port: 0 },
    upstreams: { model: { url: `${upstreamUrl}/v1`, connections: 128 } },
    routes: [{ name: 'clinical', upstream: 'model', prefix: '/v1' }],
    store: { path: join(dir, 'medguard.db') },
    // The benchmark is one principal at full speed: rate and concurrency caps would measure the limiter's 429s.
    limits: { requestsPerMinute: 0, maxConcurrent: 0 },
  });
  const audit = openAudit(config.store);
  const store = audit.log.store;
  const key = await issueApiKey(store.keys, { name: 'bench', role: 'clinician' });
  const ops = createOperations({ config, store, adminKey: 'bench-admin-key-0123456789', log: false });
  const off = createInspector({ families: [] });
  const gateway = createGateway(config, {
    authenticator: createAuthenticator(config.identity, store.keys),
    limiter: createLimiter(config.limits),
    store,
    bus: ops.bus,
    ops: ops.handler,
    ...(inspect ? {} : { inspectors: { full: off, trusted: off, output: off } }),
  });
  const server = await startServer(gateway);
  const last = async (): Promise<number> => (await store.audit.query({ limit: 1 }))[0]?.seq ?? 0;
  send({ ready: true, url: server.url, token: key.token });
  process.on('message', (m: ParentMessage) => {
    if (m.cmd === 'seq') {
      void last().then((seq) => send({ seq }));
    } else if (m.cmd === 'added') {
      void addedTime(store.audit.scan(m.sinceSeq + 1)).then((added) => send({ added }));
    } else if (m.cmd === 'close') {
      ops.close();
      void server.close(2000).then(() => audit.close()).finally(() => {
        rmSync(dir, { recursive: true, force: true });
        process.exit(0);
      });
    }
  });
}

/** Percentiles of the gateway's own time per exchange, as it recorded it in the audit trail. */
async function addedTime(events: AsyncIterable<{ seq: number; gatewayMs: number }>): Promise<{ count: number; p50: number; p99: number; lastSeq: number }> {
  const ms: number[] = [];
  let lastSeq = 0;
  for await (const e of events) {
    ms.push(e.gatewayMs);
    lastSeq = e.seq;
  }
  ms.sort((a, b) => a - b);
  const at = (q: number): number => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? 0;
  return { count: ms.length, p50: at(0.5), p99: at(0.99), lastSeq };
}

const role = process.argv[2];
if (role === 'stub') await runStub();
else if (role === 'gateway') await runGatewayRole(process.argv[3] ?? '', process.argv[4] !== 'off');
