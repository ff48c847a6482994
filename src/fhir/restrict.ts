/**
 * SMART v2 search-parameter restrictions (`patient/Observation.rs?category=laboratory`) checked
 * against a returned resource. Only token-style restrictions are understood: the parameter's
 * element (same name; a few R4 exceptions below) must hold a code, `system|code` or `|code`
 * matching the value. A restriction we cannot evaluate does not match (fail closed).
 */
import { valuesAt, type Json } from './compartment.js';
import type { Grant } from './scopes.js';

/** Search parameter → element where the names differ (R4). */
const ELEMENT: Readonly<Record<string, string>> = { 'clinical-status': 'clinicalStatus', 'verification-status': 'verificationStatus', type: 'type', class: 'class' };

function tokenMatches(v: unknown, system: string | undefined, code: string): boolean {
  if (typeof v === 'string') return system === undefined && v === code;
  if (v === null || typeof v !== 'object') return false;
  const o = v as Json;
  if (typeof o.code === 'string' && o.code === code && (system === undefined || o.system === system || (system === '' && o.system === undefined))) return true;
  if (Array.isArray(o.coding)) return o.coding.slice(0, 100).some((c) => tokenMatches(c, system, code));
  return false;
}

export function restrictionHolds(resource: Json, name: string, value: string): boolean {
  const bar = value.indexOf('|');
  const system = bar < 0 ? undefined : value.slice(0, bar);
  const code = bar < 0 ? value : value.slice(bar + 1);
  const element = ELEMENT[name] ?? name;
  return valuesAt(resource, element).some((v) => tokenMatches(v, system, code));
}

/** True when some grant admits the resource: unrestricted, or all of its restrictions hold. */
export function anyGrantAdmits(grants: readonly Grant[], resource: Json): boolean {
  return grants.some((g) => g.restrictions.every(([n, v]) => restrictionHolds(resource, n.split(':')[0] ?? n, v)));
}
