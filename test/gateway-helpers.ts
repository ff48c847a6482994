/**
 * Test fixtures for the gateway: a scriptable upstream stub on port 0, a fixed-token
 * authenticator and an in-memory audit store (fakes for tests only, standing in for G2/G3 parts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGateway, parseConfig, startServer, GatewayError, type GatewayParts, type RunningServer } from '../src/gateway/index.js';
import type { AuditEventInput, Store, StoredEvent } from '../src/store/types.js';
import type { Authenticator, Principal } from '../src/gateway/types.js';

export const TOKEN = 'test-token-0123456789';

export interface Stub {
  readonly url: string;
  readonly received: Record<string, unknown>[];
  handler: (req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>) => void;
  close(): Promise<void>;
}

export async function startStub(): Promise<Stub> {
  const received: Record<string, unknown>[] = [];
  const stub: Stub = {
    url: '',
    received,
    handler: (_req, res, body) => chatAnswer(res, `Echo: ${lastUser(body)}`),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      received.push(body);
      stub.handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  (stub as { url: string }).url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return stub;
}

export function lastUser(body: Record<string, unknown>): string {
  const messages = (body.messages ?? []) as { role: string; content: unknown }[];
  const user = [...messages].reverse().find((m) => m.role === 'user');
  return typeof user?.content === 'string' ? user.content : '';
}

export function chatAnswer(res: ServerResponse, content: string): void {
  const body = JSON.stringify({ id: 'cmpl-1', object: 'chat.completion', model: 'stub', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }], usage: { total_tokens: 12 } });
  res.writeHead(200, { 'content-type': 'application/json' }).end(body);
}

/** Streams `pieces` as chat.completion.chunk events, then [DONE]. */
export function streamAnswer(res: ServerResponse, pieces: readonly string[]): void {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const p of pieces) res.write(`data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: p }, finish_reason: null }] })}\n\n`);
  res.write(`data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
  res.end('data: [DONE]\n\n');
}

export const authenticator: Authenticator = {
  authenticate(headers): Promise<Principal> {
    if (headers.authorization !== `Bearer ${TOKEN}`) return Promise.reject(new GatewayError(401, 'MG_AUTH_INVALID', 'a valid API key is required'));
    return Promise.resolve({ id: 'clinician-1', name: 'Dr Test', role: 'clinician', patient: null, via: 'api_key', scopes: [] });
  },
};

export class MemoryStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly events: StoredEvent[] = [];
  readonly audit = {
    append: (e: AuditEventInput): Promise<StoredEvent> => {
      const stored = { ...e, seq: this.events.length + 1, prevHash: '', hash: '' };
      this.events.push(stored);
      return Promise.resolve(stored);
    },
    get: (): Promise<undefined> => Promise.resolve(undefined),
    query: (): Promise<StoredEvent[]> => Promise.resolve([]),
    scan: async function* (): AsyncIterable<StoredEvent> { /* not needed here */ },
    putHead: (): Promise<void> => Promise.resolve(),
    heads: () => Promise.resolve([]),
  };
  readonly keys = {
    create: (): Promise<void> => Promise.resolve(),
    get: (): Promise<undefined> => Promise.resolve(undefined),
    list: () => Promise.resolve([]),
    revoke: () => Promise.resolve(false),
  };
  close(): Promise<void> {
    return Promise.resolve();
  }
  /** Audit writes happen after the response; wait for the n-th. */
  async waitFor(n: number): Promise<StoredEvent[]> {
    for (let i = 0; i < 200 && this.events.length < n; i++) await new Promise((r) => setTimeout(r, 10));
    return this.events;
  }
}

export interface Harness {
  readonly stub: Stub;
  readonly store: MemoryStore;
  readonly server: RunningServer;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startGateway(options: { config?: Record<string, unknown>; parts?: Partial<GatewayParts>; upstream?: Record<string, unknown> } = {}): Promise<Harness> {
  const stub = await startStub();
  const store = new MemoryStore();
  const config = parseConfig({
    listen: { host: '127.0.0.1', port: 0 },
    upstreams: { stub: { url: stub.url, ...options.upstream } },
    routes: [{ name: 'clinical', upstream: 'stub' }],
    ...options.config,
  });
  const gateway = createGateway(config, { authenticator, store, ...options.parts });
  let server: RunningServer;
  try {
    server = await startServer(gateway);
  } catch (e) {
    // A refused start (e.g. an unreadable TLS file) must not leave the stub and the pool open:
    // the test process would never exit.
    await gateway.close();
    await stub.close();
    throw e;
  }
  return {
    stub,
    store,
    server,
    post: (path, body, headers = {}) => fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
    async close() {
      await server.close(100);
      await stub.close();
    },
  };
}

export const chat = (content: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ model: 'gpt-test', messages: [{ role: 'user', content }], ...extra });
