/**
 * The in-process Limiter: per principal (and per route when configured) a request-rate token
 * bucket, a token-quota bucket refilled over 24 h, and a cap on requests in flight. A Redis
 * limiter can replace it behind the same `Limiter` interface when several gateways share limits.
 *
 * Memory is bounded: state lives in a Map kept in least-recently-used order; entries whose
 * buckets have refilled and that have nothing in flight are dropped as they age (dropping them
 * changes nothing), and past `maxPrincipals` the least recently used idle ones go first.
 */
import { LimitsSchema, type LimitsConfig, type RouteLimits } from '../config/limits.js';
import { GatewayError, type LimitTicket, type Limiter, type Principal } from '../types.js';
import { isFull, newBucket, refill, secondsUntil, take, type Bucket } from './bucket.js';

const DAY_SECONDS = 86_400;
/** An entry untouched this long is checked for idleness as it reaches the old end. */
const SWEEP_AGE_MS = 60_000;
/** Largest single charge accepted; a bogus usage figure cannot lock a principal out for years. */
const MAX_CHARGE = 10_000_000;
const SWEEP_BATCH = 8;

/** ~4 characters per token for English-like text: the charge when the upstream reports no usage. */
export const estimateTokens = (chars: number): number => Math.max(1, Math.ceil(Math.max(0, chars) / 4));

interface Effective {
  readonly requestsPerMinute: number;
  readonly burst: number;
  readonly maxConcurrent: number;
  readonly tokensPerDay: number;
}

interface State {
  rate: Bucket | undefined;
  quota: Bucket | undefined;
  inFlight: number;
  touched: number;
}

export interface InProcessLimiter extends Limiter {
  /** Principals (or principal × route pairs) currently tracked. */
  readonly size: number;
}

function effective(config: LimitsConfig, route: RouteLimits | undefined): Effective {
  const rpm = route?.requestsPerMinute ?? config.requestsPerMinute;
  return {
    requestsPerMinute: rpm,
    burst: route?.burst ?? (route?.requestsPerMinute !== undefined ? undefined : config.burst) ?? Math.max(1, rpm),
    maxConcurrent: route?.maxConcurrent ?? config.maxConcurrent,
    tokensPerDay: route?.tokensPerDay ?? config.tokensPerDay,
  };
}

const tooMany = (code: string, message: string, retryAfter: number): GatewayError =>
  new GatewayError(429, code, message, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfter)) });

export function createLimiter(config: LimitsConfig, options: { now?: () => number } = {}): InProcessLimiter {
  const cfg = LimitsSchema.parse(config);
  const now = options.now ?? Date.now;
  const defaults = effective(cfg, undefined);
  const perRouteLimits = new Map(Object.entries(cfg.routes).map(([name, r]) => [name, effective(cfg, r)]));
  const states = new Map<string, State>();

  const idle = (s: State, t: number): boolean =>
    s.inFlight === 0 && (s.rate === undefined || isFull(s.rate, t)) && (s.quota === undefined || isFull(s.quota, t));

  /**
   * Looks at a few of the least recently used entries per call (amortised O(1)): idle ones are
   * dropped, and over `maxPrincipals` any with nothing in flight; busy old ones move to the back.
   */
  function sweep(t: number): void {
    for (let i = 0; i < SWEEP_BATCH; i++) {
      const first = states.entries().next();
      if (first.done === true) return;
      const [key, s] = first.value;
      const over = states.size > cfg.maxPrincipals;
      if (!over && t - s.touched < SWEEP_AGE_MS) return;
      states.delete(key);
      if (idle(s, t) || (over && s.inFlight === 0)) continue;
      states.set(key, s);
    }
  }

  function stateFor(key: string, limits: Effective, t: number): State {
    let s = states.get(key);
    if (s) states.delete(key);
    else {
      s = {
        rate: limits.requestsPerMinute > 0 ? newBucket(limits.burst, limits.requestsPerMinute / 60, t) : undefined,
        quota: limits.tokensPerDay > 0 ? newBucket(limits.tokensPerDay, limits.tokensPerDay / DAY_SECONDS, t) : undefined,
        inFlight: 0,
        touched: t,
      };
    }
    s.touched = t;
    // Re-inserting keeps the Map in least-recently-used order for the sweep.
    states.set(key, s);
    return s;
  }

  return {
    get size() {
      return states.size;
    },
    async acquire(principal: Principal, route: string): Promise<LimitTicket> {
      const t = now();
      const routeLimits = perRouteLimits.get(route);
      const limits = routeLimits ?? defaults;
      const key = routeLimits !== undefined || cfg.perRoute ? `${principal.id}\u0000${route}` : principal.id;
      sweep(t);
      const s = stateFor(key, limits, t);
      // Checks that consume nothing come first, so a refused request costs no rate budget.
      if (limits.maxConcurrent > 0 && s.inFlight >= limits.maxConcurrent) {
        throw tooMany('MG_CONCURRENCY_LIMIT', `more than ${limits.maxConcurrent} requests in flight`, 1);
      }
      if (s.quota) {
        refill(s.quota, t);
        if (s.quota.level <= 0) throw tooMany('MG_QUOTA_EXCEEDED', 'the token quota is used up', secondsUntil(s.quota, 1));
      }
      if (s.rate) {
        const r = take(s.rate, t);
        if (!r.ok) throw tooMany('MG_RATE_LIMITED', 'too many requests', r.retryAfter);
      }
      s.inFlight++;
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          s.inFlight--;
        },
        chargeTokens(tokens) {
          if (!s.quota || !Number.isFinite(tokens) || tokens <= 0) return;
          refill(s.quota, now());
          s.quota.level -= Math.min(tokens, MAX_CHARGE);
        },
      };
    },
  };
}
