/**
 * The state of one exchange, filled in as the stages run, and turned into exactly one audit event
 * at the end whatever happened (block, upstream failure, client gone).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AuditEventInput, AuditFinding, Verdict } from '../../store/types.js';
import type { Principal } from '../types.js';
import type { Decided } from '../policy/decide.js';
import type { Fingerprinter } from '../inspect/fingerprint.js';

export interface Exchange {
  readonly requestId: string;
  readonly startedAt: number;
  readonly time: string;
  readonly method: string;
  readonly path: string;
  route: string;
  principal: Principal | null;
  verdict: Verdict;
  readonly reasons: Set<string>;
  readonly findings: AuditFinding[];
  status: number;
  upstreamStatus: number | null;
  upstreamMs: number | null;
  clientClosed: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function newExchange(req: IncomingMessage): Exchange {
  const given = req.headers['x-request-id'];
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  return {
    requestId: typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID(),
    startedAt: performance.now(),
    time: new Date().toISOString(),
    method: req.method ?? 'GET',
    // Only the path is kept: query strings can carry identifiers.
    path: path.length > 256 ? path.slice(0, 256) : path,
    route: '-',
    principal: null,
    verdict: 'allow',
    reasons: new Set(),
    findings: [],
    status: 200,
    upstreamStatus: null,
    upstreamMs: null,
    clientClosed: false,
  };
}

/** Records decided findings without their values: only a keyed fingerprint of each. */
export function recordFindings(x: Exchange, decided: readonly Decided[], textOf: (d: Decided) => string, fp: Fingerprinter): void {
  for (const d of decided) {
    const f = d.finding;
    x.findings.push({ family: f.family, kind: f.kind, detector: f.detector, score: f.score, severity: f.severity, direction: d.direction, fingerprint: fp(textOf(d).slice(f.start, f.end)) });
  }
}

export function auditEvent(x: Exchange): AuditEventInput {
  const upstreamMs = x.upstreamMs === null ? null : round(x.upstreamMs);
  const total = performance.now() - x.startedAt;
  return {
    time: x.time,
    requestId: x.requestId,
    principal: x.principal?.id ?? null,
    role: x.principal?.role ?? null,
    route: x.route,
    method: x.method,
    path: x.path,
    verdict: x.verdict,
    reasons: [...x.reasons],
    findings: x.findings,
    status: x.status,
    upstreamStatus: x.upstreamStatus,
    gatewayMs: round(Math.max(0, total - (x.upstreamMs ?? 0))),
    upstreamMs,
  };
}

const round = (ms: number): number => Math.round(ms * 100) / 100;
