/** One constructor for model findings, so every scanner fills the shared fields the same way. */
import type { Severity } from '../../core/types.js';
import type { ModelFinding, ScanContext } from './types.js';

const SCORE: Record<Severity, number> = { info: 0.2, low: 0.4, medium: 0.6, high: 0.85, critical: 1 };

export interface FindingInit {
  readonly technique: string;
  readonly severity: Severity;
  readonly explanation: string;
  readonly detector: string;
  readonly member?: string;
  readonly start?: number;
  readonly end?: number;
  readonly rule?: string;
}

export function modelFinding(ctx: Pick<ScanContext, 'displayPath'>, init: FindingInit): ModelFinding {
  const start = init.start ?? 0;
  return {
    family: 'model',
    kind: `model.${init.technique}`,
    detector: init.detector,
    start,
    end: init.end ?? start,
    score: SCORE[init.severity],
    severity: init.severity,
    explanation: init.explanation,
    path: ctx.displayPath,
    technique: init.technique,
    ...(init.member === undefined ? {} : { member: init.member }),
    ...(init.rule === undefined ? {} : { rule: init.rule }),
  };
}

/** Prefix a nested scan's members with the container member that held them. */
export function withMember(f: ModelFinding, outer: string): ModelFinding {
  return { ...f, member: f.member === undefined ? outer : `${outer}!${f.member}` };
}
