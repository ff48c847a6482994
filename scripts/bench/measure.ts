/**
 * Shared timing helpers for the benchmark sections. Single-threaded, warm-up first, per-call
 * samples so medians and tails are real rather than averages over batches.
 */

export interface Sample {
  /** Wall-clock time per call. */
  readonly medianUs: number;
  readonly p99Us: number;
  /**
   * CPU time per call (user + system, all threads). On a shared, oversubscribed machine this is
   * the honest "one core" figure: wall time there includes waiting for a core.
   */
  readonly cpuMedianUs: number;
  readonly cpuP99Us: number;
  readonly count: number;
  /** Total bytes processed divided by total wall time, in MB/s (10^6 bytes). */
  readonly mbPerSec: number;
  /** The same over total CPU time. */
  readonly mbPerCpuSec: number;
}

export interface MeasureOptions {
  /** Stop after this long even if maxSamples was not reached. */
  readonly budgetMs: number;
  readonly minSamples: number;
  readonly maxSamples: number;
}

export const DEFAULT_MEASURE: MeasureOptions = { budgetMs: 2000, minSamples: 30, maxSamples: 20_000 };

/** Calls fn(input) over the inputs round-robin; `bytes` gives each input's size for throughput. */
export function measure<T>(inputs: readonly T[], bytes: (input: T) => number, fn: (input: T) => unknown, options: MeasureOptions = DEFAULT_MEASURE): Sample {
  // Warm-up: every input once, so the JIT and any lazy tables are settled before timing.
  for (const input of inputs) fn(input);
  const times: number[] = [];
  const cpu: number[] = [];
  let totalBytes = 0;
  let totalNs = 0n;
  const deadline = process.hrtime.bigint() + BigInt(options.budgetMs) * 1_000_000n;
  for (let i = 0; times.length < options.maxSamples; i++) {
    const input = inputs[i % inputs.length]!;
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    fn(input);
    const dt = process.hrtime.bigint() - t0;
    const c = process.cpuUsage(c0);
    times.push(Number(dt) / 1000);
    cpu.push(c.user + c.system);
    totalNs += dt;
    totalBytes += bytes(input);
    if (times.length >= options.minSamples && t0 > deadline) break;
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    medianUs: quantile(times, 0.5),
    p99Us: quantile(times, 0.99),
    cpuMedianUs: quantile(cpu, 0.5),
    cpuP99Us: quantile(cpu, 0.99),
    count: times.length,
    mbPerSec: totalBytes / 1e6 / (Number(totalNs) / 1e9),
    mbPerCpuSec: totalBytes / 1e6 / (cpu.reduce((a, b) => a + b, 0) / 1e6),
  };
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Peak resident set size of this process so far, in MB. */
export const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

export const fmt = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

/** A deterministic PRNG so every run benchmarks the same inputs. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
