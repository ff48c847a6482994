/**
 * One pooled upstream (undici Pool: keep-alive, bounded connections). Only safe headers are
 * forwarded; the client's own credentials never reach the model provider, the configured key does.
 */
import { Pool, errors as undiciErrors } from 'undici';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { UpstreamConfig } from '../config/schema.js';
import { GatewayError } from '../types.js';

export interface UpstreamResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Readable;
}

export interface Upstream {
  readonly name: string;
  request(options: { method: string; path: string; headers: IncomingHttpHeaders; body?: string; signal: AbortSignal }): Promise<UpstreamResponse>;
  /** Reads a whole (non-streamed) body, refusing more than `maxResponseBytes`. */
  readAll(body: Readable): Promise<Buffer>;
  close(): Promise<void>;
}

/** Request headers passed through; everything else (cookies, the client's Authorization) stays here. */
const FORWARD = ['accept', 'accept-language', 'content-type', 'openai-organization', 'openai-project', 'user-agent'];

export function createUpstream(name: string, config: UpstreamConfig, env: NodeJS.ProcessEnv = process.env): Upstream {
  const url = new URL(config.url);
  const basePath = url.pathname.replace(/\/$/, '');
  const pool = new Pool(url.origin, {
    connections: config.connections,
    connectTimeout: config.timeouts.connectMs,
    headersTimeout: config.timeouts.headersMs,
    bodyTimeout: config.timeouts.bodyMs,
    keepAliveTimeout: 30_000,
  });
  const apiKey = config.apiKeyEnv ? env[config.apiKeyEnv] : undefined;

  return {
    name,
    async request({ method, path, headers, body, signal }) {
      const out: Record<string, string> = {};
      for (const h of FORWARD) {
        const v = headers[h];
        if (typeof v === 'string') out[h] = v;
      }
      if (apiKey) out.authorization = `Bearer ${apiKey}`;
      if (body !== undefined) out['content-type'] = 'application/json';
      try {
        const r = await pool.request({ method: method as 'GET' | 'POST', path: `${basePath}${path}`, headers: out, body, signal });
        return { status: r.statusCode, headers: r.headers, body: r.body };
      } catch (e) {
        throw mapError(e);
      }
    },
    async readAll(body) {
      const chunks: Buffer[] = [];
      let size = 0;
      try {
        for await (const chunk of body) {
          size += (chunk as Buffer).length;
          if (size > config.maxResponseBytes) {
            body.destroy();
            throw new GatewayError(502, 'MG_UPSTREAM_INVALID', 'upstream response is larger than the configured limit');
          }
          chunks.push(chunk as Buffer);
        }
      } catch (e) {
        throw mapError(e);
      }
      return Buffer.concat(chunks, size);
    },
    close: () => pool.close(),
  };
}

export function mapError(e: unknown): GatewayError {
  if (e instanceof GatewayError) return e;
  if (e instanceof undiciErrors.HeadersTimeoutError || e instanceof undiciErrors.BodyTimeoutError || e instanceof undiciErrors.ConnectTimeoutError) {
    return new GatewayError(504, 'MG_UPSTREAM_TIMEOUT', 'the upstream model did not answer in time');
  }
  if (e instanceof Error && e.name === 'AbortError') return new GatewayError(499, 'MG_CLIENT_CLOSED', 'the client closed the connection');
  // Only network-level failures mean "unreachable"; a bug of ours must not be blamed on the model.
  if (!(e instanceof undiciErrors.UndiciError) && !(e instanceof Error && 'code' in e)) return new GatewayError(500, 'MG_INTERNAL', 'internal gateway error');
  return new GatewayError(502, 'MG_UPSTREAM_UNAVAILABLE', 'the upstream model could not be reached');
}
