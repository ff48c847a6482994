import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Pipeline } from '../../core/pipeline.js';
import type { AuditEventInput, Store } from '../../store/types.js';
import type { GatewayConfig } from '../config/load.js';
import type { Inspectors } from '../inspect/engine.js';
import type { Fingerprinter } from '../inspect/fingerprint.js';
import type { Upstream } from '../proxy/upstream.js';
import type { Endpoint } from '../routes/openai.js';
import type { Authenticator, EventBus, LimitTicket, Limiter } from '../types.js';
import type { Exchange } from './exchange.js';

/** Handles the operational routes (health, metrics, dashboard); true when it answered. */
export type OpsHandler = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

/** Everything the request pipeline runs on, built once by `createGateway`. */
export interface AppDeps {
  readonly config: GatewayConfig;
  readonly upstreams: ReadonlyMap<string, Upstream>;
  readonly inspectors: Inspectors;
  /** Per route: the output family with that route's link allowlist. */
  readonly outputRules: ReadonlyMap<string, Pipeline>;
  readonly authenticator: Authenticator;
  readonly limiter: Limiter | undefined;
  readonly store: Store | undefined;
  readonly bus: EventBus | undefined;
  readonly ops: OpsHandler | undefined;
  readonly fingerprint: Fingerprinter;
  /** Shared pseudonym key (several instances): equal values get equal surrogates on every instance. */
  readonly pseudonymKey?: Uint8Array | undefined;
  /** Sees every finished exchange's event, stored or not (metrics, logs, readiness). */
  readonly onExchange: ((event: AuditEventInput) => void) | undefined;
  /** Called when writing an audit event fails (the exchange is already answered). */
  readonly onAuditError: (error: unknown) => void;
}

export interface HandlerContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly x: Exchange;
  readonly endpoint: Endpoint;
  readonly signal: AbortSignal;
  readonly deps: AppDeps;
  readonly ticket: LimitTicket | undefined;
}
