/**
 * Runs the detector families over extracted texts and keeps what policy should act on: injection
 * findings only when the family's calibrated assessment flags the text (single weak cues in
 * clinical prose must not block a clinician), other families at the de-identification threshold,
 * and every detector failure.
 */
import type { Pipeline } from '../../core/pipeline.js';
import type { Finding, Mode } from '../../core/types.js';
import { createInspector } from '../../inspect.js';

export const MIN_SCORE = 0.5;

export interface Inspectors {
  /** injection + phi + secrets + genomic, for prompt and document texts. */
  readonly full: Pipeline;
  /** phi + secrets + genomic, for trusted (system) texts. */
  readonly trusted: Pipeline;
  /** What answers are checked with (mode `output`). */
  readonly output: Pipeline;
}

export function createInspectors(): Inspectors {
  return {
    full: createInspector({ families: ['injection', 'phi', 'secrets', 'genomic'] }),
    trusted: createInspector({ families: ['phi', 'secrets', 'genomic'] }),
    output: createInspector({ families: ['phi', 'secrets'] }),
  };
}

export const isFailure = (f: Finding): boolean => f.kind.endsWith('.detector_failed');

/** One text through one pipeline; an exception (e.g. an oversized text) is itself a failure finding. */
export function inspectText(pipeline: Pipeline, text: string, mode: Mode): Finding[] {
  let report;
  try {
    report = pipeline.inspect(text, { mode });
  } catch {
    return [{ family: 'api', kind: 'api.detector_failed', detector: 'gateway.inspect', start: 0, end: text.length, score: 1, severity: 'high', explanation: 'inspection failed on this text; treated as a match (fail closed)' }];
  }
  const flaggedInjection = report.assessments.injection?.flagged ?? report.findings.some((f) => f.family === 'injection' && f.severity !== 'info' && f.severity !== 'low');
  const kept = report.findings.filter((f) => {
    if (isFailure(f)) return true;
    if (f.family === 'injection') return flaggedInjection;
    return f.score >= MIN_SCORE;
  });
  if (flaggedInjection && !kept.some((f) => f.family === 'injection')) {
    const score = report.assessments.injection?.score ?? 1;
    kept.push({ family: 'injection', kind: 'injection.assessed', detector: 'injection.assess', start: 0, end: text.length, score, severity: 'high', explanation: 'the injection assessment flagged this text' });
  }
  return kept;
}
