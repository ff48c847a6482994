/**
 * The shared vocabulary of medguard. One `Finding` type travels from detectors through policy,
 * audit and the dashboard, so every family (injection, PHI, secrets, models, API) speaks it.
 */

/** Who wrote the text decides what is suspicious in it. */
export type Mode = 'prompt' | 'document' | 'output';
export const MODES: readonly Mode[] = ['prompt', 'document', 'output'];

export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';
export const SEVERITIES: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

/** Detector families; a finding's `kind` always starts with its family and a dot. */
export type Family = 'injection' | 'phi' | 'secret' | 'genomic' | 'output' | 'model' | 'dataset' | 'api';

export interface Finding {
  readonly family: Family;
  /** Stable dotted identifier, e.g. `injection.override`, `phi.NAME`, `secret.aws_access_key`. */
  readonly kind: string;
  /** Id of the detector that produced it, e.g. `injection.rules`. */
  readonly detector: string;
  /** UTF-16 offsets into the ORIGINAL input, end exclusive, even when found in a decoded form. */
  readonly start: number;
  readonly end: number;
  /** Confidence 0..1. */
  readonly score: number;
  readonly severity: Severity;
  /** Short human explanation. Never contains the matched value when that value may be sensitive. */
  readonly explanation: string;
  /** Decoding chain that revealed it, outermost first (e.g. ['base64', 'url']); absent for plain text. */
  readonly via?: readonly string[];
  /** Rule or model id inside the detector, for explainability (e.g. `override.en.ignore_previous`). */
  readonly rule?: string;
}

/** A span of the original input. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * One normalised form of a text layer. `text` is what detectors match against; `toRoot` maps a
 * span of `text` back to offsets in the root input (identity for the raw form of the root layer).
 */
export interface NormalForm {
  readonly text: string;
  toRoot(start: number, end: number): Span;
}

/**
 * - raw: the layer's text as is.
 * - clean: NFKC, invisible/bidi/tag characters removed, homoglyphs folded to Latin. Case and digits kept.
 * - folded: clean + lower-cased + leetspeak folded + letters split by spaces/punctuation re-joined.
 *   Only for matching attack phrases; never use it to find numbers (leet folding rewrites digits).
 */
export type FormName = 'raw' | 'clean' | 'folded';

/** A layer of the input: the root text, or a payload decoded out of it (base64, hex, ...). */
export interface TextView {
  readonly raw: string;
  /** 0 for the root input; n for a payload decoded n times. */
  readonly depth: number;
  /** Decoders applied to reach this layer, outermost first; empty for the root. */
  readonly via: readonly string[];
  /** Span of the root input this layer came from (the whole input for the root). */
  readonly origin: Span;
  form(name: FormName): NormalForm;
}

export interface DetectContext {
  readonly mode: Mode;
  /** Layers already decoded from the input; the root is views[0]. */
  readonly views: readonly TextView[];
}

/** One extension point: a pure function from a text layer to findings. */
export interface Detector {
  readonly id: string;
  readonly family: Family;
  readonly modes: readonly Mode[];
  /** Whether the pipeline should also run it over decoded layers (depth > 0). */
  readonly decodedLayers: boolean;
  detect(input: TextView, ctx: DetectContext): Finding[];
}

/** A family's single calibrated verdict over all of its findings for one input. */
export interface Assessment {
  readonly family: Family;
  readonly score: number;
  readonly threshold: number;
  readonly flagged: boolean;
}

/** Turns a family's findings (and the text) into one calibrated score. */
export interface Assessor {
  readonly family: Family;
  readonly modes: readonly Mode[];
  assess(root: TextView, findings: readonly Finding[], ctx: DetectContext): Assessment;
}

export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);
