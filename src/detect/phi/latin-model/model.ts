/**
 * The shipped Latin-script name model: JSON metadata (feature version, hash bits, threshold,
 * provenance) and float16 weights pinned by SHA-256, like the Korean name model. A mismatch is
 * refused with MG_MODEL_INVALID rather than scored with the wrong features.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MedguardError } from '../../../core/errors.js';
import { encodeHalf } from '../../../core/float16.js';
import { checkedHalfWeights, packageModelDir, parseModelJson, sha256Hex } from '../../../core/model-file.js';
import { LATIN_FEATURE_VERSION } from './features.js';

export const LATIN_MODEL_FORMAT = 'medguard.latin-names';
export const LATIN_MODEL_NAME = 'latin-names';

const metadataSchema = z.object({
  format: z.literal(LATIN_MODEL_FORMAT),
  id: z.string().min(1),
  featureVersion: z.number().int(),
  bits: z.number().int().min(10).max(22),
  weights: z.object({ file: z.string().regex(/^[\w.-]+$/), encoding: z.literal('float16le'), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  /** Probability at or above which a candidate is reported as a name. */
  threshold: z.number().min(0).max(1),
  provenance: z.record(z.string(), z.unknown()),
});

export type LatinModelMetadata = z.infer<typeof metadataSchema>;

export interface LatinNameModel {
  readonly bits: number;
  readonly weights: Float32Array;
  /** Logit at or above which a candidate is a name (the threshold, pre-sigmoid, so scoring skips exp). */
  readonly logitThreshold: number;
  readonly meta: LatinModelMetadata;
}

const invalid = (why: string, cause?: unknown): MedguardError =>
  new MedguardError('MG_MODEL_INVALID', `Latin name model: ${why}; reinstall medguard or run npm run train -- --latin-names`, cause === undefined ? {} : { cause });

const logit = (p: number): number => Math.log(p / (1 - p));

export function serializeLatinModel(weights: Float32Array, meta: Omit<LatinModelMetadata, 'weights'>): { json: string; bin: Uint8Array } {
  const bin = encodeHalf(weights);
  const full: LatinModelMetadata = { ...meta, weights: { file: `${LATIN_MODEL_NAME}.bin`, encoding: 'float16le', sha256: sha256Hex(bin) } };
  return { json: `${JSON.stringify(full, null, 2)}\n`, bin };
}

export function parseLatinModel(json: string, bin: Uint8Array): LatinNameModel {
  const parsed = metadataSchema.safeParse(parseModelJson(json, invalid));
  if (!parsed.success) throw invalid(`metadata: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const meta = parsed.data;
  if (meta.featureVersion !== LATIN_FEATURE_VERSION) throw invalid(`feature version ${meta.featureVersion}, this build computes ${LATIN_FEATURE_VERSION}`);
  const weights = checkedHalfWeights(bin, { sha256: meta.weights.sha256, count: 1 << meta.bits }, invalid);
  const t = Math.min(Math.max(meta.threshold, 1e-6), 1 - 1e-6);
  return { bits: meta.bits, weights, logitThreshold: logit(t), meta };
}

export function loadLatinModelFrom(dir: string): LatinNameModel {
  let json: string;
  let bin: Uint8Array;
  try {
    json = readFileSync(join(dir, `${LATIN_MODEL_NAME}.json`), 'utf8');
    bin = readFileSync(join(dir, `${LATIN_MODEL_NAME}.bin`));
  } catch (e) {
    throw invalid('model files are missing or unreadable', e);
  }
  return parseLatinModel(json, bin);
}

let cached: LatinNameModel | null | undefined;

/** Loaded once per process on first text with candidate words; `null` means the model was switched off. */
export function latinNameModel(): LatinNameModel | null {
  if (cached === undefined) cached = loadLatinModelFrom(packageModelDir(import.meta.url, `${LATIN_MODEL_NAME}.json`));
  return cached;
}

/** Replaces the process-wide model: `null` runs the rules alone (training compares against that). */
export function setLatinNameModel(model: LatinNameModel | null): void {
  cached = model;
}
