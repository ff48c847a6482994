import { MedguardError } from '../../core/errors.js';
import type { Detector } from '../../core/types.js';
import type { FamilyBundle } from '../family.js';
import { createInjectionAssessor } from './assess.js';
import { CLASSIFIER_MODES, createClassifierDetector, type ClassifierDetector } from './classifier/detector.js';
import { getDefaultModel, type ClassifierModel } from './classifier/model.js';
import { createObfuscationDetector } from './obfuscation.js';
import { createRuleDetector } from './rules/index.js';

export interface InjectionOptions {
  /** Decision threshold on the calibrated score, 0..1; default from the model file (see docs/EVAL.md). */
  readonly threshold?: number;
}

export interface InjectionFamily extends FamilyBundle {
  readonly classifier: ClassifierDetector;
}

function validate(options: InjectionOptions): void {
  const t = options.threshold;
  if (t !== undefined && (typeof t !== 'number' || !Number.isFinite(t) || t < 0 || t > 1)) {
    throw new MedguardError('MG_CONFIG_INVALID', 'injection.threshold must be a number between 0 and 1', { field: 'injection.threshold' });
  }
}

/** The detectors that feed the combiner besides the classifier; the combiner was fit on exactly these. */
export function createEvidenceDetectors(): Detector[] {
  return [createRuleDetector(), createObfuscationDetector()];
}

/** Assembles the family around a given model; training and eval use it with a model not yet shipped. */
export function buildInjectionFamily(model: ClassifierModel, options: InjectionOptions = {}, evidence: readonly Detector[] = createEvidenceDetectors()): InjectionFamily {
  validate(options);
  const classifier = createClassifierDetector(model);
  const assessor = createInjectionAssessor({
    combiner: model.meta.combiner,
    threshold: options.threshold ?? model.meta.threshold,
    classifierProbability: (root) => classifier.score(root).probability,
    modes: CLASSIFIER_MODES,
  });
  return { detectors: [...evidence, classifier], assessor, classifier };
}

export function createInjectionFamily(options: InjectionOptions = {}): FamilyBundle {
  validate(options);
  return buildInjectionFamily(getDefaultModel(), options);
}
