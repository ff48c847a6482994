/**
 * Latency of the injection rules per 1 KB of text (their budget: 30 µs per KB on one core).
 * Usage: npx tsx scripts/dev/rules-bench.ts [--data DIR] [--chunks 200]
 * Texts are cut into 1 KB chunks (clinical dev notes, then dev attacks); each chunk is timed as
 * the minimum of several runs, which filters out preemption on a shared machine, and the median
 * and p90 over chunks are reported. A trivial character loop is timed the same way so numbers
 * from a loaded machine can be read relative to it. Forms are built before timing: normalisation
 * is budgeted separately. Uses dev splits only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRuleDetector } from '../../src/detect/injection/rules/index.js';
import { createRootView } from '../../src/core/text/view.js';
import type { Mode, TextView } from '../../src/core/types.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? (args[i + 1] as string) : dflt;
};
const dataDir = opt('--data', '/work/shared/data/injection');
const maxChunks = Number(opt('--chunks', '200'));
const REPS = 15;

interface Row { text: string; label: number; split?: string }
const load = (file: string): Row[] => readFileSync(join(dataDir, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row);

function chunks(texts: readonly string[]): string[] {
  const all = texts.join('\n');
  const out: string[] = [];
  for (let i = 0; i + 1024 <= all.length && out.length < maxChunks; i += 1024) out.push(all.slice(i, i + 1024));
  return out;
}

function measure(name: string, items: readonly string[], run: (s: string, i: number) => void): number {
  for (let r = 0; r < 3; r++) items.forEach(run);
  const mins = items.map((s, i) => {
    let best = Infinity;
    for (let r = 0; r < REPS; r++) {
      const t0 = process.hrtime.bigint();
      run(s, i);
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1000);
    }
    return best;
  }).sort((a, b) => a - b);
  const median = mins[mins.length >> 1] ?? 0;
  const p90 = mins[Math.floor(mins.length * 0.9)] ?? 0;
  console.log(`${name.padEnd(34)} median ${median.toFixed(2).padStart(7)} µs/KB   p90 ${p90.toFixed(2).padStart(7)} µs/KB`);
  return median;
}

const detector = createRuleDetector();
const clinical = chunks(load('medical_benign.jsonl').filter((r) => r.split === 'dev').map((r) => r.text));
const attacks = chunks(load('dev.jsonl').filter((r) => r.label === 1).map((r) => r.text));
const prepare = (items: readonly string[]): TextView[] => items.map((s) => {
  const v = createRootView(s);
  v.form('clean');
  v.form('folded');
  return v;
});

const table = new Uint8Array(65536);
table[105] = 1;
const baseline = measure('baseline: one charCodeAt loop', clinical, (s) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) n += table[s.charCodeAt(i)] as number;
  if (n < 0) console.log(n);
});
for (const [name, items] of [['clinical notes', prepare(clinical)], ['attacks', prepare(attacks)]] as const) {
  for (const mode of ['prompt', 'document'] as Mode[]) {
    const med = measure(`rules, ${name}, ${mode}`, items.map((v) => v.raw), (_s, i) => {
      const v = items[i] as TextView;
      detector.detect(v, { mode, views: [v] });
    });
    console.log(`${''.padEnd(34)} = ${(med / baseline).toFixed(1)}x the baseline loop`);
  }
}
