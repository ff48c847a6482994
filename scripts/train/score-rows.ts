/** Runs the injection family over data rows, keeping every intermediate score the eval and tuning need. */
import { createPipeline } from '../../src/core/pipeline.js';
import { createRootView } from '../../src/core/text/view.js';
import type { Detector } from '../../src/core/types.js';
import { combine, combinerInputs } from '../../src/detect/injection/assess.js';
import { createClassifierDetector } from '../../src/detect/injection/classifier/detector.js';
import { hasClassifierEvidence } from '../../src/detect/injection/classifier/evidence.js';
import type { ClassifierModel, CombinerParams } from '../../src/detect/injection/classifier/model.js';
import { scoreText } from '../../src/detect/injection/classifier/score.js';
import type { Row } from './data.js';

export interface ScoredRow {
  readonly row: Row;
  readonly classifier: number;
  /** Highest rule or obfuscation finding score (0 when none). */
  readonly ruleMax: number;
  readonly inputs: ReadonlyMap<string, number>;
}

export function scoreRows(model: ClassifierModel, evidence: readonly Detector[], rows: readonly Row[]): ScoredRow[] {
  // The classifier runs as a detector too, so decoded layers are scored as they are at inference.
  const pipeline = createPipeline({ detectors: [...evidence, createClassifierDetector(model)] });
  return rows.map((row) => {
    const folded = createRootView(row.text).form('folded').text;
    const classifier = scoreText(model, folded).probability;
    const findings = pipeline.inspect(row.text, { mode: 'prompt' }).findings;
    let ruleMax = 0;
    for (const f of findings) if (f.family === 'injection' && f.detector !== 'injection.classifier') ruleMax = Math.max(ruleMax, f.score);
    return { row, classifier, ruleMax, inputs: combinerInputs(findings, classifier, 'prompt', hasClassifierEvidence(folded)) };
  });
}

export const combinedScores = (params: CombinerParams, rows: readonly ScoredRow[]): number[] => rows.map((r) => combine(params, r.inputs));
