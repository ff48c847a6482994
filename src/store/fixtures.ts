/** Small hand-written audit events for the store and audit tests (no real data, no PHI). */
import type { AuditEventInput, AuditFinding } from './types.js';

export const phoneFinding: AuditFinding = {
  family: 'phi',
  kind: 'phi.PHONE',
  detector: 'phi.rules',
  score: 0.93,
  severity: 'high',
  direction: 'response',
  fingerprint: '0123456789abcdef',
};

export const injectionFinding: AuditFinding = {
  family: 'injection',
  kind: 'injection.override',
  detector: 'injection.rules',
  score: 1,
  severity: 'critical',
  direction: 'request',
  fingerprint: 'fedcba9876543210',
};

export function sampleEvent(i: number, over: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    time: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    requestId: `req-${i}`,
    principal: i % 3 === 0 ? null : `key_${i % 2}`,
    role: i % 3 === 0 ? null : 'clinician',
    route: i % 2 === 0 ? 'clinical' : 'research',
    method: 'POST',
    path: '/v1/chat/completions',
    verdict: i % 5 === 0 ? 'block' : 'allow',
    reasons: i % 5 === 0 ? ['MG_POLICY_BLOCK'] : [],
    findings: i % 5 === 0 ? [injectionFinding] : i % 7 === 0 ? [phoneFinding] : [],
    status: i % 5 === 0 ? 400 : 200,
    upstreamStatus: i % 5 === 0 ? null : 200,
    gatewayMs: 1.25,
    upstreamMs: i % 5 === 0 ? null : 250,
    ...over,
  };
}
