import type { ServerResponse } from 'node:http';
import { GatewayError } from '../types.js';

const TYPES: Readonly<Record<number, string>> = {
  400: 'invalid_request_error', 401: 'authentication_error', 403: 'permission_error', 404: 'not_found_error',
  405: 'invalid_request_error', 413: 'invalid_request_error', 415: 'invalid_request_error', 429: 'rate_limit_error',
  499: 'client_closed', 500: 'server_error', 502: 'upstream_error', 504: 'upstream_error',
};

export const errorType = (status: number): string => TYPES[status] ?? (status >= 500 ? 'server_error' : 'invalid_request_error');

/** The OpenAI-style error body; the message is ours (fixed text), never the client's input. */
export function errorBody(status: number, code: string, message: string): string {
  return JSON.stringify({ error: { message, type: errorType(status), code } });
}

export function sendJson(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), 'cache-control': 'no-store', ...headers });
  res.end(body);
}

export function sendError(res: ServerResponse, err: GatewayError): void {
  const headers: Record<string, string> = {};
  if (err.retryAfterSeconds !== undefined) headers['retry-after'] = String(Math.max(1, Math.ceil(err.retryAfterSeconds)));
  if (err.status === 405) headers.allow = 'GET, POST';
  sendJson(res, err.status, errorBody(err.status, err.code, err.message), headers);
}

/** Anything that is not already a GatewayError becomes a 500 with no detail (stacks stay in the process). */
export function toGatewayError(e: unknown): GatewayError {
  if (e instanceof GatewayError) return e;
  return new GatewayError(500, 'MG_INTERNAL', 'internal gateway error');
}
