/**
 * What a scan reports, shared by `--json`, `--format jsonl` and the human output, so the verdict
 * rule and the record shape live in one place. To add a field to every record (e.g. `phi`), extend
 * `reportFields` only.
 */
import type { InspectReport } from '../core/pipeline.js';
import type { Finding, Severity } from '../core/types.js';
import { severityRank } from '../core/types.js';

export interface InjectionSummary {
  readonly flagged: boolean;
  readonly score: number;
  /** null when no injection assessor ran (family disabled or not built). */
  readonly threshold: number | null;
  readonly findings: readonly SerializedFinding[];
}

export interface SerializedFinding {
  readonly kind: string;
  readonly severity: Severity;
  readonly score: number;
  readonly start: number;
  readonly end: number;
  readonly detector: string;
  readonly rule?: string;
  readonly via?: readonly string[];
  readonly explanation: string;
}

export const roundScore = (n: number): number => Math.round(n * 10_000) / 10_000;

/** Findings carry offsets and explanations only, never the matched text, so records are safe to log. */
export function serializeFinding(f: Finding): SerializedFinding {
  return {
    kind: f.kind,
    severity: f.severity,
    score: roundScore(f.score),
    start: f.start,
    end: f.end,
    detector: f.detector,
    ...(f.rule === undefined ? {} : { rule: f.rule }),
    ...(f.via === undefined || f.via.length === 0 ? {} : { via: f.via }),
    explanation: f.explanation,
  };
}

/**
 * The calibrated injection verdict. Without an assessor (family disabled or still a scaffold) a
 * high-severity injection finding still flags, so a missing calibration never hides a blatant attack.
 */
export function injectionSummary(report: InspectReport): InjectionSummary {
  const own = report.findings.filter((f) => f.family === 'injection');
  const assessment = report.assessments.injection;
  if (assessment) {
    return { flagged: assessment.flagged, score: roundScore(assessment.score), threshold: assessment.threshold, findings: own.map(serializeFinding) };
  }
  const score = own.reduce((max, f) => Math.max(max, f.score), 0);
  const flagged = own.some((f) => severityRank(f.severity) >= severityRank('high'));
  return { flagged, score: roundScore(score), threshold: null, findings: own.map(serializeFinding) };
}

/** Exit-code rule: any finding at/above `failOn` when given, else the injection verdict. */
export function isFlagged(report: InspectReport, failOn: Severity | undefined): boolean {
  if (failOn !== undefined) return report.findings.some((f) => severityRank(f.severity) >= severityRank(failOn));
  return injectionSummary(report).flagged;
}

/** A PHI span as the jsonl record lists it: where, which Safe Harbor type, how sure. */
export interface PhiSummary {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly score: number;
}

/** The PHI family's findings, in text order, as `{start, end, type, score}` (offsets as in `findings`). */
export function phiSummary(report: InspectReport): PhiSummary[] {
  const out: PhiSummary[] = [];
  for (const f of report.findings) {
    if (f.family === 'phi') out.push({ start: f.start, end: f.end, type: f.kind.slice('phi.'.length), score: roundScore(f.score) });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The fields every machine-readable record carries. `findings` lists every family's findings. */
export function reportFields(report: InspectReport): Record<string, unknown> {
  return {
    injection: injectionSummary(report),
    phi: phiSummary(report),
    findings: report.findings.map(serializeFinding),
  };
}
