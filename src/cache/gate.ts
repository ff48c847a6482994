/**
 * Wraps the Limiter (the stage every authenticated request passes before anything is sent
 * upstream) with the checks that make shared state fail closed: while the store is down in
 * `store.onLoss: closed` mode, requests are refused with 503 MG_STORE_UNAVAILABLE instead of being
 * served unrecorded; bans made in-process (no Redis) are honoured here too.
 */
import { GatewayError, type LimitTicket, type Limiter, type Principal } from '../gateway/types.js';
import type { ApiKeyRecord, KeyStore } from '../store/types.js';
import type { BanList } from './types.js';

export interface GateOptions {
  /** False while the store is known to be unreachable and the mode is `closed`. */
  readonly storeOpen?: () => boolean;
  /** Checked before the inner limiter (the Redis limiter checks bans itself, atomically). */
  readonly bans?: BanList;
}

export function gatedLimiter(inner: Limiter, options: GateOptions): Limiter {
  return {
    async acquire(principal: Principal, route: string): Promise<LimitTicket> {
      if (options.storeOpen && !options.storeOpen()) {
        throw new GatewayError(503, 'MG_STORE_UNAVAILABLE', 'the audit store is unavailable; requests are refused until it is back', { retryAfterSeconds: 1 });
      }
      if (options.bans && (await options.bans.banned(principal.id))) throw new GatewayError(403, 'MG_BANNED', 'this principal is banned');
      return inner.acquire(principal, route);
    },
  };
}

/**
 * API-key lookups while the store may be lost. `closed`: a lookup that cannot reach it answers
 * 503 MG_STORE_UNAVAILABLE (not a 500). `spool`: the last record read for that key is used; this
 * is exact, because revoking a key is itself a write that cannot happen while the store is away.
 * Keys never seen before the loss are refused with 503. At most `max` records are remembered.
 */
export function resilientKeys(keys: KeyStore, options: { mode: 'closed' | 'spool'; isLoss: (e: unknown) => boolean; onLoss: () => void; max?: number }): KeyStore {
  const max = options.max ?? 100_000;
  const known = new Map<string, ApiKeyRecord | undefined>();
  const unavailable = (): GatewayError => new GatewayError(503, 'MG_STORE_UNAVAILABLE', 'the key store is unavailable', { retryAfterSeconds: 1 });
  return {
    ...keys,
    async get(id) {
      try {
        const record = await keys.get(id);
        known.delete(id);
        if (known.size >= max) known.delete(known.keys().next().value as string);
        known.set(id, record);
        return record;
      } catch (e) {
        if (!options.isLoss(e)) throw e;
        options.onLoss();
        if (options.mode === 'spool' && known.has(id)) return known.get(id);
        throw unavailable();
      }
    },
  };
}
