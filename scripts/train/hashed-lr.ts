/**
 * The trainer and model writer both name taggers use (ko-names, latin-names): SGD logistic regression over hashed
 * binary features, shuffled by a fixed LCG so retraining is byte-identical, with the end-of-epoch
 * weights averaged (steadier than the last epoch's on a few thousand sentences).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface HashedExample { readonly feats: Int32Array; readonly label: 0 | 1 }

export interface HashedLrParams { readonly bits: number; readonly epochs: number; readonly learningRate: number; readonly l2: number }

export function trainHashedLr(data: readonly HashedExample[], p: HashedLrParams): Float32Array {
  const w = new Float32Array(1 << p.bits);
  const avg = new Float32Array(1 << p.bits);
  const order = data.map((_, i) => i);
  let seed = 12345;
  for (let epoch = 0; epoch < p.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    const lr = p.learningRate / (1 + epoch);
    for (const k of order) {
      const ex = data[k];
      if (!ex) continue;
      let z = 0;
      for (const f of ex.feats) z += w[f] ?? 0;
      const g = 1 / (1 + Math.exp(-z)) - ex.label;
      for (const f of ex.feats) w[f] = (w[f] ?? 0) * (1 - lr * p.l2) - lr * g;
    }
    for (let i = 0; i < w.length; i++) avg[i] = (avg[i] ?? 0) + (w[i] ?? 0) / p.epochs;
  }
  return avg;
}

type Serialize<M> = (weights: Float32Array, meta: M) => { json: string; bin: Uint8Array };

/**
 * Writes `<name>.bin` and `<name>.json` into `outDir`, the model id naming the weights' digest
 * (`<name>-v1-<sha256 prefix>`), which the first serialisation computes.
 */
export function writeNameModel<M extends object>(serialize: Serialize<M>, weights: Float32Array, meta: M, name: string, outDir: string): { id: string; bin: Uint8Array } {
  const first = serialize(weights, meta);
  const id = `${name}-v1-${(JSON.parse(first.json) as { weights: { sha256: string } }).weights.sha256.slice(0, 12)}`;
  const { json, bin } = serialize(weights, { ...meta, id });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `${name}.bin`), bin);
  writeFileSync(join(outDir, `${name}.json`), json);
  return { id, bin };
}
