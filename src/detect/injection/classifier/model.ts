import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MedguardError } from '../../../core/errors.js';
import { DENSE_COUNT, FEATURE_VERSION } from './features.js';
import { encodeHalf } from '../../../core/float16.js';
import { checkedHalfWeights, packageModelDir, parseModelJson, sha256Hex } from '../../../core/model-file.js';
import type { LinearModel } from './score.js';

/**
 * The shipped model is two files: JSON metadata (feature spec, combiner, threshold, provenance,
 * dev metrics) and float16 weights whose SHA-256 the metadata pins. Anything that does not match
 * is refused with MG_MODEL_INVALID rather than scored with the wrong features.
 */
export const MODEL_FORMAT = 'medguard.injection-classifier';
export const DEFAULT_MODEL_NAME = 'injection-classifier';

const combinerSchema = z.object({
  features: z.array(z.string()),
  weights: z.array(z.number()),
  bias: z.number(),
});

const metadataSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  id: z.string().min(1),
  featureSpec: z.object({
    version: z.number().int(),
    bits: z.number().int().min(10).max(24),
    seed: z.number().int().min(0).max(0xffffffff),
    window: z.number().int().min(64).max(1 << 16),
    stride: z.number().int().min(16),
    subWindow: z.number().int().min(0).max(1 << 16),
    subStride: z.number().int().min(0),
    maxWindows: z.number().int().min(1).max(4096),
  }),
  weights: z.object({ file: z.string().regex(/^[\w.-]+$/), encoding: z.literal('float16le'), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  bias: z.number(),
  dense: z.array(z.number()).length(DENSE_COUNT),
  /** Below this probability the detector emits no finding (the assessor still sees the score). */
  floor: z.number().min(0).max(1),
  combiner: combinerSchema,
  threshold: z.number().min(0).max(1),
  provenance: z.record(z.string(), z.unknown()),
});

export type CombinerParams = z.infer<typeof combinerSchema>;
export type ModelMetadata = z.infer<typeof metadataSchema>;

export interface ClassifierModel extends LinearModel {
  readonly meta: ModelMetadata;
}


const invalid = (why: string, cause?: unknown): MedguardError =>
  new MedguardError('MG_MODEL_INVALID', `injection classifier model: ${why}; reinstall medguard or run npm run train`, cause === undefined ? {} : { cause });

/** Serialises a model; `meta.weights.sha256` is recomputed from the weights. */
export function serializeModel(model: LinearModel, meta: Omit<ModelMetadata, 'weights' | 'bias' | 'dense' | 'featureSpec'>, name = DEFAULT_MODEL_NAME): { json: string; bin: Uint8Array } {
  const bin = encodeHalf(model.weights);
  const full: ModelMetadata = {
    ...meta,
    featureSpec: { ...model.spec },
    weights: { file: `${name}.bin`, encoding: 'float16le', sha256: sha256Hex(bin) },
    bias: model.bias,
    dense: [...model.dense],
  };
  return { json: `${JSON.stringify(full, null, 2)}\n`, bin };
}

export function parseModel(json: string, bin: Uint8Array): ClassifierModel {
  const parsed = metadataSchema.safeParse(parseModelJson(json, invalid));
  if (!parsed.success) throw invalid('metadata does not match the expected format');
  const meta = parsed.data;
  if (meta.featureSpec.version !== FEATURE_VERSION) {
    throw invalid(`feature version ${meta.featureSpec.version} does not match this code (${FEATURE_VERSION})`);
  }
  if (meta.combiner.features.length !== meta.combiner.weights.length) throw invalid('combiner features and weights differ in length');
  const weights = checkedHalfWeights(bin, { sha256: meta.weights.sha256, count: 2 ** meta.featureSpec.bits }, invalid);
  return { spec: Object.freeze({ ...meta.featureSpec }), weights, bias: meta.bias, dense: Object.freeze([...meta.dense]), meta };
}

/** Reads `<dir>/<name>.json` and the weights file it names. */
export function loadModelFrom(dir: string, name = DEFAULT_MODEL_NAME): ClassifierModel {
  let json: string;
  let bin: Uint8Array;
  try {
    json = readFileSync(join(dir, `${name}.json`), 'utf8');
  } catch (e) {
    throw invalid('metadata file is missing or unreadable', e);
  }
  const file = /"file"\s*:\s*"([\w.-]+)"/.exec(json)?.[1] ?? `${name}.bin`;
  try {
    bin = readFileSync(join(dir, file));
  } catch (e) {
    throw invalid('weights file is missing or unreadable', e);
  }
  return parseModel(json, bin);
}

/** The package's models/ folder: the same relative hop from src/ (tsx) and from dist/ (built). */
export function defaultModelDir(): string {
  return packageModelDir(import.meta.url, `${DEFAULT_MODEL_NAME}.json`);
}

let cached: ClassifierModel | undefined;

/** Loaded once per process, on first use. */
export function getDefaultModel(): ClassifierModel {
  cached ??= loadModelFrom(defaultModelDir());
  return cached;
}
