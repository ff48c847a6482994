/**
 * The response side of a FHIR exchange: every resource in the answer (a read, a searchset, a
 * batch-response, `$everything`, included resources) goes through the response guard and the
 * route's type allowlist; what falls outside is removed and each removal becomes a finding.
 */
import { admits, type Access, type Removal } from '../../fhir/authorize.js';
import { compartmentPatients, type Json } from '../../fhir/compartment.js';

export interface Removed {
  readonly resource: Json;
  readonly why: Removal | 'minimised';
}

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Why the client may not see `resource`, or null. */
export function verdictFor(resource: Json, access: Access, allowedTypes: ReadonlySet<string> | undefined): Removed['why'] | null {
  const type = resource.resourceType;
  if (allowedTypes && typeof type === 'string' && type !== 'OperationOutcome' && !allowedTypes.has(type)) return 'minimised';
  return admits(resource, access);
}

export interface Filtered {
  readonly kept: Json[];
  readonly removed: Removed[];
  /** Patients whose data the client received (for anomaly detection). */
  readonly patients: Set<string>;
}

/** Filters a Bundle's entries in place (searchset entries are dropped; batch-response entries lose their resource). */
export function filterBundle(bundle: Json, access: Access, allowedTypes: ReadonlySet<string> | undefined, depth = 0): Filtered {
  const out: Filtered = { kept: [], removed: [], patients: new Set() };
  if (!Array.isArray(bundle.entry)) return out;
  const responseBundle = bundle.type === 'batch-response' || bundle.type === 'transaction-response';
  const entries: unknown[] = [];
  let droppedMatches = 0;
  for (const e of bundle.entry as unknown[]) {
    const resource = isObject(e) ? e.resource : undefined;
    if (!isObject(e) || !isObject(resource)) {
      entries.push(e);
      continue;
    }
    // A batch-response carries one searchset Bundle per search entry: filter inside it, one level deep.
    if (resource.resourceType === 'Bundle' && depth === 0) {
      const inner = filterBundle(resource, access, allowedTypes, depth + 1);
      out.kept.push(...inner.kept);
      out.removed.push(...inner.removed);
      for (const p of inner.patients) out.patients.add(p);
      entries.push(e);
      continue;
    }
    const why = verdictFor(resource, access, allowedTypes);
    if (why === null) {
      out.kept.push(resource);
      for (const p of compartmentPatients(resource)) out.patients.add(p);
      entries.push(e);
      continue;
    }
    out.removed.push({ resource, why });
    if (responseBundle) {
      // The entry stays (positions match the request) without the resource it may not carry.
      delete e.resource;
      delete e.fullUrl;
      e.response = { status: '403 Forbidden' };
      entries.push(e);
    } else if (!isObject(e.search) || e.search.mode !== 'include') droppedMatches++;
  }
  bundle.entry = entries;
  if (typeof bundle.total === 'number') bundle.total = Math.max(0, bundle.total - droppedMatches);
  return out;
}

/** A paging link the client follows: absolute links to the upstream are rewritten relative to the route. */
export function rewriteLinks(bundle: Json, upstreamBase: string, routePrefix: string): void {
  if (!Array.isArray(bundle.link)) return;
  for (const l of bundle.link as unknown[]) {
    if (isObject(l) && typeof l.url === 'string' && l.url.startsWith(upstreamBase)) l.url = routePrefix + l.url.slice(upstreamBase.length);
  }
}
