/**
 * The request pipeline: a closed list of stages run in order — request id → ops routes →
 * authenticate → route → limits → handler (parse, inspect, policy, proxy, inspect answer,
 * respond) — and, whatever happens, exactly one audit event in `finally`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LimitTicket } from '../types.js';
import { matchEndpoint } from '../routes/openai.js';
import { handleInspected } from '../routes/inspected.js';
import { handlePassthrough } from '../routes/passthrough.js';
import { handleFhir } from '../fhir/handler.js';
import type { AppDeps } from './deps.js';
import { auditEvent, newExchange, type Exchange } from './exchange.js';
import { sendError, toGatewayError } from './respond.js';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export function createApp(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const x = newExchange(req);
    res.setHeader('x-request-id', x.requestId);
    if (deps.ops && (await deps.ops(req, res))) return;
    const abort = new AbortController();
    const onClose = (): void => {
      if (!res.writableFinished) {
        x.clientClosed = true;
        abort.abort();
      }
    };
    res.on('close', onClose);
    let ticket: LimitTicket | undefined;
    try {
      x.principal = await deps.authenticator.authenticate(req.headers);
      const endpoint = matchEndpoint(deps.config.routes, req.method ?? 'GET', x.path);
      x.route = endpoint.route.name;
      ticket = await deps.limiter?.acquire(x.principal, endpoint.route.name);
      const ctx = { req, res, x, endpoint, signal: abort.signal, deps, ticket };
      if (endpoint.kind === 'models' || endpoint.kind === 'passthrough') await handlePassthrough(ctx);
      else if (endpoint.kind === 'fhir') await handleFhir(ctx);
      else await handleInspected(ctx);
    } catch (e) {
      fail(x, res, e);
    } finally {
      ticket?.release();
      res.off('close', onClose);
      if (x.clientClosed && !res.writableFinished) {
        x.reasons.add('MG_CLIENT_CLOSED');
        if (x.verdict !== 'block') x.verdict = 'error';
      }
      await audit(deps, x);
    }
  };
}

function fail(x: Exchange, res: ServerResponse, e: unknown): void {
  const err = toGatewayError(e);
  if (x.verdict !== 'block') x.verdict = 'error';
  x.reasons.add(err.code);
  if (x.clientClosed) {
    x.status = 499;
    res.destroy();
    return;
  }
  if (res.headersSent) {
    res.destroy();
    return;
  }
  x.status = err.status;
  // An unread body (refused before parsing) is not worth reading: answer, then close the connection.
  if (!res.req.readableEnded) {
    res.setHeader('connection', 'close');
    res.req.resume();
  }
  sendError(res, err);
}

async function audit(deps: AppDeps, x: Exchange): Promise<void> {
  try {
    const event = auditEvent(x);
    try {
      deps.onExchange?.(event);
    } catch {
      // Metrics and logs must never cost the exchange its audit event.
    }
    if (!deps.store) return;
    const stored = await deps.store.audit.append(event);
    deps.bus?.publish(stored);
  } catch (e) {
    deps.onAuditError(e);
  }
}
