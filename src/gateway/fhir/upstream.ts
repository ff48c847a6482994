/**
 * Sends a classified (and possibly constrained) FHIR request upstream. The path is rebuilt from
 * the classification rather than copied from the client, so what the server executes is exactly
 * what was authorised (a POST `_search` becomes a GET with the added parameters).
 */
import type { Json } from '../../fhir/compartment.js';
import type { FhirRequest, Param } from '../../fhir/request.js';
import type { HandlerContext } from '../app/deps.js';
import { GatewayError } from '../types.js';

export interface Forwarded {
  readonly status: number;
  readonly json: Json | undefined;
  /** Response headers passed to the client (ETag, Location, ...). */
  readonly headers: Record<string, string>;
  /** The upstream base URL, for rewriting links that point at it. */
  readonly base: string;
}

const PASS = ['etag', 'last-modified', 'location', 'content-location'];
const enc = encodeURIComponent;

export function pathOf(fr: FhirRequest): string {
  const t = fr.type === undefined ? '' : enc(fr.type);
  const i = fr.id === undefined ? '' : enc(fr.id);
  switch (fr.interaction) {
    case 'capabilities': return '/metadata';
    case 'read': return `/${t}/${i}`;
    case 'vread': return `/${t}/${i}/_history/${enc(fr.vid ?? '')}`;
    case 'history': return fr.level === 'instance' ? `/${t}/${i}/_history` : fr.level === 'type' ? `/${t}/_history` : '/_history';
    case 'search':
      if (fr.compartmentPatient !== undefined) return `/Patient/${enc(fr.compartmentPatient)}/${fr.type === undefined ? '*' : t}`;
      return fr.type === undefined ? '/' : `/${t}`;
    case 'create': return `/${t}`;
    case 'update': case 'patch': case 'delete': return `/${t}/${i}`;
    case 'everything': return `/${t}/${i}/$everything`;
    case 'export': return fr.level === 'instance' ? `/${t}/${i}/$export` : fr.level === 'type' ? `/${t}/$export` : '/$export';
    case 'batch': case 'transaction': return '/';
  }
}

export async function forward(ctx: HandlerContext, fr: FhirRequest, addParams: readonly Param[]): Promise<Forwarded> {
  const { deps, endpoint, x } = ctx;
  const upstream = deps.upstreams.get(endpoint.route.upstream);
  const config = deps.config.upstreams[endpoint.route.upstream];
  if (!upstream || !config) throw new GatewayError(500, 'MG_INTERNAL', 'route has no upstream');
  const qs = new URLSearchParams([...fr.params, ...addParams] as [string, string][]).toString();
  const method = fr.interaction === 'search' ? 'GET' : fr.method;
  const sendBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
  const sentAt = performance.now();
  const answer = await upstream.request({ method, path: `${pathOf(fr)}${qs ? `?${qs}` : ''}`, headers: ctx.req.headers, ...(sendBody && fr.body !== undefined ? { body: JSON.stringify(fr.body) } : {}), signal: ctx.signal });
  const buf = await upstream.readAll(answer.body);
  x.upstreamMs = (x.upstreamMs ?? 0) + performance.now() - sentAt;
  x.upstreamStatus = answer.status;
  const base = config.url.replace(/\/$/, '');
  const headers: Record<string, string> = {};
  for (const h of PASS) {
    const v = answer.headers[h];
    if (typeof v === 'string') headers[h] = v.startsWith(base) ? endpoint.route.prefix.replace(/\/$/, '') + v.slice(base.length) : v;
  }
  if (buf.length === 0) return { status: answer.status, json: undefined, headers, base };
  let json: unknown;
  try {
    json = JSON.parse(buf.toString('utf8'));
  } catch {
    throw new GatewayError(502, 'MG_UPSTREAM_INVALID', 'the FHIR server answer was not JSON');
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new GatewayError(502, 'MG_UPSTREAM_INVALID', 'the FHIR server answer was not a resource');
  return { status: answer.status, json: json as Json, headers, base };
}
