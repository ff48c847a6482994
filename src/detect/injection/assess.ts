import type { Assessment, Assessor, DetectContext, Finding, Mode, TextView } from '../../core/types.js';
import { CLASSIFIER_ID } from './classifier/detector.js';
import { hasClassifierEvidence } from './classifier/evidence.js';
import type { CombinerParams } from './classifier/model.js';
import { sigmoid } from './classifier/score.js';

/**
 * The injection family's verdict: a small logistic regression (fit on dev, stored in the model
 * file) over the classifier probability and summaries of the rule and obfuscation findings.
 * Stacking keeps the decision calibrated: a weak rule hit in a clinical note does not flag on its
 * own, while a weak rule hit that the classifier agrees with does.
 */

/** Generic inputs; the combiner may also name `kind:<finding kind>` inputs (max score of that kind). */
export const BASE_INPUTS = [
  'classifier_logit', 'rule_max', 'rule_noisy_or', 'rule_count', 'rule_kinds',
  'obfuscation_max', 'decoded_max', 'mode_document', 'classifier_x_rule',
] as const;

const clampLogit = (p: number): number => {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
};

const isObfuscation = (f: Finding): boolean => f.detector.includes('obfuscation');

/**
 * Named combiner inputs for one input's findings; `classifierProbability` is the root layer's.
 * `classifierSpeaks` is false when the root text is too short for the classifier (see
 * classifier/evidence.ts): then, unless a rule or obfuscation check found something, the
 * classifier's scores (root and decoded layers) are left out, so it cannot flag on its own.
 */
export function combinerInputs(findings: readonly Finding[], classifierProbability: number, mode: Mode, classifierSpeaks = true): Map<string, number> {
  let clf = classifierProbability;
  let ruleMax = 0, ruleMiss = 1, ruleCount = 0, obfMax = 0, decodedMax = 0, clfDecodedMax = 0;
  const kinds = new Map<string, number>();
  for (const f of findings) {
    if (f.family !== 'injection') continue;
    const decoded = f.via !== undefined && f.via.length > 0;
    if (f.kind === CLASSIFIER_ID) {
      // Root score comes in as an argument; findings add the decoded layers' scores.
      clf = Math.max(clf, f.score);
      if (decoded) clfDecodedMax = Math.max(clfDecodedMax, f.score);
      continue;
    }
    if (decoded) decodedMax = Math.max(decodedMax, f.score);
    kinds.set(f.kind, Math.max(kinds.get(f.kind) ?? 0, f.score));
    if (isObfuscation(f)) {
      obfMax = Math.max(obfMax, f.score);
      continue;
    }
    ruleMax = Math.max(ruleMax, f.score);
    ruleMiss *= 1 - Math.min(1, Math.max(0, f.score));
    ruleCount++;
  }
  if (!classifierSpeaks && kinds.size === 0) clf = 0;
  else decodedMax = Math.max(decodedMax, clfDecodedMax);
  const clfLogit = clampLogit(clf);
  const inputs = new Map<string, number>([
    ['classifier_logit', clfLogit],
    ['rule_max', ruleMax],
    ['rule_noisy_or', 1 - ruleMiss],
    ['rule_count', Math.log1p(ruleCount)],
    ['rule_kinds', Math.log1p([...kinds.keys()].filter((k) => !k.includes('obfusc')).length)],
    ['obfuscation_max', obfMax],
    ['decoded_max', decodedMax],
    ['mode_document', mode === 'document' ? 1 : 0],
    ['classifier_x_rule', Math.max(0, clfLogit) * ruleMax],
  ]);
  for (const [kind, s] of kinds) inputs.set(`kind:${kind}`, s);
  return inputs;
}

export function combine(params: CombinerParams, inputs: ReadonlyMap<string, number>): number {
  let z = params.bias;
  for (let i = 0; i < params.features.length; i++) z += (params.weights[i] ?? 0) * (inputs.get(params.features[i] as string) ?? 0);
  return sigmoid(z);
}

export interface InjectionAssessorOptions {
  readonly combiner: CombinerParams;
  readonly threshold: number;
  /** The root layer's classifier probability (cached by the classifier detector). */
  readonly classifierProbability: (root: TextView) => number;
  readonly modes: readonly Mode[];
}

export function createInjectionAssessor(options: InjectionAssessorOptions): Assessor {
  const { combiner, threshold, classifierProbability } = options;
  return {
    family: 'injection',
    modes: options.modes,
    assess(root: TextView, findings: readonly Finding[], ctx: DetectContext): Assessment {
      // A detector that crashed is treated as a match: the pipeline fails closed.
      const failed = findings.some((f) => f.kind.endsWith('.detector_failed'));
      if (failed) return { family: 'injection', score: 1, threshold, flagged: true };
      const speaks = hasClassifierEvidence(root.form('folded').text);
      const score = combine(combiner, combinerInputs(findings, root.raw.length === 0 ? 0 : classifierProbability(root), ctx.mode, speaks));
      return { family: 'injection', score, threshold, flagged: score >= threshold };
    },
  };
}
