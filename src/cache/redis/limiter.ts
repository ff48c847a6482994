/**
 * The Limiter on Redis: one limit across every instance. A single Lua script checks the ban and
 * blocklist, the concurrency cap, the token quota and the request-rate token bucket, and commits
 * all of them atomically; time comes from Redis (`TIME`), so instances' clocks do not matter.
 * The same token-bucket arithmetic as the in-process limiter (src/gateway/limits/bucket.ts).
 *
 * Keys: `<prefix>:lim:{<principal>}:<route|*>` (bucket levels; expires once both buckets would be
 * full, so idle principals cost nothing), `<prefix>:inf:{...}` (in-flight tickets with a lease, so
 * a crashed instance's tickets lapse), `<prefix>:ban:{<principal>}` and `<prefix>:blocklist`.
 * The braces keep one principal's keys in one Redis Cluster slot.
 *
 * Redis unreachable: `onLoss: closed` answers 503 MG_CACHE_UNAVAILABLE; `local` falls back to the
 * in-process limiter until Redis answers again.
 */
import { randomUUID } from 'node:crypto';
import { LimitsSchema, type LimitsConfig, type RouteLimits } from '../../gateway/config/limits.js';
import { createLimiter } from '../../gateway/limits/limiter.js';
import { GatewayError, type LimitTicket, type Limiter, type Principal } from '../../gateway/types.js';
import { isRedisDown, type RedisCache } from './client.js';

const DAY_SECONDS = 86_400;
const MAX_CHARGE = 10_000_000;

// KEYS: state, inflight, ban, blocklist. ARGV: burst, rate/s, quota cap, quota/s, maxConcurrent, ticket, leaseMs, principal.
export const ACQUIRE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local banttl = redis.call('PTTL', KEYS[3])
if banttl ~= -2 then return {'ban', banttl} end
if redis.call('SISMEMBER', KEYS[4], ARGV[8]) == 1 then return {'ban', -1} end
local maxc = tonumber(ARGV[5])
if maxc > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
  if redis.call('ZCARD', KEYS[2]) >= maxc then return {'conc', 1000} end
end
local s = redis.call('HMGET', KEYS[1], 'rl', 'rt', 'ql', 'qt')
local qcap, qps = tonumber(ARGV[3]), tonumber(ARGV[4])
local ql
if qcap > 0 then
  ql = tonumber(s[3]) or qcap
  local qt = tonumber(s[4]) or now
  if now > qt then ql = math.min(qcap, ql + (now - qt) / 1000 * qps) end
  if ql <= 0 then return {'quota', math.ceil((1 - ql) / qps * 1000)} end
end
local burst, rps = tonumber(ARGV[1]), tonumber(ARGV[2])
local rl
if rps > 0 then
  rl = tonumber(s[1]) or burst
  local rt = tonumber(s[2]) or now
  if now > rt then rl = math.min(burst, rl + (now - rt) / 1000 * rps) end
  if rl < 1 then return {'rate', math.ceil((1 - rl) / rps * 1000)} end
  rl = rl - 1
end
local ttl = 1000
if rps > 0 then
  redis.call('HSET', KEYS[1], 'rl', tostring(rl), 'rt', now)
  ttl = math.max(ttl, math.ceil((burst - rl) / rps * 1000) + 1000)
end
if qcap > 0 then
  redis.call('HSET', KEYS[1], 'ql', tostring(ql), 'qt', now)
  ttl = math.max(ttl, math.ceil((qcap - ql) / qps * 1000) + 1000)
end
if rps > 0 or qcap > 0 then redis.call('PEXPIRE', KEYS[1], ttl) end
if maxc > 0 then
  redis.call('ZADD', KEYS[2], now + tonumber(ARGV[7]), ARGV[6])
  redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[7]))
end
return {'ok', 0}
`;

// KEYS: state. ARGV: quota cap, quota/s, tokens.
const CHARGE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local qcap, qps = tonumber(ARGV[1]), tonumber(ARGV[2])
local s = redis.call('HMGET', KEYS[1], 'ql', 'qt')
local ql = tonumber(s[1]) or qcap
local qt = tonumber(s[2]) or now
if now > qt then ql = math.min(qcap, ql + (now - qt) / 1000 * qps) end
ql = ql - tonumber(ARGV[3])
redis.call('HSET', KEYS[1], 'ql', tostring(ql), 'qt', now)
redis.call('PEXPIRE', KEYS[1], math.max(1000, math.ceil((qcap - ql) / qps * 1000) + 1000))
return 1
`;

