/**
 * Liveness and readiness. `/healthz` answers while the process runs its event loop. `/readyz`
 * asks each check: the store answers a one-row query, and each upstream either served an
 * exchange recently or accepts a TCP connection — or is not required at all (the default: a
 * shared model outage should not pull every gateway out of the load balancer, because the
 * gateways still answer with clear 502s and audit them).
 */
import { connect } from 'node:net';
import type { AuditEventInput, Store } from '../../store/types.js';

export interface ReadinessCheck {
  readonly name: string;
  /** Resolves true when ready; must settle quickly (it is bounded by a timeout anyway). */
  check(): Promise<boolean>;
}

export function storeCheck(store: Store): ReadinessCheck {
  return {
    name: 'store',
    async check() {
      await store.audit.query({ limit: 1 });
      return true;
    },
  };
}

/** Remembers when each upstream last answered, from finished exchanges. */
export interface UpstreamTracker {
  observe(event: AuditEventInput): void;
  lastOk(upstream: string): number | undefined;
}

export function createUpstreamTracker(routeUpstreams: ReadonlyMap<string, string>, now: () => number = Date.now): UpstreamTracker {
  const last = new Map<string, number>();
  return {
    observe(event) {
      const up = routeUpstreams.get(event.route);
      if (up !== undefined && event.upstreamStatus !== null && event.upstreamStatus < 500) last.set(up, now());
    },
    lastOk: (upstream) => last.get(upstream),
  };
}

export interface UpstreamCheckOptions {
  readonly name: string;
  readonly url: string;
  readonly tracker: UpstreamTracker;
  /** A successful exchange younger than this counts as reachable (default 30 s). */
  readonly freshMs?: number;
  /** TCP connect probe timeout (default 1 s); a probe result is reused for `freshMs / 6`. */
  readonly probeTimeoutMs?: number;
  readonly now?: () => number;
}

export function upstreamCheck(options: UpstreamCheckOptions): ReadinessCheck {
  const freshMs = options.freshMs ?? 30_000;
  const now = options.now ?? Date.now;
  const target = new URL(options.url);
  const port = Number(target.port) || (target.protocol === 'https:' ? 443 : 80);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  let probed: { at: number; ok: boolean } | undefined;
  return {
    name: `upstream:${options.name}`,
    async check() {
      const t = now();
      const ok = options.tracker.lastOk(options.name);
      if (ok !== undefined && t - ok <= freshMs) return true;
      if (probed && t - probed.at <= freshMs / 6) return probed.ok;
      const result = await tcpProbe(host, port, options.probeTimeoutMs ?? 1000);
      probed = { at: t, ok: result };
      return result;
    },
  };
}

function tcpProbe(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export interface Readiness {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, 'ok' | 'fail'>>;
}

/** Runs every check concurrently, each bounded by `timeoutMs`; a throw or a timeout is a failure. */
export async function readiness(checks: readonly ReadinessCheck[], timeoutMs = 2000): Promise<Readiness> {
  const results = await Promise.all(
    checks.map(async (c) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      try {
        return [c.name, await Promise.race([c.check().catch(() => false), timeout])] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const out: Record<string, 'ok' | 'fail'> = {};
  for (const [name, ok] of results) out[name] = ok ? 'ok' : 'fail';
  return { ready: results.every(([, ok]) => ok), checks: out };
}
