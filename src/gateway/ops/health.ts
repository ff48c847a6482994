/**
 * Liveness and readiness. `/healthz` answers while the process runs its event loop. `/readyz`
 * asks each check: the store answers a one-row query (or, with `store.onLoss: spool`, is lost but
 * its spool has room: degraded, still ready), and each upstream either served an
 * exchange recently or accepts a TCP connection — or is not required at all (the default: a
 * shared model outage should not pull every gateway out of the load balancer, because the
 * gateways still answer with clear 502s and audit them).
 */
import { connect } from 'node:net';
import type { AuditEventInput, Store } from '../../store/types.js';

export interface ReadinessCheck {
  readonly name: string;
  /**
   * Resolves true when ready, `'degraded'` when serving in a reduced mode (still ready), false
   * when not; must settle quickly (it is bounded by a timeout anyway).
   */
  check(): Promise<boolean | 'degraded'>;
}

/** What the PostgreSQL store with its `onLoss` mode tells readiness and metrics (a ResilientStore). */
export interface StoreHealth {
  readonly mode: 'closed' | 'spool';
  /** False while PostgreSQL is known to be unreachable. */
  readonly available: boolean;
  readonly spooled: number;
  readonly maxSpool: number;
}

/** Spool mode with room left: the instance keeps serving and records every event, only later. */
const spoolHasRoom = (h: StoreHealth): boolean => h.mode === 'spool' && h.spooled < h.maxSpool;

/**
 * The store answers a one-row query. With `health` in spool mode, a lost store is `degraded`
 * rather than not-ready while the spool has room: the instance serves and records, and taking it
 * out of the load balancer would remove every instance exactly when the spool is meant to keep
 * them serving. A full spool, or closed mode, is not-ready. The query gets its own bound, shorter
 * than readiness's, so a hanging connection still ends as degraded rather than as a timeout.
 */
export function storeCheck(store: Store, health?: StoreHealth, queryTimeoutMs = 1500): ReadinessCheck {
  return {
    name: 'store',
    async check() {
      if (health && !health.available) return spoolHasRoom(health) ? 'degraded' : false;
      try {
        await within(store.audit.query({ limit: 1 }), queryTimeoutMs, () => Promise.reject(new Error('store query timed out')));
        return true;
      } catch (e) {
        if (health && spoolHasRoom(health)) return 'degraded';
        throw e;
      }
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

export type CheckState = 'ok' | 'degraded' | 'fail';

export interface Readiness {
  /** No check failed (a degraded check is still ready). */
  readonly ready: boolean;
  readonly status: 'ready' | 'degraded' | 'not_ready';
  readonly checks: Readonly<Record<string, CheckState>>;
}

/** Runs every check concurrently, each bounded by `timeoutMs`; a throw or a timeout is a failure. */
export async function readiness(checks: readonly ReadinessCheck[], timeoutMs = 2000): Promise<Readiness> {
  const results = await Promise.all(
    checks.map(async (c) => {
      const r = await within(c.check().catch(() => false as const), timeoutMs, () => Promise.resolve(false as const));
      return [c.name, r === 'degraded' ? 'degraded' : r ? 'ok' : 'fail'] as const;
    }),
  );
  const out: Record<string, CheckState> = {};
  for (const [name, state] of results) out[name] = state;
  const states = results.map(([, state]) => state);
  const status = states.includes('fail') ? 'not_ready' : states.includes('degraded') ? 'degraded' : 'ready';
  return { ready: status !== 'not_ready', status, checks: out };
}

/** `work`, or what `late()` settles to if `work` has not settled within `ms`; the timer is always cleared. */
async function within<T>(work: Promise<T>, ms: number, late: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(late()), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
