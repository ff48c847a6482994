import { createWindowFeatures, DENSE_COUNT, extractWindow, windowSpans, type FeatureSpec, type WindowFeatures } from './features.js';
import { SCAN_MAX_CHARS, scanBestWindow } from './scan.js';

/** The numeric part of a classifier: what scoring needs, nothing about files. */
export interface LinearModel {
  readonly spec: FeatureSpec;
  /** One weight per hash bucket (2^bits). */
  readonly weights: Float32Array;
  readonly dense: readonly number[];
  readonly bias: number;
}

export interface ClassifierScore {
  readonly probability: number;
  readonly logit: number;
  /** The best window, as offsets into the scored text. */
  readonly start: number;
  readonly end: number;
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

// One scratch buffer per spec object; scoring is synchronous, so it is never shared mid-use.
const scratch = new WeakMap<FeatureSpec, WindowFeatures>();

function scratchFor(spec: FeatureSpec): WindowFeatures {
  let s = scratch.get(spec);
  if (!s) {
    s = createWindowFeatures(spec);
    scratch.set(spec, s);
  }
  return s;
}

/**
 * Each group is scaled by 1/sqrt(its feature count) so a window's logit does not grow with its
 * length; the trainer uses the same scaling (see featureValues).
 */
export function windowLogit(model: LinearModel, f: WindowFeatures): number {
  const w = model.weights;
  const idx = f.indices;
  let chars = 0;
  for (let i = 0; i < f.charEnd; i++) chars += w[idx[i] as number] as number;
  let words = 0;
  for (let i = f.wordStart; i < idx.length; i++) words += w[idx[i] as number] as number;
  let z = model.bias;
  if (f.charEnd > 0) z += chars / Math.sqrt(f.charEnd);
  const nWords = idx.length - f.wordStart;
  if (nWords > 0) z += words / Math.sqrt(nWords);
  for (let k = 0; k < model.dense.length; k++) z += (model.dense[k] as number) * (f.dense[k] as number);
  return z;
}

/** Max over windows, so an attack inside a long benign document is not averaged away. */
export function scoreText(model: LinearModel, text: string): ClassifierScore {
  if (text.length <= SCAN_MAX_CHARS && model.dense.length === DENSE_COUNT) {
    const best = scanBestWindow(model, model.spec, text);
    return { probability: sigmoid(best.logit), logit: best.logit, start: best.start, end: best.end };
  }
  return scoreTextByWindow(model, text);
}

/** The reference: each window hashed on its own (and the path for very long, sampled texts). */
export function scoreTextByWindow(model: LinearModel, text: string): ClassifierScore {
  const spec = model.spec;
  const f = scratchFor(spec);
  let best = -Infinity;
  let bestStart = 0;
  let bestEnd = 0;
  const spans = windowSpans(text.length, spec);
  for (let k = 0; k < spans.length; k += 2) {
    const start = spans[k] as number;
    const end = spans[k + 1] as number;
    extractWindow(text, start, end, spec, f);
    const z = windowLogit(model, f);
    if (z > best) {
      best = z;
      bestStart = start;
      bestEnd = end;
    }
  }
  return { probability: sigmoid(best), logit: best, start: bestStart, end: bestEnd };
}
