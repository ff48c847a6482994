/**
 * The gateway's metrics, fed one finished exchange at a time (the same event the audit trail gets,
 * so counts and the trail agree). Labels are bounded: routes and upstreams come from the config,
 * verdicts and reasons are code sets, finding kinds are the detector registry's; never principals.
 */
import type { AuditEventInput } from '../../store/types.js';
import { Counter, Gauge, Histogram } from './prom.js';

/** Seconds. Fine steps below 10 ms because the gateway's own share is the number that matters. */
const ADDED_BUCKETS = [0.0005, 0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const UPSTREAM_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

const UPSTREAM_ERRORS: Readonly<Record<string, string>> = {
  MG_UPSTREAM_UNAVAILABLE: 'unavailable',
  MG_UPSTREAM_TIMEOUT: 'timeout',
  MG_UPSTREAM_INVALID: 'invalid',
};

export interface Metrics {
  /** Counts one finished exchange; cheap (a few map look-ups), called on the request path. */
  observeExchange(event: AuditEventInput): void;
  /** The exposition text for `GET /metrics`. */
  render(): string;
}

export interface MetricsOptions {
  /** Route name → upstream name, to label upstream latency and errors by upstream. */
  readonly routeUpstreams?: ReadonlyMap<string, string>;
  /** Extra gauges read at scrape time (e.g. live dashboard subscribers). */
  readonly gauges?: readonly Gauge[];
  /** Process RSS in bytes; injectable for tests. */
  readonly rss?: () => number;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const routeUpstreams = options.routeUpstreams ?? new Map<string, string>();
  const requests = new Counter('medguard_requests_total', 'Exchanges finished, by route and verdict.', ['route', 'verdict']);
  const reasons = new Counter('medguard_verdict_reasons_total', 'Reason codes recorded on finished exchanges.', ['reason']);
  const findings = new Counter('medguard_findings_total', 'Findings recorded, by finding kind.', ['kind']);
  const added = new Histogram('medguard_gateway_added_seconds', 'Time spent in medguard per exchange, excluding the upstream.', ['route'], ADDED_BUCKETS);
  const upstream = new Histogram('medguard_upstream_seconds', 'Time waiting for the upstream model per exchange.', ['upstream'], UPSTREAM_BUCKETS);
  const upstreamErrors = new Counter('medguard_upstream_errors_total', 'Upstream failures, by upstream and kind (unavailable, timeout, invalid, status_5xx).', ['upstream', 'kind']);
  const rss = options.rss ?? (() => process.memoryUsage.rss());
  const gauges = [
    new Gauge('process_resident_memory_bytes', 'Resident memory of the gateway process in bytes.', rss),
    new Gauge('process_start_time_seconds', 'Start time of the process since the Unix epoch in seconds.', () => Math.round(Date.now() / 1000 - process.uptime())),
    ...(options.gauges ?? []),
  ];

  return {
    observeExchange(event) {
      requests.inc({ route: event.route, verdict: event.verdict });
      for (const reason of event.reasons) reasons.inc({ reason });
      for (const f of event.findings) findings.inc({ kind: f.kind });
      added.observe({ route: event.route }, event.gatewayMs / 1000);
      const up = routeUpstreams.get(event.route) ?? '-';
      if (event.upstreamMs !== null) upstream.observe({ upstream: up }, event.upstreamMs / 1000);
      let failed = false;
      for (const reason of event.reasons) {
        const kind = UPSTREAM_ERRORS[reason];
        if (kind) {
          upstreamErrors.inc({ upstream: up, kind });
          failed = true;
        }
      }
      if (!failed && event.upstreamStatus !== null && event.upstreamStatus >= 500) upstreamErrors.inc({ upstream: up, kind: 'status_5xx' });
    },
    render() {
      return [requests, reasons, findings, added, upstream, upstreamErrors, ...gauges].map((m) => m.render()).join('');
    },
  };
}
