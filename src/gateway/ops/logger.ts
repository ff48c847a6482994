/**
 * Structured logs: one JSON object per line. An exchange line carries identifiers, the verdict,
 * reason codes, latencies and finding kinds with their keyed fingerprints — never a body, a
 * header value or a matched value, so the log is as safe to ship as the audit trail.
 */
import type { AuditEventInput } from '../../store/types.js';

export const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type Level = (typeof LEVELS)[number];

/** Field values a log line may carry; objects are not accepted so a body cannot slip in whole. */
export type LogValue = string | number | boolean | null | readonly string[];

export interface Logger {
  log(level: Level, msg: string, fields?: Readonly<Record<string, LogValue>>): void;
  /** The line for one finished exchange (info; warn for block/error verdicts). */
  exchange(event: AuditEventInput): void;
}

export interface LoggerOptions {
  /** Lowest level written (default info). */
  readonly level?: Level;
  /** Where lines go (default stdout); one call per line, the newline included. */
  readonly write?: (line: string) => void;
  readonly now?: () => Date;
}

/** Field names the logger sets itself; caller fields cannot override them. */
const RESERVED = new Set(['level', 'time', 'msg']);

export function createLogger(options: LoggerOptions = {}): Logger {
  const min = LEVELS.indexOf(options.level ?? 'info');
  const write = options.write ?? ((line: string) => void process.stdout.write(line));
  const now = options.now ?? (() => new Date());

  const log = (level: Level, msg: string, fields: Readonly<Record<string, LogValue>> = {}): void => {
    if (LEVELS.indexOf(level) < min) return;
    const line: Record<string, unknown> = { level, time: now().toISOString(), msg };
    for (const [k, v] of Object.entries(fields)) if (!RESERVED.has(k)) line[k] = v;
    write(`${JSON.stringify(line)}\n`);
  };

  return {
    log,
    exchange(event) {
      const level: Level = event.verdict === 'block' || event.verdict === 'error' ? 'warn' : 'info';
      if (LEVELS.indexOf(level) < min) return;
      const line = {
        level,
        time: now().toISOString(),
        msg: 'exchange',
        requestId: event.requestId,
        route: event.route,
        method: event.method,
        path: event.path,
        principal: event.principal,
        verdict: event.verdict,
        reasons: event.reasons,
        status: event.status,
        upstreamStatus: event.upstreamStatus,
        gatewayMs: event.gatewayMs,
        upstreamMs: event.upstreamMs,
        findings: event.findings.map((f) => ({ kind: f.kind, detector: f.detector, severity: f.severity, direction: f.direction, fingerprint: f.fingerprint })),
      };
      write(`${JSON.stringify(line)}\n`);
    },
  };
}
