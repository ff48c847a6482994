/**
 * The gateway's extension points. Each is one small interface so identity, limits, the event
 * fan-out and the store can be swapped (in-process today, Redis/PostgreSQL for several instances).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { StoredEvent } from '../store/types.js';

/** Who is calling, as established by an API key or a verified JWT. */
export interface Principal {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  /** Patient context the principal is bound to (a patient-facing app), if any. */
  readonly patient: string | null;
  readonly via: 'api_key' | 'jwt';
  /** SMART-style scopes, when the credential carries them. */
  readonly scopes: readonly string[];
}

export interface Authenticator {
  /** Resolves the principal or throws a GatewayError (401 missing/invalid, 403 revoked/expired). */
  authenticate(headers: IncomingHttpHeaders): Promise<Principal>;
}

/** What a limit check answers; `release` must be called when the request ends (concurrency). */
export interface LimitTicket {
  release(): void;
  /** Record the tokens the upstream reported (or an estimate) against the principal's quota. */
  chargeTokens(tokens: number): void;
}

export interface Limiter {
  /** Throws a GatewayError 429 with `retryAfterSeconds` when over a rate, quota or concurrency cap. */
  acquire(principal: Principal, route: string): Promise<LimitTicket>;
}

/** Live fan-out of stored events to dashboards (in-process; Redis pub/sub across instances). */
export interface EventBus {
  publish(event: StoredEvent): void;
  subscribe(listener: (event: StoredEvent) => void): () => void;
}

/** An error the gateway turns into an OpenAI-style JSON error body: never a stack, never PHI. */
export class GatewayError extends Error {
  readonly status: number;
  readonly code: string;
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, code: string, message: string, options: { retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = 'GatewayError';
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
