/**
 * Operations for one gateway: metrics, the exchange log, health/readiness, the event bus and the
 * dashboard, behind one `handler` the gateway mounts first in its pipeline and one
 * `observeExchange` it calls with every finished exchange's audit event.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuditEventInput, Store } from '../../store/types.js';
import type { GatewayConfig } from '../config/load.js';
import { createDashboard, type Dashboard } from '../dashboard/index.js';
import { createEventBus, isInProcessBus } from '../events/bus.js';
import type { EventBus } from '../types.js';
import { createUpstreamTracker, storeCheck, upstreamCheck, type ReadinessCheck, type StoreHealth } from './health.js';
import { createLogger, type Logger, type LoggerOptions } from './logger.js';
import { createMetrics, type Metrics } from './metrics.js';
import { Gauge } from './prom.js';
import { createOpsRoutes } from './routes.js';

export { createMetrics, type Metrics } from './metrics.js';
export { createLogger, type Logger, type LoggerOptions } from './logger.js';
export { readiness, storeCheck, upstreamCheck, createUpstreamTracker, type ReadinessCheck, type StoreHealth } from './health.js';
export { createOpsRoutes, OPS_PATHS } from './routes.js';

export interface OperationsOptions {
  readonly config: GatewayConfig;
  readonly store?: Store;
  /** The PostgreSQL store's loss mode and spool (`SharedState.postgres`): readiness and metrics. */
  readonly storeHealth?: StoreHealth;
  /** Defaults to a new in-process bus (pass a shared one to fan out across components). */
  readonly bus?: EventBus;
  /** Overrides `dashboard.adminKeyEnv` (demo mode passes the key it prints). */
  readonly adminKey?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** `/readyz` also requires every upstream to be reachable (default false: see health.ts). */
  readonly requireUpstreams?: boolean;
  /** `false` turns the exchange log off (tests); otherwise logger options. */
  readonly log?: LoggerOptions | false;
  readonly webRoot?: string;
}

export interface Operations {
  /** Mount first in the gateway pipeline: true when it answered the request. */
  readonly handler: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  readonly metrics: Metrics;
  readonly logger: Logger | undefined;
  readonly bus: EventBus;
  /** Undefined when the dashboard is disabled, has no store or has no admin key. */
  readonly dashboard: Dashboard | undefined;
  /** Call once per finished exchange with its audit event (metrics, log, readiness). */
  observeExchange(event: AuditEventInput): void;
  /** Ends live dashboard streams so the server can close promptly. */
  close(): void;
}

export function createOperations(options: OperationsOptions): Operations {
  const { config } = options;
  const env = options.env ?? process.env;
  const routeUpstreams = new Map(config.routes.map((r) => [r.name, r.upstream]));
  const bus: EventBus = options.bus ?? createEventBus();
  const tracker = createUpstreamTracker(routeUpstreams);
  const logger = options.log === false ? undefined : createLogger(options.log ?? {});

  const adminKey = options.adminKey ?? (config.dashboard.adminKeyEnv ? env[config.dashboard.adminKeyEnv] : undefined);
  let dashboard: Dashboard | undefined;
  if (config.dashboard.enabled && options.store && adminKey) {
    dashboard = createDashboard({ store: options.store, bus, adminKey, ...(options.webRoot ? { webRoot: options.webRoot } : {}) });
  } else if (config.dashboard.enabled) {
    logger?.log('warn', 'dashboard disabled', { why: options.store ? 'no admin key: set the env var named by dashboard.adminKeyEnv' : 'no store' });
  }

  const gauges = [new Gauge('medguard_dashboard_live_streams', 'Open live dashboard streams.', () => dashboard?.liveCount ?? 0)];
  if (isInProcessBus(bus)) gauges.push(new Gauge('medguard_event_bus_subscribers', 'Subscribers of the in-process event bus.', () => bus.size));
  const health = options.storeHealth;
  if (health) {
    gauges.push(
      new Gauge('medguard_store_up', 'Whether the shared PostgreSQL store is reachable (1) or lost (0).', () => (health.available ? 1 : 0)),
      new Gauge('medguard_audit_spool_events', 'Audit events waiting in the local spool for PostgreSQL.', () => health.spooled),
      new Gauge('medguard_audit_spool_capacity', 'Audit events the spool holds at most (0 in closed mode).', () => (health.mode === 'spool' ? health.maxSpool : 0)),
    );
  }
  const metrics = createMetrics({ routeUpstreams, gauges });

  const checks: ReadinessCheck[] = [];
  if (options.store) checks.push(storeCheck(options.store, health));
  if (options.requireUpstreams) {
    for (const [name, up] of Object.entries(config.upstreams)) checks.push(upstreamCheck({ name, url: up.url, tracker }));
  }
  const details = health
    ? () => ({ store: { onLoss: health.mode, available: health.available, spooled: health.spooled, ...(health.mode === 'spool' ? { maxSpool: health.maxSpool } : {}) } })
    : undefined;
  const routes = createOpsRoutes({ metrics, checks, ...(details ? { details } : {}) });

  return {
    async handler(req, res) {
      if (await routes(req, res)) return true;
      return dashboard ? dashboard.handle(req, res) : false;
    },
    metrics,
    logger,
    bus,
    dashboard,
    observeExchange(event) {
      metrics.observeExchange(event);
      tracker.observe(event);
      logger?.exchange(event);
    },
    close() {
      dashboard?.close();
    },
  };
}
