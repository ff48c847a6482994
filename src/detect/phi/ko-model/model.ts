/**
 * The shipped Korean name model: JSON metadata (feature version, hash bits, threshold, provenance)
 * and float16 weights pinned by SHA-256, like the injection classifier. A mismatch is refused with
 * MG_MODEL_INVALID rather than scored with the wrong features.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { MedguardError } from '../../../core/errors.js';
import { decodeHalf, encodeHalf } from '../../injection/classifier/float16.js';
import { KO_FEATURE_VERSION } from './features.js';

export const KO_MODEL_FORMAT = 'medguard.ko-names';
export const KO_MODEL_NAME = 'ko-names';

const metadataSchema = z.object({
  format: z.literal(KO_MODEL_FORMAT),
  id: z.string().min(1),
  featureVersion: z.number().int(),
  bits: z.number().int().min(10).max(22),
  weights: z.object({ file: z.string().regex(/^[\w.-]+$/), encoding: z.literal('float16le'), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  /** Probability at or above which a candidate is reported as a name. */
  threshold: z.number().min(0).max(1),
  provenance: z.record(z.string(), z.unknown()),
});

export type KoModelMetadata = z.infer<typeof metadataSchema>;

export interface KoNameModel {
  readonly bits: number;
  readonly weights: Float32Array;
  /** Logit at or above which a candidate is a name (the threshold, pre-sigmoid, so scoring skips exp). */
  readonly logitThreshold: number;
  readonly meta: KoModelMetadata;
}

const invalid = (why: string, cause?: unknown): MedguardError =>
  new MedguardError('MG_MODEL_INVALID', `Korean name model: ${why}; reinstall medguard or run npm run train -- --ko-names`, cause === undefined ? {} : { cause });

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const logit = (p: number): number => Math.log(p / (1 - p));

export function serializeKoModel(weights: Float32Array, meta: Omit<KoModelMetadata, 'weights'>): { json: string; bin: Uint8Array } {
  const bin = encodeHalf(weights);
  const full: KoModelMetadata = { ...meta, weights: { file: `${KO_MODEL_NAME}.bin`, encoding: 'float16le', sha256: sha256(bin) } };
  return { json: `${JSON.stringify(full, null, 2)}\n`, bin };
}

export function parseKoModel(json: string, bin: Uint8Array): KoNameModel {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw invalid('metadata is not JSON', e);
  }
  const parsed = metadataSchema.safeParse(raw);
  if (!parsed.success) throw invalid(`metadata: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const meta = parsed.data;
  if (meta.featureVersion !== KO_FEATURE_VERSION) throw invalid(`feature version ${meta.featureVersion}, this build computes ${KO_FEATURE_VERSION}`);
  if (bin.byteLength !== 2 << meta.bits) throw invalid(`weights file has ${bin.byteLength} bytes, expected ${2 << meta.bits}`);
  if (sha256(bin) !== meta.weights.sha256) throw invalid('weights checksum mismatch');
  const weights = decodeHalf(bin);
  if (!weights.every(Number.isFinite)) throw invalid('weights contain non-finite values');
  const t = Math.min(Math.max(meta.threshold, 1e-6), 1 - 1e-6);
  return { bits: meta.bits, weights, logitThreshold: logit(t), meta };
}

/** The package's models/ folder: the same relative hop from src/ (tsx) and from dist/ (built). */
function modelDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 7; i++) {
    const candidate = join(dir, 'models');
    if (existsSync(join(candidate, `${KO_MODEL_NAME}.json`))) return candidate;
    dir = dirname(dir);
  }
  return join(dirname(fileURLToPath(import.meta.url)), '../../../../models');
}

export function loadKoModelFrom(dir: string): KoNameModel {
  let json: string;
  let bin: Uint8Array;
  try {
    json = readFileSync(join(dir, `${KO_MODEL_NAME}.json`), 'utf8');
    bin = readFileSync(join(dir, `${KO_MODEL_NAME}.bin`));
  } catch (e) {
    throw invalid('model files are missing or unreadable', e);
  }
  return parseKoModel(json, bin);
}

let cached: KoNameModel | null | undefined;

/** Loaded once per process on first Korean text; `null` means the model was switched off. */
export function koNameModel(): KoNameModel | null {
  if (cached === undefined) cached = loadKoModelFrom(modelDir());
  return cached;
}

/** Replaces the process-wide model: `null` runs the rules alone (training compares against that). */
export function setKoNameModel(model: KoNameModel | null): void {
  cached = model;
}
