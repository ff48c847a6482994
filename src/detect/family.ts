import type { Assessor, Detector } from '../core/types.js';

/** What one detector family contributes to a pipeline. */
export interface FamilyBundle {
  readonly detectors: readonly Detector[];
  readonly assessor?: Assessor;
}
