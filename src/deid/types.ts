/** What happens to one detected span. */
export type DeidAction = 'redact' | 'mask' | 'hash' | 'pseudonymize' | 'keep';
export const DEID_ACTIONS: readonly DeidAction[] = ['redact', 'mask', 'hash', 'pseudonymize', 'keep'];

/**
 * A span to de-identify. `type` is the PHI type (NAME, DATE, PHONE, ...) or SECRET / GENOMIC for
 * the other families; policy actions are keyed by it.
 */
export interface DeidSpan {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly score: number;
}

/** Where a replacement landed; never carries the original value. */
export interface Replacement {
  readonly type: string;
  readonly action: DeidAction;
  /** Offsets in the input text. */
  readonly start: number;
  readonly end: number;
  /** Offsets in the output text. */
  readonly outStart: number;
  readonly outEnd: number;
}

export interface DeidResult {
  readonly text: string;
  readonly replacements: readonly Replacement[];
}
