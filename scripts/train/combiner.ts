/**
 * Fits the stacking combiner (assess.ts) on dev: a logistic regression over named inputs, with
 * full-batch Adam so the result is deterministic. Inputs that never vary on dev are dropped rather
 * than given an arbitrary weight.
 */
import type { CombinerParams } from '../../src/detect/injection/classifier/model.js';
import { sigmoid } from '../../src/detect/injection/classifier/score.js';

export interface CombinerRow { inputs: ReadonlyMap<string, number>; label: 0 | 1; weight: number }

export function fitCombiner(rows: readonly CombinerRow[], candidates: readonly string[], options: { l2: number; iterations: number }): CombinerParams {
  const features = candidates.filter((name) => {
    const first = rows[0]?.inputs.get(name) ?? 0;
    return rows.some((r) => (r.inputs.get(name) ?? 0) !== first);
  });
  const d = features.length;
  const x = rows.map((r) => Float64Array.from(features, (f) => r.inputs.get(f) ?? 0));
  const w = new Float64Array(d + 1);
  const m = new Float64Array(d + 1);
  const v = new Float64Array(d + 1);
  const totalWeight = rows.reduce((s, r) => s + r.weight, 0);
  const lr = 0.05, b1 = 0.9, b2 = 0.999;
  for (let it = 1; it <= options.iterations; it++) {
    const g = new Float64Array(d + 1);
    for (let i = 0; i < rows.length; i++) {
      const xi = x[i] as Float64Array;
      let z = w[d] as number;
      for (let k = 0; k < d; k++) z += (w[k] as number) * (xi[k] as number);
      const r = rows[i] as CombinerRow;
      const e = ((sigmoid(z) - r.label) * r.weight) / totalWeight;
      for (let k = 0; k < d; k++) g[k] = (g[k] as number) + e * (xi[k] as number);
      g[d] = (g[d] as number) + e;
    }
    for (let k = 0; k <= d; k++) {
      const gk = (g[k] as number) + (k < d ? options.l2 * (w[k] as number) : 0);
      m[k] = b1 * (m[k] as number) + (1 - b1) * gk;
      v[k] = b2 * (v[k] as number) + (1 - b2) * gk * gk;
      const mh = (m[k] as number) / (1 - b1 ** it);
      const vh = (v[k] as number) / (1 - b2 ** it);
      w[k] = (w[k] as number) - (lr * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  const round = (n: number): number => Math.round(n * 1e6) / 1e6;
  return { features, weights: Array.from(w.subarray(0, d), round), bias: round(w[d] as number) };
}
