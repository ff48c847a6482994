/** Shared shapes and limits of the pickle simulation. */
import type { ImportRec, Value } from './values.js';

/** Strings longer than this are not decoded (only sniffed): module/name operands are short. */
export const KEEP_STRING = 4096;
export const MAX_LINE = 64 * 1024 * 1024;
export const MAX_STACK = 1 << 20;
export const MAX_MEMO_TRACKED = 1 << 18;
export const SNIFF = 64;
export const EXPANSION_LIMIT = 2 ** 32;
/** Bytes kept buffered ahead of the hot loop: the largest operand it handles plus headers. */
export const SYNC_WINDOW = KEEP_STRING + 16;
export const MAX_IMPORTS = 4096;
export const MAX_NESTED = 64;

export interface Anomaly {
  readonly technique: string;
  readonly severity: 'low' | 'medium' | 'high' | 'critical';
  readonly offset: number;
  readonly explanation: string;
}

export type NestedRef =
  | { readonly kind: 'range'; readonly start: number; readonly length: number }
  | { readonly kind: 'bytes'; readonly offset: number; readonly bytes: Uint8Array; readonly via: string };

export class ParseError extends Error {
  constructor(readonly offset: number, readonly reason: string) {
    super(reason);
  }
}

export interface StreamState {
  readonly imports: ImportRec[];
  readonly importIndex: Map<string, ImportRec>;
  /** Set when a cap (imports, nested candidates) dropped something: the caller fails closed. */
  truncated: boolean;
  readonly anomalies: Anomaly[];
  readonly nested: NestedRef[];
  protocol: number;
  top: Value | null;
}
