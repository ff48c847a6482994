/**
 * Recall and false-positive rate of the injection rules on the dev split only (never test).
 * Usage: npx tsx scripts/dev/rules-eval.ts [--data DIR] [--threshold 0.5] [--plain] [--show-fp N] [--show-miss N]
 * --plain uses a lower-case-only view instead of the real normaliser (to separate rule quality
 * from normalisation quality).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRuleDetector } from '../../src/detect/injection/rules/index.js';
import { plainView } from '../../src/detect/injection/rules/test-view.js';
import { createRootView } from '../../src/core/text/view.js';
import type { Finding, Mode, TextView } from '../../src/core/types.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? (args[i + 1] as string) : dflt;
};
const dataDir = opt('--data', '/work/shared/data/injection');
const threshold = Number(opt('--threshold', '0.5'));
const showFp = Number(opt('--show-fp', '0'));
const showMiss = Number(opt('--show-miss', '0'));
const plain = args.includes('--plain');

interface Row { text: string; label: number; source: string; lang?: string; split?: string }
const load = (file: string): Row[] => readFileSync(join(dataDir, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row);

const detector = createRuleDetector();
const view = (text: string): TextView => (plain ? plainView(text) : createRootView(text));
const top = (fs: Finding[]): number => fs.reduce((m, f) => Math.max(m, f.score), 0);

function report(name: string, rows: Row[], mode: Mode): void {
  const pos = rows.filter((r) => r.label === 1);
  const neg = rows.filter((r) => r.label === 0);
  let tp = 0; let anyPos = 0; let fp = 0; let anyNeg = 0;
  const fpRules = new Map<string, number>();
  const missBySource = new Map<string, [number, number]>();
  const byLang = new Map<string, [number, number]>();
  const fps: string[] = []; const misses: string[] = [];
  let micros = 0; let chars = 0;
  for (const r of [...pos, ...neg]) {
    // Normalisation is another component's cost: build the forms first, time only the rules.
    const v = view(r.text);
    v.form('clean');
    v.form('folded');
    const t0 = process.hrtime.bigint();
    const fs = detector.detect(v, { mode, views: [v] });
    micros += Number(process.hrtime.bigint() - t0) / 1000;
    chars += r.text.length;
    const s = top(fs);
    const src = r.source.split(':')[0] ?? r.source;
    if (r.label === 1) {
      const e = missBySource.get(src) ?? [0, 0];
      e[1]++;
      if (s > 0) anyPos++;
      const l = byLang.get(r.lang ?? '?') ?? [0, 0];
      l[1]++;
      if (s >= threshold) l[0]++;
      byLang.set(r.lang ?? '?', l);
      if (s >= threshold) { tp++; e[0]++; } else if (misses.length < showMiss) misses.push(r.text.slice(0, 160).replace(/\n/g, ' '));
      missBySource.set(src, e);
    } else {
      if (s > 0) anyNeg++;
      if (s >= threshold) {
        fp++;
        for (const f of fs) if (f.score >= threshold) fpRules.set(f.rule ?? '?', (fpRules.get(f.rule ?? '?') ?? 0) + 1);
        if (fps.length < showFp) fps.push(`${fs.filter((f) => f.score >= threshold).map((f) => `${f.rule}=${f.score}`).join(',')} :: ${r.text.slice(0, 160).replace(/\n/g, ' ')}`);
      }
    }
  }
  const pct = (a: number, b: number): string => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
  console.log(`\n== ${name} (mode ${mode}, threshold ${threshold}${plain ? ', plain view' : ''})`);
  if (pos.length) console.log(`recall ${pct(tp, pos.length)} (${tp}/${pos.length}); any finding on ${pct(anyPos, pos.length)}`);
  if (neg.length) console.log(`FPR ${pct(fp, neg.length)} (${fp}/${neg.length}); any finding on ${pct(anyNeg, neg.length)}`);
  console.log(`speed ${(micros / (chars / 1024)).toFixed(1)} µs per KB (${rows.length} texts, rules only, forms prebuilt; shared machine, see docs)`);
  if (pos.length) for (const [src, [a, b]] of [...missBySource].sort()) console.log(`  recall ${src}: ${pct(a, b)} (${a}/${b})`);
  if (byLang.size > 1) console.log('  recall by language:', [...byLang].sort((a, b) => b[1][1] - a[1][1]).map(([k, [a, b]]) => `${k} ${a}/${b}`).join(', '));
  if (fpRules.size) console.log('  false positives by rule:', [...fpRules].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}:${v}`).join(' '));
  for (const l of fps) console.log('  FP', l);
  for (const l of misses) console.log('  MISS', l);
}

// Regexes compile lazily and tier up after first use; warm every rule up before timing anything.
for (const r of load('dev.jsonl').slice(0, 400)) {
  const v = view(r.text);
  for (const mode of ['prompt', 'document'] as const) detector.detect(v, { mode, views: [v] });
}

// BIPIA rows are retrieved documents (emails, tables) with a planted task: judge them as documents.
const dev = load('dev.jsonl');
const isDoc = (r: Row): boolean => r.source.startsWith('microsoft/BIPIA');
report('injection dev.jsonl, user prompts', dev.filter((r) => !isDoc(r)), 'prompt');
report('injection dev.jsonl, BIPIA documents', dev.filter(isDoc), 'document');
const med = load('medical_benign.jsonl').filter((r) => r.split === 'dev');
report('medical_benign dev', med, 'prompt');
report('medical_benign dev', med, 'document');
