/** Threshold metrics shared by training (tuning on dev) and the eval report. */

export interface Metrics {
  readonly rows: number;
  readonly tp: number;
  readonly fp: number;
  readonly tn: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly fpr: number;
}

export function metricsOf(flags: readonly boolean[], labels: readonly number[]): Metrics {
  let tp = 0, fp = 0, tn = 0, fn = 0;
  for (let i = 0; i < flags.length; i++) {
    const pos = labels[i] === 1;
    if (flags[i]) { if (pos) tp++; else fp++; } else if (pos) fn++; else tn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { rows: flags.length, tp, fp, tn, fn, precision, recall, f1, fpr: fp + tn > 0 ? fp / (fp + tn) : 0 };
}

/** Number of values >= t in an ascending array. */
function countAtLeast(sorted: Float64Array, t: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < t) lo = mid + 1; else hi = mid;
  }
  return sorted.length - lo;
}

export interface ThresholdChoice { threshold: number; f1: number; medicalFpr: number }

/** A benign set whose false-positive rate must stay within `maxFpr`. */
export interface FprCap { readonly scores: readonly number[]; readonly maxFpr: number }

/**
 * Best main-set F1 among thresholds that keep every capped benign set within its cap;
 * `medicalFpr` reports the first cap's rate. The threshold is placed halfway to the next lower
 * score, so it is not balanced on one dev row.
 */
export function chooseThreshold(mainScores: readonly number[], mainLabels: readonly number[], caps: readonly FprCap[]): ThresholdChoice {
  const pos = Float64Array.from(mainScores.filter((_, i) => mainLabels[i] === 1)).sort();
  const neg = Float64Array.from(mainScores.filter((_, i) => mainLabels[i] !== 1)).sort();
  const capped = caps.map((c) => ({ sorted: Float64Array.from(c.scores).sort(), maxFpr: c.maxFpr }));
  const candidates = [...new Set([...mainScores, ...caps.flatMap((c) => c.scores)])].sort((a, b) => b - a);
  let best: ThresholdChoice = { threshold: 1, f1: 0, medicalFpr: 0 };
  for (let i = 0; i < candidates.length; i++) {
    const hi = candidates[i] as number;
    const t = i + 1 < candidates.length ? (hi + (candidates[i + 1] as number)) / 2 : hi;
    const rates = capped.map((c) => (c.sorted.length > 0 ? countAtLeast(c.sorted, t) / c.sorted.length : 0));
    if (rates.some((r, k) => r > (capped[k] as { maxFpr: number }).maxFpr)) break;
    const tp = countAtLeast(pos, t);
    const fp = countAtLeast(neg, t);
    const fn = pos.length - tp;
    const f1 = tp > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0;
    if (f1 > best.f1) best = { threshold: t, f1, medicalFpr: rates[0] ?? 0 };
  }
  return best;
}
