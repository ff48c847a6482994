/**
 * For tests only: the test Redis, whether it answers (skip, or fail under CI=true), and caches
 * under a unique key prefix whose keys are deleted afterwards, so runs never collide.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { openRedisCache, type RedisCache } from './client.js';

export const REDIS_TEST_URL = process.env.MEDGUARD_TEST_REDIS ?? 'redis://127.0.0.1:6379';

export async function redisUnavailable(url = REDIS_TEST_URL): Promise<string | undefined> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return undefined;
  } catch (e) {
    const why = `Redis at ${url} does not answer (${(e as Error).message}); set MEDGUARD_TEST_REDIS or start it`;
    if (process.env.CI === 'true') throw new Error(`${why} — required under CI=true`);
    process.stderr.write(`# SKIPPED Redis tests: ${why}\n`);
    return why;
  } finally {
    client.disconnect();
  }
}

export const testPrefix = (): string => `mgt-${randomBytes(6).toString('hex')}`;

/** Deletes every key under the prefix (SCAN, never KEYS, so a busy shared Redis is not blocked). */
export async function dropPrefix(prefix: string, url = REDIS_TEST_URL): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  client.on('error', () => undefined);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await client.del(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}

export const openTestCache = (prefix: string, url = REDIS_TEST_URL): Promise<RedisCache> => openRedisCache(url, { prefix });
