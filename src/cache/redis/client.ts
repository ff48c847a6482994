/**
 * One Redis connection per instance (plus a second for pub/sub, created on demand). Commands fail
 * fast while disconnected (no offline queue): the limiter then applies `cache.onLoss` instead of
 * holding requests; the client keeps reconnecting in the background.
 */
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { MedguardError } from '../../core/errors.js';

export interface RedisCache {
  readonly client: Redis;
  readonly prefix: string;
  /** Builds a key under the deployment prefix. */
  key(...parts: string[]): string;
  /** Runs a Lua script by SHA, loading it on first use (or after a server restart). */
  script(lua: string, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown>;
  /** A second connection for SUBSCRIBE (a subscribed connection can run nothing else). */
  subscriber(): Redis;
  readonly connected: boolean;
  close(): Promise<void>;
}

export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return 'redis://(unparseable URL)';
  }
}

const options = (connectTimeoutMs: number) => ({
  lazyConnect: true,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  connectTimeout: connectTimeoutMs,
  // Keep trying to come back, at most every second.
  retryStrategy: (times: number) => Math.min(50 * times, 1000),
});

export async function openRedisCache(url: string, config: { prefix: string; connectTimeoutMs?: number }): Promise<RedisCache> {
  const timeout = config.connectTimeoutMs ?? 5000;
  const client = new Redis(url, options(timeout));
  // Errors surface through command rejections; an unhandled 'error' event would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    client.disconnect();
    throw new MedguardError('MG_CACHE_UNAVAILABLE', `cache.url: Redis at ${redactRedisUrl(url)} cannot be reached — fix: check the URL and that Redis runs`, { field: 'cache.url', cause: e });
  }
  const shas = new Map<string, string>();
  const subscribers: Redis[] = [];
  return {
    client,
    prefix: config.prefix,
    key: (...parts) => [config.prefix, ...parts].join(':'),
    async script(lua, keys, args) {
      let sha = shas.get(lua);
      if (sha === undefined) shas.set(lua, (sha = createHash('sha1').update(lua).digest('hex')));
      try {
        return await client.evalsha(sha, keys.length, ...keys, ...args);
      } catch (e) {
        if (!(e instanceof Error) || !e.message.startsWith('NOSCRIPT')) throw e;
        return client.eval(lua, keys.length, ...keys, ...args);
      }
    },
    subscriber() {
      const sub = new Redis(url, { ...options(timeout), enableOfflineQueue: true, lazyConnect: false });
      sub.on('error', () => undefined);
      subscribers.push(sub);
      return sub;
    },
    get connected() {
      return client.status === 'ready';
    },
    async close() {
      for (const s of subscribers) s.disconnect();
      await client.quit().catch(() => client.disconnect());
    },
  };
}

/** True when a Redis command failed because the server cannot be reached (not a script error). */
export function isRedisDown(e: unknown): boolean {
  const m = e instanceof Error ? e.message : '';
  return /Stream isn't writeable|Connection is closed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|enableOfflineQueue|MaxRetriesPerRequest|connect ETIMEDOUT/i.test(m);
}
