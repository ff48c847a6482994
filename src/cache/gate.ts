/**
 * Wraps the Limiter (the stage every authenticated request passes before anything is sent
 * upstream) with the checks that make shared state fail closed: while the store is down in
 * `store.onLoss: closed` mode, requests are refused with 503 MG_STORE_UNAVAILABLE instead of being
 * served unrecorded; bans made in-process (no Redis) are honoured here too.
 */
import { GatewayError, type LimitTicket, type Limiter, type Principal } from '../gateway/types.js';
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
