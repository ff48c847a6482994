// SCAFFOLD: the injection family (rules + classifier + calibrated assessor) is assembled here.
import type { FamilyBundle } from '../family.js';

export interface InjectionOptions {
  /** Decision threshold on the calibrated score; default documented in docs/EVAL.md. */
  readonly threshold?: number;
}

export function createInjectionFamily(_options: InjectionOptions = {}): FamilyBundle {
  return { detectors: [] };
}
