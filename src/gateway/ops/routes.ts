/**
 * `GET /healthz`, `GET /readyz`, `GET /metrics`: unauthenticated, because probes and scrapers
 * rarely carry credentials — none of them reveal request content (see docs/OPERATIONS.md on
 * keeping them off the public network).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorBody, sendJson } from '../app/respond.js';
import { readiness, type ReadinessCheck } from './health.js';
import type { Metrics } from './metrics.js';
import { CONTENT_TYPE } from './prom.js';

export const OPS_PATHS = ['/healthz', '/readyz', '/metrics'] as const;

export interface OpsRoutesOptions {
  readonly metrics: Metrics;
  readonly checks: readonly ReadinessCheck[];
  /** Extra fields for the `/readyz` body (the store's loss mode and spool level). */
  readonly details?: () => Readonly<Record<string, unknown>>;
}

/** True when it answered (one of the three paths), false to let the gateway handle the request. */
export type OpsRoutes = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export function createOpsRoutes(options: OpsRoutesOptions): OpsRoutes {
  return async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/healthz' && path !== '/readyz' && path !== '/metrics') return false;
    req.resume();
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, errorBody(405, 'MG_METHOD_NOT_ALLOWED', 'only GET is allowed here'), { allow: 'GET, HEAD' });
      return true;
    }
    if (path === '/healthz') {
      sendJson(res, 200, JSON.stringify({ status: 'ok' }));
    } else if (path === '/readyz') {
      const r = await readiness(options.checks);
      sendJson(res, r.ready ? 200 : 503, JSON.stringify({ status: r.status, checks: r.checks, ...options.details?.() }));
    } else {
      const body = options.metrics.render();
      res.writeHead(200, { 'content-type': CONTENT_TYPE, 'content-length': String(Buffer.byteLength(body)), 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    }
    return true;
  };
}
