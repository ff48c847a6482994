import type { DetectContext, Detector, Finding, Mode, Severity, TextView } from '../../../core/types.js';
import { hasClassifierEvidence } from './evidence.js';
import type { ClassifierModel } from './model.js';
import { scoreText, type ClassifierScore } from './score.js';

export const CLASSIFIER_ID = 'injection.classifier';
export const CLASSIFIER_MODES: readonly Mode[] = Object.freeze(['prompt', 'document'] as const);

export interface ClassifierDetector extends Detector {
  /** Score of one layer, computed once per view and shared with the assessor. */
  score(view: TextView): ClassifierScore;
}

function severityOf(p: number): Severity {
  if (p >= 0.9) return 'high';
  if (p >= 0.6) return 'medium';
  return 'low';
}

export function createClassifierDetector(model: ClassifierModel): ClassifierDetector {
  // Views are per-inspection objects, so a WeakMap lets the assessor reuse the score without leaking.
  const cache = new WeakMap<TextView, ClassifierScore>();
  const floor = model.meta.floor;
  const score = (view: TextView): ClassifierScore => {
    let s = cache.get(view);
    if (!s) {
      s = scoreText(model, view.form('folded').text);
      cache.set(view, s);
    }
    return s;
  };
  return {
    id: CLASSIFIER_ID,
    family: 'injection',
    modes: CLASSIFIER_MODES,
    decodedLayers: true,
    score,
    detect(view: TextView, _ctx: DetectContext): Finding[] {
      if (view.raw.length === 0) return [];
      // Too little root text: no finding of its own (the assessor also leaves its score out unless
      // a rule fired). Decoded layers keep their findings: they add evidence to a longer text.
      if (view.depth === 0 && !hasClassifierEvidence(view.form('folded').text)) return [];
      const s = score(view);
      if (s.probability < floor) return [];
      const span = view.form('folded').toRoot(s.start, s.end);
      return [{
        family: 'injection',
        kind: CLASSIFIER_ID,
        detector: CLASSIFIER_ID,
        start: span.start,
        end: span.end,
        score: s.probability,
        severity: severityOf(s.probability),
        explanation: `learned classifier: this passage resembles prompt-injection or jailbreak text (p=${s.probability.toFixed(2)})`,
        rule: model.meta.id,
        ...(view.depth > 0 ? { via: view.via } : {}),
      }];
    },
  };
}
