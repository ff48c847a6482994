import type { Span } from '../../types.js';
import type { OffsetMap } from '../offsets.js';

/** A payload one decoder found in a layer's raw text. */
export interface Decoded {
  /** Decoder name, as it appears in `TextView.via` and `Finding.via`. */
  readonly via: string;
  readonly text: string;
  /** Span of the parent layer's raw text the payload was decoded from. */
  readonly span: Span;
  /**
   * Where each unit of `text` came from in the parent's raw text. `null`: no precise map (base64
   * bytes straddle characters), so every position maps to the whole `span`; `'shifted'`: the
   * codec keeps length (ROT13), unit i came from parent unit span.start + i.
   */
  readonly map: OffsetMap | null | 'shifted';
}

/** Shared, shrinking allowance of decoded characters for one input. */
export interface DecodeBudget {
  chars: number;
  readonly minEncodedChars: number;
}

export type Decoder = (text: string, budget: DecodeBudget) => Decoded[];

/** Takes `n` characters from the budget, or reports that they do not fit. */
export function spend(budget: DecodeBudget, n: number): boolean {
  if (n > budget.chars) return false;
  budget.chars -= n;
  return true;
}
