/**
 * The hash chain. Each event's hash covers the previous hash and the canonical form of the event
 * INCLUDING its sequence number, so an edited, reordered, inserted or deleted row breaks the chain
 * at that row. What is covered, exactly: `sha256(prevHash + "\n" + canonicalJson(body))` where
 * body = every AuditEventInput field plus `seq` (see `chainBody`); `prevHash` and `hash` are not
 * in the body (prevHash is already the hash input's first line).
 */
import { createHash } from 'node:crypto';
import type { AuditEventInput, StoredEvent } from '../store/types.js';
import { canonicalJson } from './canonical.js';

/** prevHash of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The object the chain hashes; field list is explicit so a new optional field is a conscious choice. */
export function chainBody(seq: number, e: AuditEventInput): Record<string, unknown> {
  return {
    seq,
    time: e.time,
    requestId: e.requestId,
    principal: e.principal,
    role: e.role,
    route: e.route,
    method: e.method,
    path: e.path,
    verdict: e.verdict,
    reasons: e.reasons,
    findings: e.findings.map((f) => ({
      family: f.family,
      kind: f.kind,
      detector: f.detector,
      score: f.score,
      severity: f.severity,
      direction: f.direction,
      fingerprint: f.fingerprint,
    })),
    status: e.status,
    upstreamStatus: e.upstreamStatus,
    gatewayMs: e.gatewayMs,
    upstreamMs: e.upstreamMs,
  };
}

export function canonicalEvent(seq: number, e: AuditEventInput): string {
  return canonicalJson(chainBody(seq, e));
}

export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/** The event a store keeps, computed from its predecessor's hash. */
export function linkEvent(seq: number, prevHash: string, e: AuditEventInput): { canonical: string; event: StoredEvent } {
  const canonical = canonicalEvent(seq, e);
  const body = chainBody(seq, e) as unknown as AuditEventInput;
  return { canonical, event: { ...body, seq, prevHash, hash: chainHash(prevHash, canonical) } };
}

/** Rebuilds a StoredEvent from its stored canonical text (the authoritative copy of the row). */
export function parseCanonical(canonical: string, prevHash: string, hash: string): StoredEvent {
  const body = JSON.parse(canonical) as AuditEventInput & { seq: number };
  return { ...body, prevHash, hash };
}