interface Effective {
  readonly rpm: number;
  readonly burst: number;
  readonly maxConcurrent: number;
  readonly tokensPerDay: number;
}

function effective(config: LimitsConfig, route: RouteLimits | undefined): Effective {
  const rpm = route?.requestsPerMinute ?? config.requestsPerMinute;
  return {
    rpm,
    burst: route?.burst ?? (route?.requestsPerMinute !== undefined ? undefined : config.burst) ?? Math.max(1, rpm),
    maxConcurrent: route?.maxConcurrent ?? config.maxConcurrent,
    tokensPerDay: route?.tokensPerDay ?? config.tokensPerDay,
  };
}

const tooMany = (code: string, message: string, ms: number): GatewayError =>
  new GatewayError(429, code, message, { retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)) });

export interface RedisLimiterOptions {
  readonly onLoss: 'closed' | 'local';
  readonly leaseSeconds?: number;
  /** Told when Redis is lost or back (metrics, logs). */
  readonly onState?: (up: boolean) => void;
}

export function createRedisLimiter(cache: RedisCache, config: LimitsConfig, options: RedisLimiterOptions): Limiter {
  const cfg = LimitsSchema.parse(config);
  const defaults = effective(cfg, undefined);
  const perRoute = new Map(Object.entries(cfg.routes).map(([name, r]) => [name, effective(cfg, r)]));
  const leaseMs = (options.leaseSeconds ?? 600) * 1000;
  const local = options.onLoss === 'local' ? createLimiter(cfg) : undefined;
  let up = true;
  const setUp = (v: boolean): void => {
    if (v !== up) {
      up = v;
      options.onState?.(v);
    }
  };

  return {
    async acquire(principal: Principal, route: string): Promise<LimitTicket> {
      const routeLimits = perRoute.get(route);
      const l = routeLimits ?? defaults;
      const scope = routeLimits !== undefined || cfg.perRoute ? route : '*';
      const tag = `{${principal.id}}`;
      const state = cache.key('lim', tag, scope);
      const inflight = cache.key('inf', tag, scope);
      const ticket = randomUUID();
      let answer: unknown;
      try {
        answer = await cache.script(ACQUIRE_LUA, [state, inflight, cache.key('ban', tag), cache.key('blocklist')], [
          l.burst, l.rpm / 60, l.tokensPerDay, l.tokensPerDay / DAY_SECONDS, l.maxConcurrent, ticket, leaseMs, principal.id,
        ]);
        setUp(true);
      } catch (e) {
        if (!isRedisDown(e)) throw e;
        setUp(false);
        if (local) return local.acquire(principal, route);
        throw new GatewayError(503, 'MG_CACHE_UNAVAILABLE', 'the shared rate-limit store is unavailable', { retryAfterSeconds: 1 });
      }
      const [verdict, ms] = answer as [string, number];
      if (verdict === 'ban') throw new GatewayError(403, 'MG_BANNED', 'this principal is banned');
      if (verdict === 'conc') throw tooMany('MG_CONCURRENCY_LIMIT', `more than ${l.maxConcurrent} requests in flight`, ms);
      if (verdict === 'quota') throw tooMany('MG_QUOTA_EXCEEDED', 'the token quota is used up', ms);
      if (verdict === 'rate') throw tooMany('MG_RATE_LIMITED', 'too many requests', ms);
      let released = false;
      return {
        release() {
          if (released || l.maxConcurrent <= 0) return;
          released = true;
          // Best effort: if Redis is away the lease lapses by itself.
          cache.client.zrem(inflight, ticket).catch(() => undefined);
        },
        chargeTokens(tokens) {
          if (l.tokensPerDay <= 0 || !Number.isFinite(tokens) || tokens <= 0) return;
          cache.script(CHARGE_LUA, [state], [l.tokensPerDay, l.tokensPerDay / DAY_SECONDS, Math.min(tokens, MAX_CHARGE)]).catch(() => undefined);
        },
      };
    },
  };
}
