/** Turning a verified JWT payload into a Principal, by the configured claim mapping. */
import type { ClaimsConfig } from '../config/identity.js';
import { GatewayError, type Principal } from '../types.js';

const MAX_CLAIM_CHARS = 256;
const MAX_SCOPES = 256;

/** Own properties only: a path like `__proto__.x` must not walk into Object.prototype. */
export function claimAt(payload: unknown, path: string): unknown {
  let value: unknown = payload;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const shortString = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 && v.length <= MAX_CLAIM_CHARS ? v : undefined);

/** A string claim, or the first string of an array claim (`roles: ["clinician", ...]`). */
function firstString(v: unknown): string | undefined {
  if (Array.isArray(v)) return shortString(v.find((x) => typeof x === 'string'));
  return shortString(v);
}

/** `scope` (space-separated, RFC 8693 / SMART) or `scp` (an array, Azure AD / Okta). */
export function scopesOf(payload: unknown): string[] {
  const scope = claimAt(payload, 'scope');
  if (typeof scope === 'string') return scope.split(' ').filter((s) => s.length > 0 && s.length <= MAX_CLAIM_CHARS).slice(0, MAX_SCOPES);
  const scp = claimAt(payload, 'scp');
  if (Array.isArray(scp)) return scp.filter((s): s is string => shortString(s) !== undefined).slice(0, MAX_SCOPES);
  if (typeof scp === 'string') return scopesOf({ scope: scp });
  return [];
}

export function principalFromClaims(payload: unknown, claims: ClaimsConfig): Principal {
  const id = shortString(claimAt(payload, claims.principal));
  // A token without an identity cannot be limited or audited per caller.
  if (id === undefined) throw new GatewayError(401, 'MG_AUTH_INVALID', 'the token carries no principal claim');
  let patient: string | null = null;
  for (const path of claims.patient) {
    const p = shortString(claimAt(payload, path));
    if (p !== undefined) {
      patient = p;
      break;
    }
  }
  return {
    id,
    name: shortString(claimAt(payload, claims.name)) ?? id,
    role: firstString(claimAt(payload, claims.role)) ?? claims.defaultRole,
    patient,
    via: 'jwt',
    scopes: scopesOf(payload),
  };
}
