/**
 * Builds a gateway from a validated config and the parts other modules own (identity, limits,
 * store, event bus, ops routes). Everything expensive (detector families, upstream pools) is
 * built here once, never per request.
 */
import { createInspector } from '../../inspect.js';
import type { AuditEventInput, Store } from '../../store/types.js';
import type { GatewayConfig } from '../config/load.js';
import { createApp, type RequestHandler } from '../app/app.js';
import type { AppDeps, OpsHandler } from '../app/deps.js';
import { createInspectors, type Inspectors } from '../inspect/engine.js';
import { createFingerprinter, fingerprintKeyFrom, type Fingerprinter } from '../inspect/fingerprint.js';
import { createUpstream, type Upstream } from '../proxy/upstream.js';
import type { Authenticator, EventBus, Limiter } from '../types.js';

export interface GatewayParts {
  readonly authenticator: Authenticator;
  readonly limiter?: Limiter;
  readonly store?: Store;
  readonly bus?: EventBus;
  readonly ops?: OpsHandler;
  /** Replaces the default detector pipelines (tests use it to plant a throwing detector). */
  readonly inspectors?: Partial<Inspectors>;
  readonly fingerprint?: Fingerprinter;
  /** Pseudonym key shared by every instance (store.sharedPseudonymKey); default a new key per request. */
  readonly pseudonymKey?: Uint8Array;
  readonly env?: NodeJS.ProcessEnv;
  readonly onAuditError?: (error: unknown) => void;
  /** Sees every finished exchange's audit event (operations: metrics, logs, readiness). */
  readonly onExchange?: (event: AuditEventInput) => void;
}

export interface Gateway {
  readonly handler: RequestHandler;
  readonly config: GatewayConfig;
  /** Closes upstream pools; the server and store are closed by their owners. */
  close(): Promise<void>;
}

let sharedInspectors: Inspectors | undefined;

export function createGateway(config: GatewayConfig, parts: GatewayParts): Gateway {
  const env = parts.env ?? process.env;
  const upstreams = new Map<string, Upstream>();
  for (const [name, up] of Object.entries(config.upstreams)) upstreams.set(name, createUpstream(name, up, env));
  // The detector families load models and compile tables: shared by every gateway in the process.
  sharedInspectors ??= createInspectors();
  const inspectors: Inspectors = { ...sharedInspectors, ...parts.inspectors };
  const keyEnv = config.store.fingerprintKeyEnv;
  const fingerprint = parts.fingerprint ?? createFingerprinter(fingerprintKeyFrom(keyEnv ? env[keyEnv] : undefined));
  const outputRules = new Map(config.routes.map((r) => [r.name, createInspector({ families: ['output'], options: { output: { linkAllowlist: r.effectivePolicy.linkAllowlist } } })]));
  const deps: AppDeps = {
    config,
    upstreams,
    inspectors,
    outputRules,
    authenticator: parts.authenticator,
    limiter: parts.limiter,
    store: parts.store,
    bus: parts.bus,
    ops: parts.ops,
    onExchange: parts.onExchange,
    fingerprint,
    pseudonymKey: parts.pseudonymKey,
    onAuditError: parts.onAuditError ?? ((e) => process.emitWarning(`medguard: audit write failed (${e instanceof Error ? e.name : 'error'})`)),
  };
  return {
    handler: createApp(deps),
    config,
    async close() {
      await Promise.all([...upstreams.values()].map((u) => u.close()));
    },
  };
}

