/**
 * Helpers for the scale-out tests: whether PostgreSQL and Redis answer (skip, or fail under
 * CI=true), a fresh schema and key prefix per test, a gateway instance config on them, and a TCP
 * proxy that can cut and restore the connection to PostgreSQL mid-load.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { dropPrefix, REDIS_TEST_URL, redisUnavailable, testPrefix } from '../src/cache/redis/testing.js';
import { runGateway, type RunningGateway, type RunOptions } from '../src/gateway/compose/run.js';
import { parseConfig } from '../src/gateway/index.js';
import type { GatewayConfig } from '../src/gateway/config/load.js';
import { dropSchema, PG_TEST_URL, postgresUnavailable, testSchemaName } from '../src/store/postgres/testing.js';
import { startStub } from './gateway-helpers.js';

export { PG_TEST_URL, REDIS_TEST_URL };

/** The reason to skip, or undefined when both servers answer. */
export async function sharedServersUnavailable(): Promise<string | undefined> {
  return (await postgresUnavailable()) ?? (await redisUnavailable());
}

export interface Namespace {
  readonly schema: string;
  readonly prefix: string;
  drop(): Promise<void>;
}

export function namespace(): Namespace {
  const schema = testSchemaName();
  const prefix = testPrefix();
  return { schema, prefix, drop: async () => void (await Promise.all([dropSchema(schema), dropPrefix(prefix)])) };
}

export function instanceConfig(options: { stubUrl: string; ns: Namespace; dir: string; pgUrl?: string; store?: Record<string, unknown>; cache?: Record<string, unknown> | false; limits?: Record<string, unknown> }): GatewayConfig {
  return parseConfig({
    listen: { host: '127.0.0.1', port: 0 },
    upstreams: { stub: { url: options.stubUrl } },
    routes: [{ name: 'clinical', upstream: 'stub' }],
    store: { url: options.pgUrl ?? PG_TEST_URL, schema: options.ns.schema, path: `${options.dir}/medguard.db`, headSignIntervalEvents: 25, headSignIntervalSeconds: 3600, ...options.store },
    ...(options.cache === false ? {} : { cache: { url: REDIS_TEST_URL, prefix: options.ns.prefix, ...options.cache } }),
    limits: { requestsPerMinute: 0, maxConcurrent: 0, ...options.limits },
    dashboard: { enabled: false },
  });
}

/** A TCP proxy to `target`; `cut()` drops every connection and refuses new ones until `restore()`. */
export interface CuttableProxy {
  readonly url: (base: string) => string;
  readonly port: number;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

async function startProxy(targetPort: number): Promise<CuttableProxy> {
  let down = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (base) => {
      const u = new URL(base);
      u.port = String(port);
      return u.toString();
    },
    cut() {
      down = true;
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    restore() {
      down = false;
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** One gateway instance whose PostgreSQL connection runs through a cuttable proxy, and its upstream stub. */
export interface CutGateway {
  readonly ns: Namespace;
  readonly proxy: CuttableProxy;
  readonly g: RunningGateway;
  /** Restores the connection and closes gateway, stub and proxy (the schema stays: `ns.drop()`). */
  close(): Promise<void>;
}

export async function gatewayBehindProxy(dir: string, options: { store?: Record<string, unknown>; run?: RunOptions } = {}): Promise<CutGateway> {
  const ns = namespace();
  const proxy = await startProxy(Number(new URL(PG_TEST_URL).port || 5432));
  const stub = await startStub();
  const g = await runGateway(instanceConfig({ stubUrl: stub.url, ns, dir, pgUrl: proxy.url(PG_TEST_URL), cache: false, store: options.store }), options.run);
  return {
    ns,
    proxy,
    g,
    async close() {
      proxy.restore();
      await g.close();
      await stub.close();
      await proxy.close();
    },
  };
}
