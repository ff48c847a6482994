/** The PHI detector's output contract, shared with the de-identification transforms. */
export const PHI_TYPES = [
  'NAME', 'DATE', 'AGE_OVER_89', 'PHONE', 'FAX', 'EMAIL', 'SSN', 'MRN', 'HEALTH_PLAN_ID', 'ACCOUNT',
  'LICENSE', 'VEHICLE', 'DEVICE_ID', 'URL', 'IP', 'LOCATION', 'ID', 'KR_RRN', 'KR_FRN', 'CREDIT_CARD',
  'NPI', 'DEA',
] as const;

export type PhiType = (typeof PHI_TYPES)[number];

/** A PHI span; offsets are UTF-16 offsets into the text given to `detectPhi`, end exclusive. */
export interface PhiSpan {
  readonly start: number;
  readonly end: number;
  readonly type: PhiType;
  /** Confidence 0..1. */
  readonly score: number;
  /** Rule id, for explanations and debugging; never contains the value. */
  readonly rule: string;
}

export interface PhiOptions {
  /** Types to report; all when absent. */
  readonly types?: readonly PhiType[];
  /** Spans scoring below this are dropped (default 0.5). */
  readonly minScore?: number;
}

/** Appends found spans; each rule module takes one and pushes into it, avoiding per-rule arrays. */
export type Sink = (start: number, end: number, type: PhiType, score: number, rule: string) => void;
