/**
 * One stored event as a FHIR R4 AuditEvent. Required R4 elements: type (Coding), recorded
 * (instant), agent (1..*, each with requestor), source (observer). Findings go in entity.detail as
 * kind, severity and keyed fingerprint: never a value, so the export is as safe to ship as the trail.
 */
import type { StoredEvent } from '../store/types.js';
import { canonicalJson } from './canonical.js';

const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
const VERDICT_SYSTEM = 'urn:medguard:audit:verdict';
const ROUTE_SYSTEM = 'urn:medguard:audit:route';
const ACTION_EXECUTE = 'E';

/**
 * R4 AuditEventOutcome: 0 success, 4 minor failure, 8 serious failure. The status decides first: a
 * refused credential (401, verdict error) is a minor failure, a failing upstream (502) a serious one.
 */
export function outcomeOf(e: Pick<StoredEvent, 'verdict' | 'status'>): '0' | '4' | '8' {
  if (e.status >= 500) return '8';
  if (e.status >= 400 || e.verdict === 'block') return '4';
  return e.verdict === 'error' ? '8' : '0';
}

/** A stable urn:uuid from the event's chain hash, so re-exports give the same fullUrl. */
export function uuidOf(hash: string): string {
  const h = hash.padEnd(32, '0');
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface FhirOptions {
  /** Names this medguard instance in `source.observer` (e.g. the host name). */
  readonly observer: string;
}

export function toAuditEvent(e: StoredEvent, options: FhirOptions): Record<string, unknown> {
  return {
    resourceType: 'AuditEvent',
    id: `mg-${e.seq}`,
    type: { system: DCM, code: '110100', display: 'Application Activity' },
    subtype: [
      { system: VERDICT_SYSTEM, code: e.verdict, display: `verdict ${e.verdict}` },
      { system: ROUTE_SYSTEM, code: e.route },
    ],
    action: ACTION_EXECUTE,
    recorded: e.time,
    outcome: outcomeOf(e),
    ...(e.reasons.length > 0 ? { outcomeDesc: e.reasons.join(' ') } : {}),
    agent: [
      {
        who: e.principal === null ? { display: 'unauthenticated client' } : { identifier: { system: 'urn:medguard:principal', value: e.principal } },
        ...(e.role === null ? {} : { role: [{ text: e.role }] }),
        requestor: true,
      },
    ],
    source: {
      site: 'medguard',
      observer: { display: options.observer },
      // security-source-type 6: Security Server.
      type: [{ system: 'http://terminology.hl7.org/CodeSystem/security-source-type', code: '6', display: 'Security Server' }],
    },
    entity: [
      {
        what: { identifier: { system: 'urn:medguard:request', value: e.requestId } },
        // audit-entity-type 2: System Object (the HTTP exchange).
        type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '2', display: 'System Object' },
        name: `${e.method} ${e.path}`,
        detail: [
          { type: 'medguard.seq', valueString: String(e.seq) },
          { type: 'medguard.hash', valueString: e.hash },
          { type: 'medguard.prevHash', valueString: e.prevHash },
          { type: 'http.status', valueString: String(e.status) },
          ...e.findings.map((f) => ({
            type: 'medguard.finding',
            valueString: canonicalJson({ kind: f.kind, severity: f.severity, fingerprint: f.fingerprint, direction: f.direction, detector: f.detector, score: f.score }),
          })),
        ],
      },
    ],
  };
}
