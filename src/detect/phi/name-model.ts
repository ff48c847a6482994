/**
 * What the two shipped name taggers (ko-model/, latin-model/) share on disk: JSON metadata (format,
 * feature version, hash bits, threshold, provenance) and float16 weights pinned by SHA-256. A
 * mismatch is refused with MG_MODEL_INVALID rather than scored with the wrong features. Each model
 * folder instantiates this once with its own format, file name and feature version.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MedguardError } from '../../core/errors.js';
import { encodeHalf } from '../../core/float16.js';
import { checkedHalfWeights, packageModelDir, parseModelJson, sha256Hex } from '../../core/model-file.js';

/** Hash of a constant feature of either name model: a tag and a small integer, no string built. */
export const hashInt = (tag: number, v: number, mask: number): number => (Math.imul((0x811c9dc5 ^ tag ^ (v << 8)) >>> 0, 0x01000193) >>> 0) & mask;

/** Logit of a candidate from its feature indices (the bias is a hashed feature like the others). */
export function logitOf(model: NameModel, feats: readonly number[]): number {
  let z = 0;
  for (const i of feats) z += model.weights[i] ?? 0;
  return z;
}

export interface NameModelMetadata {
  readonly format: string;
  readonly id: string;
  readonly featureVersion: number;
  readonly bits: number;
  readonly weights: { readonly file: string; readonly encoding: 'float16le'; readonly sha256: string };
  /** Probability at or above which a candidate is reported as a name. */
  readonly threshold: number;
  /** Korean model only: below this probability a title-rule span is dropped (ko-model/index.ts). */
  readonly titleVeto?: number;
  readonly provenance: Record<string, unknown>;
}

export interface NameModel {
  readonly bits: number;
  readonly weights: Float32Array;
  /** Logit at or above which a candidate is a name (the threshold, pre-sigmoid, so scoring skips exp). */
  readonly logitThreshold: number;
  readonly meta: NameModelMetadata;
}

export interface NameModelSpec {
  /** `format` field the metadata must carry, e.g. medguard.ko-names. */
  readonly format: string;
  /** Base name of the two files in models/, e.g. ko-names. */
  readonly name: string;
  /** Used in error messages: "Korean name model". */
  readonly label: string;
  /** The feature version this build computes; a model trained on another is refused. */
  readonly featureVersion: number;
  /** The `npm run train` flag that rebuilds it, named in the error's fix. */
  readonly trainFlag: string;
}

export interface NameModelFile {
  serialize(weights: Float32Array, meta: Omit<NameModelMetadata, 'weights'>): { json: string; bin: Uint8Array };
  parse(json: string, bin: Uint8Array): NameModel;
  loadFrom(dir: string): NameModel;
  /** Loaded once per process on first use; `null` means the model was switched off. */
  get(): NameModel | null;
  /** Replaces the process-wide model: `null` runs the rules alone (training compares against that). */
  set(model: NameModel | null): void;
}

const logit = (p: number): number => Math.log(p / (1 - p));

export function nameModelFile(spec: NameModelSpec): NameModelFile {
  const schema = z.object({
    format: z.literal(spec.format),
    id: z.string().min(1),
    featureVersion: z.number().int(),
    bits: z.number().int().min(10).max(22),
    weights: z.object({ file: z.string().regex(/^[\w.-]+$/), encoding: z.literal('float16le'), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    threshold: z.number().min(0).max(1),
    titleVeto: z.number().gt(0).lt(1).optional(),
    provenance: z.record(z.string(), z.unknown()),
  });
  const invalid = (why: string, cause?: unknown): MedguardError =>
    new MedguardError('MG_MODEL_INVALID', `${spec.label}: ${why}; reinstall medguard or run npm run train -- ${spec.trainFlag}`, cause === undefined ? {} : { cause });

  const parse = (json: string, bin: Uint8Array): NameModel => {
    const parsed = schema.safeParse(parseModelJson(json, invalid));
    if (!parsed.success) throw invalid(`metadata: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const meta = parsed.data;
    if (meta.featureVersion !== spec.featureVersion) throw invalid(`feature version ${meta.featureVersion}, this build computes ${spec.featureVersion}`);
    const weights = checkedHalfWeights(bin, { sha256: meta.weights.sha256, count: 1 << meta.bits }, invalid);
    const t = Math.min(Math.max(meta.threshold, 1e-6), 1 - 1e-6);
    return { bits: meta.bits, weights, logitThreshold: logit(t), meta };
  };

  const loadFrom = (dir: string): NameModel => {
    let json: string;
    let bin: Uint8Array;
    try {
      json = readFileSync(join(dir, `${spec.name}.json`), 'utf8');
      bin = readFileSync(join(dir, `${spec.name}.bin`));
    } catch (e) {
      throw invalid('model files are missing or unreadable', e);
    }
    return parse(json, bin);
  };

  let cached: NameModel | null | undefined;
  return {
    serialize(weights, meta) {
      const bin = encodeHalf(weights);
      const full: NameModelMetadata = { ...meta, weights: { file: `${spec.name}.bin`, encoding: 'float16le', sha256: sha256Hex(bin) } };
      return { json: `${JSON.stringify(full, null, 2)}\n`, bin };
    },
    parse,
    loadFrom,
    get() {
      if (cached === undefined) cached = loadFrom(packageModelDir(import.meta.url, `${spec.name}.json`));
      return cached;
    },
    set(model) {
      cached = model;
    },
  };
}
