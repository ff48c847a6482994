/**
 * Dataset scanning (fine-tuning / evaluation data): the row model every reader produces, the
 * findings the checks attach to rows, and the report. Detectors are reached through the engine's
 * public functions only; nothing here does HTTP, stores or CLI work.
 */
import type { Severity } from '../../core/types.js';

export type DatasetFormat = 'chat' | 'instruction' | 'classification' | 'csv';

/** One text of a row with the role it plays (system prompt, user turn, answer, label...). */
export interface RowText {
  readonly role: 'system' | 'user' | 'assistant' | 'input' | 'label';
  readonly text: string;
}

export interface DatasetRow {
  /** 0-based position among the data rows (errors included), as in the labels of the corpus. */
  readonly index: number;
  /** 1-based physical line where the row starts. */
  readonly line: number;
  readonly format: DatasetFormat;
  readonly texts: readonly RowText[];
  /** What the model is asked (user turns, instruction + input, the text to classify). */
  readonly prompt: string;
  /** What the model is taught to answer (last assistant turn, response/output, label). */
  readonly answer: string;
}

/** A reader's verdict on one record it could not turn into a row; never a crash. */
export interface RowError {
  readonly index: number;
  readonly line: number;
  readonly code: 'MG_INPUT_INVALID' | 'MG_INPUT_TOO_LARGE' | 'MG_INPUT_NOT_TEXT';
  readonly message: string;
}

export type RowEvent = { readonly kind: 'row'; readonly row: DatasetRow } | { readonly kind: 'error'; readonly error: RowError };

/** Why a row is suspicious. `technique` is a stable tag for JSON and SARIF rules. */
export interface RowReason {
  readonly technique: string;
  readonly severity: Severity;
  readonly score: number;
  /** Human explanation; never repeats PHI values. */
  readonly explanation: string;
  /** Role of the text the reason points at, when there is one. */
  readonly role?: RowText['role'];
  /** Related rows (0-based indices), e.g. the consensus rows of a near-duplicate cluster. */
  readonly related?: readonly number[];
}

export interface RowReport {
  readonly index: number;
  readonly line: number;
  readonly severity: Severity;
  /** Ranking score, 0..1: the strongest reason, raised a little by further independent reasons. */
  readonly score: number;
  readonly reasons: readonly RowReason[];
}

export interface DatasetSummary {
  readonly rows: number;
  readonly errors: number;
  readonly bytes: number;
  readonly formats: Partial<Record<DatasetFormat, number>>;
  /** Rows with a reason at or above `failOn`. */
  readonly flagged: number;
  /** Rows with any reason at all (info included). */
  readonly withReasons: number;
  readonly byTechnique: Record<string, number>;
  readonly exactDuplicates: number;
  readonly nearDuplicates: number;
  readonly promptClusters: number;
  readonly triggers: readonly TriggerCandidate[];
  /** Rows beyond `maxCrossRows` got the per-row checks only. */
  readonly crossRowLimited: boolean;
  /** Texts the cheap screen sent to the full injection detector, out of all texts. */
  readonly injectionScreened: { readonly inspected: number; readonly texts: number };
}

export interface TriggerCandidate {
  /** The phrase as normalised tokens joined by spaces (never PHI: it is shared by several rows). */
  readonly phrase: string;
  readonly rows: number;
  readonly anomalousRows: number;
  readonly clusters: number;
}

export interface DatasetReport {
  readonly path: string;
  readonly failOn: Severity;
  readonly verdict: 'safe' | 'unsafe';
  /** Suspicious rows, highest score first (capped at `maxReportedRows`; the summary counts all). */
  readonly rows: readonly RowReport[];
  readonly rowErrors: readonly RowError[];
  readonly summary: DatasetSummary;
}

export interface DatasetScanOptions {
  /** Severity at which a row counts as flagged and the dataset as unsafe (default medium). */
  readonly failOn?: Severity;
  /** 'auto' picks by content (JSON Lines vs CSV) and, per JSON row, by its keys. */
  readonly format?: 'auto' | 'jsonl' | 'csv';
  /** Run every text through the full injection detector instead of only those the screen passes. */
  readonly fullInjection?: boolean;
  /** Run every text through the PHI detector instead of only those the screen passes. */
  readonly fullPhi?: boolean;
  readonly maxRecordBytes?: number;
  readonly maxFieldBytes?: number;
  /** Rows kept for the cross-row checks (duplicates, consensus, triggers); later rows get row checks only. */
  readonly maxCrossRows?: number;
  readonly maxReportedRows?: number;
  /** Called every ~1 MB with bytes read so far. */
  readonly onProgress?: (p: { readonly bytes: number; readonly rows: number }) => void;
}
