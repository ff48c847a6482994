/**
 * Bans, the blocklist and break-the-glass grants in Redis: set on one instance, seen by all. A
 * temporary ban is a key with a TTL (it lifts itself); the blocklist is a set; a grant is a key
 * per (principal, patient) with a TTL, indexed per principal for listing.
 */
import type { Ban, BanList, Grant, GrantStore } from '../types.js';
import type { RedisCache } from './client.js';

const MAX_SECONDS = 365 * 86_400;
const seconds = (s: number): number => Math.max(1, Math.min(MAX_SECONDS, Math.floor(s)));

export function redisBanList(cache: RedisCache): BanList {
  const banKey = (p: string): string => cache.key('ban', `{${p}}`);
  const blocklist = cache.key('blocklist');
  return {
    async ban(principal, s, reason) {
      if (s === null) await cache.client.multi().sadd(blocklist, principal).hset(cache.key('blocklist-reasons'), principal, reason).exec();
      else await cache.client.set(banKey(principal), reason, 'EX', seconds(s));
    },
    async unban(principal) {
      const r = await cache.client.multi().del(banKey(principal)).srem(blocklist, principal).hdel(cache.key('blocklist-reasons'), principal).exec();
      return (r ?? []).slice(0, 2).some(([, n]) => Number(n) > 0);
    },
    async banned(principal): Promise<Ban | undefined> {
      const r = await cache.client.multi().get(banKey(principal)).pttl(banKey(principal)).sismember(blocklist, principal).hget(cache.key('blocklist-reasons'), principal).exec();
      const [reason, ttl, listed, listedReason] = (r ?? []).map(([, v]) => v);
      if (Number(listed) === 1) return { principal, reason: String(listedReason ?? ''), until: null };
      if (typeof reason === 'string') return { principal, reason, until: Date.now() + Math.max(0, Number(ttl)) };
      return undefined;
    },
  };
}

export function redisGrantStore(cache: RedisCache): GrantStore {
  const grantKey = (p: string, patient: string): string => cache.key('grant', `{${p}}`, patient);
  const indexKey = (p: string): string => cache.key('grants', `{${p}}`);
  const parse = (raw: string | null): Grant | undefined => {
    if (raw === null) return undefined;
    try {
      return JSON.parse(raw) as Grant;
    } catch {
      return undefined;
    }
  };
  return {
    async grant(principal, patient, s, reason) {
      const now = Date.now();
      const g: Grant = { principal, patient, reason, grantedAt: now, until: now + seconds(s) * 1000 };
      await cache.client.multi().set(grantKey(principal, patient), JSON.stringify(g), 'EX', seconds(s)).zadd(indexKey(principal), g.until, patient).exec();
      return g;
    },
    async active(principal, patient) {
      return parse(await cache.client.get(grantKey(principal, patient)));
    },
    async revoke(principal, patient) {
      const r = await cache.client.multi().del(grantKey(principal, patient)).zrem(indexKey(principal), patient).exec();
      return Number(r?.[0]?.[1] ?? 0) > 0;
    },
    async list(principal) {
      await cache.client.zremrangebyscore(indexKey(principal), '-inf', Date.now());
      const patients = await cache.client.zrange(indexKey(principal), 0, 999);
      if (patients.length === 0) return [];
      const raws = await cache.client.mget(...patients.map((p) => grantKey(principal, p)));
      return raws.map(parse).filter((g): g is Grant => g !== undefined);
    },
  };
}
