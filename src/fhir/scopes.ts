/**
 * SMART on FHIR scopes, both syntaxes, parsed into one grant shape:
 * - v1: `patient/Observation.read`, `user/*.write`, `system/*.*`
 * - v2: `patient/Observation.rs`, `user/Condition.cruds`, `patient/Observation.rs?category=laboratory`
 * v1 `read` means read+search (`rs`), `write` create+update+delete (`cud`), `*` all five.
 * Scopes that grant no resource access (`openid`, `launch/patient`, `fhirUser`, ...) are not
 * errors: a SMART server ignores them, so do we.
 */
import { MedguardError } from '../core/errors.js';

export type ScopeContext = 'patient' | 'user' | 'system';
/** create, read, update, delete, search (SMART v2 letters). */
export type Op = 'c' | 'r' | 'u' | 'd' | 's';
export const OPS: readonly Op[] = ['c', 'r', 'u', 'd', 's'];

export interface Grant {
  readonly context: ScopeContext;
  /** A resource type or `*`. */
  readonly type: string;
  readonly ops: ReadonlySet<Op>;
  /** v2 search-parameter restrictions, `[name, value]`, all of which must hold. */
  readonly restrictions: readonly (readonly [string, string])[];
  readonly version: 1 | 2;
  /** The scope as written (for explanations; it carries no patient data). */
  readonly source: string;
}

const MAX_SCOPE_CHARS = 256;
const MAX_RESTRICTIONS = 8;
/** Scopes with no resource grant; ignored rather than refused. */
const NON_RESOURCE = /^(openid|profile|fhirUser|offline_access|online_access|launch(\/[A-Za-z]+)?)$/;
// Anchored, no nested quantifiers: linear on any input.
const SHAPE = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]{1,63})\.([a-z*]{1,5})(\?.*)?$/;
const RESTRICTION_NAME = /^[a-z_][a-z0-9_-]{0,63}(:[a-z-]{1,32})?$/;
const RESTRICTION_VALUE = /^[A-Za-z0-9._:/|~-]{1,200}$/;

const V1: Readonly<Record<string, readonly Op[]>> = { read: ['r', 's'], write: ['c', 'u', 'd'], '*': OPS };

function invalid(scope: string, why: string): MedguardError {
  // The scope is echoed only when short and printable: it is a credential attribute, not PHI.
  const shown = scope.length <= 80 && /^[\x21-\x7e]+$/.test(scope) ? `"${scope}"` : '(unprintable)';
  return new MedguardError('MG_FHIR_SCOPE_INVALID', `scope ${shown}: ${why}`, { field: 'scope' });
}

/** One scope string → a grant, `null` for a non-resource scope, or MG_FHIR_SCOPE_INVALID. */
export function parseScope(scope: string): Grant | null {
  if (scope.length === 0 || scope.length > MAX_SCOPE_CHARS) throw invalid(scope, `expected 1-${MAX_SCOPE_CHARS} characters`);
  if (NON_RESOURCE.test(scope)) return null;
  const m = SHAPE.exec(scope);
  if (!m) throw invalid(scope, 'expected context/Type.permissions such as patient/Observation.rs or user/*.read');
  const [, context, type, perms, query] = m as unknown as [string, ScopeContext, string, string, string | undefined];
  let ops: readonly Op[];
  let version: 1 | 2;
  const v1 = V1[perms];
  if (v1) {
    ops = v1;
    version = 1;
  } else {
    ops = parseV2(scope, perms);
    version = 2;
  }
  const restrictions = query === undefined ? [] : parseRestrictions(scope, query);
  if (restrictions.length > 0 && version === 1) throw invalid(scope, 'search restrictions (?name=value) need v2 permissions such as .rs');
  if (restrictions.length > 0 && type === '*') throw invalid(scope, 'search restrictions need a resource type, not *');
  return { context, type, ops: new Set(ops), restrictions, version, source: scope };
}

/** v2 letters must appear in the order c r u d s, each at most once. */
function parseV2(scope: string, perms: string): Op[] {
  const out: Op[] = [];
  let at = 0;
  for (const ch of perms) {
    const i = OPS.indexOf(ch as Op);
    if (i < 0) throw invalid(scope, `unknown permission "${ch}"; use read, write, * (v1) or letters of cruds (v2)`);
    if (i < at) throw invalid(scope, 'v2 permissions must be in the order c r u d s, each once');
    out.push(ch as Op);
    at = i + 1;
  }
  return out;
}

function parseRestrictions(scope: string, query: string): (readonly [string, string])[] {
  const pairs = query.slice(1).split('&');
  if (pairs.length > MAX_RESTRICTIONS) throw invalid(scope, `at most ${MAX_RESTRICTIONS} restrictions`);
  return pairs.map((pair) => {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    let value = eq < 0 ? '' : pair.slice(eq + 1);
    try {
      value = decodeURIComponent(value);
    } catch {
      throw invalid(scope, 'restriction value is not valid percent-encoding');
    }
    if (!RESTRICTION_NAME.test(name) || name.includes('.')) throw invalid(scope, 'restriction must be name=value with a plain search parameter name');
    if (!RESTRICTION_VALUE.test(value)) throw invalid(scope, 'restriction value must be a token such as laboratory or http://system|code');
    return [name, value] as const;
  });
}

export interface ParsedScopes {
  readonly grants: readonly Grant[];
  /** Malformed scopes: they grant nothing (a typo must never widen access). */
  readonly invalid: readonly MedguardError[];
}

/** Parses a token's scopes; malformed ones are collected, not thrown, and grant nothing. */
export function parseScopes(scopes: readonly string[]): ParsedScopes {
  const grants: Grant[] = [];
  const bad: MedguardError[] = [];
  for (const s of scopes) {
    try {
      const g = parseScope(s);
      if (g) grants.push(g);
    } catch (e) {
      if (e instanceof MedguardError) bad.push(e);
      else throw e;
    }
  }
  return { grants, invalid: bad };
}

/** Grants that allow `op` on `type`. */
export function grantsFor(grants: readonly Grant[], type: string, op: Op): Grant[] {
  return grants.filter((g) => (g.type === '*' || g.type === type) && g.ops.has(op));
}
