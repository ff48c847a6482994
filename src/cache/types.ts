/**
 * Shared-state interfaces beyond the Limiter and EventBus (src/gateway/types.ts): bans and
 * break-the-glass grants. Each has an in-process implementation (one instance) and a Redis one
 * (every instance sees the same state).
 */

export interface Ban {
  readonly principal: string;
  readonly reason: string;
  /** Epoch ms when it lifts; null for a blocklist entry (until lifted by hand). */
  readonly until: number | null;
}

export interface BanList {
  /** `seconds: null` puts the principal on the blocklist; otherwise a temporary ban. */
  ban(principal: string, seconds: number | null, reason: string): Promise<void>;
  /** Lifts both a ban and a blocklist entry; false when there was neither. */
  unban(principal: string): Promise<boolean>;
  banned(principal: string): Promise<Ban | undefined>;
}

/** Break-the-glass: a time-boxed, recorded grant for one principal to reach one patient's data. */
export interface Grant {
  readonly principal: string;
  readonly patient: string;
  readonly reason: string;
  readonly grantedAt: number;
  readonly until: number;
}

export interface GrantStore {
  grant(principal: string, patient: string, seconds: number, reason: string): Promise<Grant>;
  /** The live grant for this pair, if any (expired grants are gone). */
  active(principal: string, patient: string): Promise<Grant | undefined>;
  revoke(principal: string, patient: string): Promise<boolean>;
  list(principal: string): Promise<Grant[]>;
}
