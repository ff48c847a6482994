/**
 * The OpenAI-compatible surface. Only the endpoints below are inspected and forwarded; anything
 * else under the prefix is 404 unless the route lists it in `allowPaths` (forwarded, not inspected).
 */
import type { ResolvedRoute } from '../config/load.js';
import { GatewayError } from '../types.js';

export type EndpointKind = 'chat' | 'completions' | 'embeddings' | 'models' | 'passthrough' | 'fhir';

export interface Endpoint {
  readonly kind: EndpointKind;
  readonly route: ResolvedRoute;
  /** Path to request upstream relative to the upstream base URL, e.g. `/chat/completions`. */
  readonly upstreamPath: string;
}

const ENDPOINTS: readonly { path: string; method: string; kind: EndpointKind }[] = [
  { path: '/chat/completions', method: 'POST', kind: 'chat' },
  { path: '/completions', method: 'POST', kind: 'completions' },
  { path: '/embeddings', method: 'POST', kind: 'embeddings' },
  { path: '/models', method: 'GET', kind: 'models' },
];

/** Longest prefix first, so `/v1` and `/v1/special` can both be routes. */
export function matchEndpoint(routes: readonly ResolvedRoute[], method: string, pathname: string): Endpoint {
  const sorted = [...routes].sort((a, b) => b.prefix.length - a.prefix.length);
  for (const route of sorted) {
    const prefix = route.prefix.replace(/\/$/, '');
    if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) continue;
    const rest = pathname.slice(prefix.length) || '/';
    // A FHIR route serves every path under its prefix; src/gateway/fhir/ classifies and authorises it.
    if (route.type === 'fhir') return { kind: 'fhir', route, upstreamPath: rest };
    const known = ENDPOINTS.find((e) => e.path === rest);
    if (known) {
      if (method !== known.method) throw new GatewayError(405, 'MG_METHOD_NOT_ALLOWED', `${rest} accepts ${known.method} only`);
      return { kind: known.kind, route, upstreamPath: rest };
    }
    if (route.allowPaths.some((p) => rest === p || rest.startsWith(`${p}/`))) {
      return { kind: 'passthrough', route, upstreamPath: rest };
    }
  }
  throw new GatewayError(404, 'MG_ROUTE_NOT_FOUND', 'no route serves this path');
}
