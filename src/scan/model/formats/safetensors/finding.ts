/** One constructor for the model findings of the safetensors, GGUF, ONNX and Keras scanners. */
import type { Severity } from '../../../../core/types.js';
import type { ModelFinding, ScanContext } from '../../types.js';

export interface FindingSpec {
  readonly technique: string;
  readonly severity: Severity;
  readonly explanation: string;
  /** Byte range in the file or member; defaults to the whole start of the file (0..0). */
  readonly start?: number;
  readonly end?: number;
  readonly member?: string;
  readonly score?: number;
  readonly rule?: string;
}

export function modelFinding(ctx: ScanContext, detector: string, spec: FindingSpec): ModelFinding {
  const start = spec.start ?? 0;
  return {
    family: 'model',
    kind: `model.${spec.technique}`,
    detector,
    start,
    end: spec.end ?? start,
    score: spec.score ?? 1,
    severity: spec.severity,
    explanation: spec.explanation,
    path: ctx.displayPath,
    technique: spec.technique,
    ...(spec.member === undefined ? {} : { member: spec.member }),
    ...(spec.rule === undefined ? {} : { rule: spec.rule }),
  };
}

/** Safe-integer view of a little-endian u64; values past 2^53 become Infinity so size checks fail closed. */
export function readU64(bytes: Uint8Array, offset: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const v = view.getBigUint64(offset, true);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(v);
}
