/**
 * GET /models and the route's `allowPaths`: forwarded without text inspection (no prompts go
 * through them), still authenticated, limited, size-capped and audited.
 */
import type { HandlerContext } from '../app/deps.js';
import { readBody } from '../app/body.js';
import { sendJson } from '../app/respond.js';
import { GatewayError } from '../types.js';

export async function handlePassthrough(ctx: HandlerContext): Promise<void> {
  const { req, x, endpoint, deps } = ctx;
  const upstream = deps.upstreams.get(endpoint.route.upstream);
  if (!upstream) throw new GatewayError(500, 'MG_INTERNAL', 'route has no upstream');
  const method = req.method === 'POST' ? 'POST' : 'GET';
  const raw = method === 'POST' ? (await readBody(req, deps.config.limits)).toString('utf8') : undefined;
  const sentAt = performance.now();
  const answer = await upstream.request({ method, path: endpoint.upstreamPath, headers: req.headers, ...(raw === undefined ? {} : { body: raw }), signal: ctx.signal });
  const buf = await upstream.readAll(answer.body);
  x.upstreamMs = performance.now() - sentAt;
  x.upstreamStatus = answer.status;
  x.status = answer.status;
  const type = String(answer.headers['content-type'] ?? '');
  if (!type.startsWith('application/json')) throw new GatewayError(502, 'MG_UPSTREAM_INVALID', 'the upstream answer was not JSON');
  sendJson(ctx.res, answer.status, buf.toString('utf8'));
}
