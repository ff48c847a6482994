/**
 * Seeded AdaGrad logistic regression over the classifier's hashed window features. Documents
 * longer than one window are bags of windows: benign bags teach every window as benign, attack
 * bags teach only their highest-scoring window (multiple-instance learning), which matches the
 * max-over-windows rule used at inference.
 */
import { createWindowFeatures, DENSE_COUNT, extractWindow, windowSpans, type FeatureSpec } from '../../src/detect/injection/classifier/features.js';
import { sigmoid, type LinearModel } from '../../src/detect/injection/classifier/score.js';

interface Window { idx: Int32Array; val: Float32Array; dense: Float64Array }
export interface Example { windows: Window[]; label: 0 | 1; weight: number }

export interface TrainParams {
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  readonly seed: number;
}

/** Same values the scorer uses: counts scaled by 1/sqrt(group size). */
export function featurize(text: string, spec: FeatureSpec): Window[] {
  const f = createWindowFeatures(spec);
  const out: Window[] = [];
  const spans = windowSpans(text.length, spec);
  for (let s = 0; s < spans.length; s += 2) {
    extractWindow(text, spans[s] as number, spans[s + 1] as number, spec, f);
    const counts = new Map<number, number>();
    const cs = f.charEnd > 0 ? 1 / Math.sqrt(f.charEnd) : 0;
    const nw = f.indices.length - f.wordStart;
    const ws = nw > 0 ? 1 / Math.sqrt(nw) : 0;
    for (let i = 0; i < f.indices.length; i++) {
      if (i === f.charEnd) i = f.wordStart;
      if (i >= f.indices.length) break;
      const k = f.indices[i] as number;
      counts.set(k, (counts.get(k) ?? 0) + (i < f.charEnd ? cs : ws));
    }
    const idx = Int32Array.from(counts.keys());
    const val = Float32Array.from(counts.values());
    out.push({ idx, val, dense: Float64Array.from(f.dense) });
  }
  return out;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function dot(w: Float32Array, dense: Float64Array, bias: number, win: Window): number {
  let z = bias;
  for (let i = 0; i < win.idx.length; i++) z += (w[win.idx[i] as number] as number) * (win.val[i] as number);
  for (let k = 0; k < DENSE_COUNT; k++) z += (dense[k] as number) * (win.dense[k] as number);
  return z;
}

export function train(examples: readonly Example[], spec: FeatureSpec, params: TrainParams): LinearModel {
  const size = 1 << spec.bits;
  const w = new Float32Array(size);
  const g2 = new Float32Array(size).fill(1e-6);
  const dense = new Float64Array(DENSE_COUNT);
  const dg2 = new Float64Array(DENSE_COUNT).fill(1e-6);
  let bias = 0;
  let bg2 = 1e-6;
  const rand = mulberry32(params.seed);
  const order = examples.map((_, i) => i);
  const lr = params.learningRate;

  const step = (win: Window, label: number, weight: number): void => {
    const g = (sigmoid(dot(w, dense, bias, win)) - label) * weight;
    for (let i = 0; i < win.idx.length; i++) {
      const k = win.idx[i] as number;
      const wk = w[k] as number;
      const gk = g * (win.val[i] as number) + params.l2 * wk;
      const acc = (g2[k] as number) + gk * gk;
      g2[k] = acc;
      w[k] = wk - (lr * gk) / Math.sqrt(acc);
    }
    for (let k = 0; k < DENSE_COUNT; k++) {
      const gk = g * (win.dense[k] as number);
      dg2[k] = (dg2[k] as number) + gk * gk;
      dense[k] = (dense[k] as number) - (lr * gk) / Math.sqrt(dg2[k] as number);
    }
    bg2 += g * g;
    bias -= (lr * g) / Math.sqrt(bg2);
  };

  for (let epoch = 0; epoch < params.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const i of order) {
      const ex = examples[i] as Example;
      if (ex.label === 0 || ex.windows.length === 1) {
        const share = ex.weight / ex.windows.length;
        // A benign bag's weight is shared by its windows, so long documents do not outweigh short prompts.
        for (const win of ex.windows) step(win, ex.label, share);
        continue;
      }
      if (epoch === 0) {
        // No model yet to say which window holds the attack: spread the bag's weight. (Skipping these
        // bags in epoch 1 instead was tried: dev F1 0.919 vs 0.944.)
        for (const win of ex.windows) step(win, 1, ex.weight / ex.windows.length);
        continue;
      }
      let best = ex.windows[0] as Window;
      let bestZ = -Infinity;
      for (const win of ex.windows) {
        const z = dot(w, dense, bias, win);
        if (z > bestZ) { bestZ = z; best = win; }
      }
      step(best, 1, ex.weight);
    }
  }
  return { spec, weights: w, dense: [...dense], bias };
}
