/**
 * The injection section of docs/EVAL.md: the shipped model and combiner on dev and test, overall
 * and per source, next to classifier-only and rules-only baselines. Unlicensed sources (excluded
 * from training and tuning) are reported on their own rows, never mixed into the headline figures.
 */
import { performance } from 'node:perf_hooks';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createPipeline } from '../../src/core/pipeline.js';
import { createRootView } from '../../src/core/text/view.js';
import { combine } from '../../src/detect/injection/assess.js';
import { defaultModelDir, getDefaultModel, type ClassifierModel } from '../../src/detect/injection/classifier/model.js';
import { buildInjectionFamily, createEvidenceDetectors } from '../../src/detect/injection/index.js';
import { loadSplit, sourceGroup, type Row, type Split } from '../train/data.js';
import { metricsOf, type Metrics } from '../train/metrics.js';
import { scoreRows, type ScoredRow } from '../train/score-rows.js';

/** A rule or obfuscation finding at or above this score counts as a flag in the rules-only baseline. */
const RULES_ONLY_THRESHOLD = 0.5;

type Variant = 'combined' | 'classifier' | 'rules';
const VARIANTS: readonly Variant[] = ['combined', 'classifier', 'rules'];
const VARIANT_LABEL: Record<Variant, string> = { combined: 'combined (shipped)', classifier: 'classifier only', rules: 'rules + obfuscation only' };

interface Judged { row: Row; flags: Record<Variant, boolean> }

const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;
const f4 = (x: number): string => x.toFixed(4);

function classifierOnlyThreshold(model: ClassifierModel): number {
  const dev = model.meta.provenance['dev'] as { classifierOnly?: { threshold?: number } } | undefined;
  return dev?.classifierOnly?.threshold ?? 0.5;
}

function judge(model: ClassifierModel, scored: readonly ScoredRow[]): Judged[] {
  const clfT = classifierOnlyThreshold(model);
  return scored.map((s) => ({
    row: s.row,
    flags: {
      combined: combine(model.meta.combiner, s.inputs) >= model.meta.threshold,
      classifier: s.classifier >= clfT,
      rules: s.ruleMax >= RULES_ONLY_THRESHOLD,
    },
  }));
}

const mainMetrics = (rows: readonly Judged[], v: Variant): Metrics => metricsOf(rows.map((r) => r.flags[v]), rows.map((r) => r.row.label));

function overallTable(bySplit: Record<Split, Judged[]>, splits: readonly Split[]): string {
  const lines = ['| split | variant | main P | main R | main F1 | main FPR | medical FPR (flagged / rows) |', '|---|---|---|---|---|---|---|'];
  for (const split of splits) {
    const rows = bySplit[split].filter((r) => r.row.licensed);
    const main = rows.filter((r) => r.row.set === 'main');
    const med = rows.filter((r) => r.row.set === 'medical');
    for (const v of VARIANTS) {
      const m = mainMetrics(main, v);
      const medFp = med.filter((r) => r.flags[v]).length;
      lines.push(`| ${split} | ${VARIANT_LABEL[v]} | ${f4(m.precision)} | ${f4(m.recall)} | **${f4(m.f1)}** | ${pct(m.fpr)} | **${pct(medFp / Math.max(1, med.length))}** (${medFp} / ${med.length}) |`);
    }
  }
  return lines.join('\n');
}

function perSourceTable(rows: readonly Judged[], devRows: readonly Judged[]): string {
  const groups = new Map<string, { rows: Judged[]; dev: Judged[] }>();
  const key = (r: Row): string => `${r.set}\u0000${r.label}\u0000${sourceGroup(r.source)}`;
  for (const r of rows) {
    const g = groups.get(key(r.row)) ?? { rows: [], dev: [] };
    g.rows.push(r);
    groups.set(key(r.row), g);
  }
  for (const r of devRows) groups.get(key(r.row))?.dev.push(r);
  const lines = [
    '| set | source | label | licensed | test rows | flagged | recall / FPR | classifier only | rules only | dev rows | dev recall / FPR |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const sorted = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
  for (const [, g] of sorted) {
    const first = (g.rows[0] as Judged).row;
    const rate = (rs: readonly Judged[], v: Variant): string => (rs.length === 0 ? 'n/a' : pct(rs.filter((r) => r.flags[v]).length / rs.length));
    const flagged = g.rows.filter((r) => r.flags.combined).length;
    const what = first.label === 1 ? 'recall' : 'FPR';
    lines.push(`| ${first.set} | ${sourceGroup(first.source)} | ${first.label} | ${first.licensed ? 'yes' : '**no**'} | ${g.rows.length} | ${flagged} | ${what} ${rate(g.rows, 'combined')} | ${rate(g.rows, 'classifier')} | ${rate(g.rows, 'rules')} | ${g.dev.length} | ${rate(g.dev, 'combined')} |`);
  }
  return lines.join('\n');
}

function weakest(rows: readonly Judged[]): string {
  const groups = new Map<string, Judged[]>();
  for (const r of rows) {
    if (!r.row.licensed || r.row.label !== 1) continue;
    const k = sourceGroup(r.row.source);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups.entries()]
    .map(([k, rs]) => ({ k, n: rs.length, recall: rs.filter((r) => r.flags.combined).length / rs.length }))
    .filter((g) => g.n >= 5)
    .sort((a, b) => a.recall - b.recall)
    .slice(0, 4)
    .map((g) => `${g.k} (recall ${pct(g.recall)} on ${g.n} rows)`)
    .join('; ');
}

/** Mean microseconds per call over a fixed 1 KB prompt; measured here, never asserted in tests. */
function speed(model: ClassifierModel): { classifierUs: number; familyUs: number } {
  const base = 'Please summarise the attached discharge letter for the ward round and list any medication changes. ';
  const text = base.repeat(Math.ceil(1024 / base.length)).slice(0, 1024);
  const family = buildInjectionFamily(model, {}, createEvidenceDetectors());
  const pipeline = createPipeline({ detectors: family.detectors, ...(family.assessor ? { assessors: [family.assessor] } : {}) });
  const time = (fn: () => void, n: number): number => {
    for (let i = 0; i < 200; i++) fn();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn();
    return ((performance.now() - t0) * 1000) / n;
  };
  // A fresh view per call, so the detector's per-view cache does not turn the timing into a lookup.
  const classifierUs = time(() => { family.classifier.score(createRootView(text)); }, 5000);
  const familyUs = time(() => { pipeline.inspect(text); }, 2000);
  return { classifierUs, familyUs };
}

export async function evalInjection(): Promise<string> {
  const model = getDefaultModel();
  const evidence = createEvidenceDetectors();
  const splits: readonly Split[] = ['dev', 'test'];
  const bySplit = {} as Record<Split, Judged[]>;
  for (const split of splits) {
    const data = loadSplit(split, { includeUnlicensed: true });
    bySplit[split] = judge(model, scoreRows(model, evidence, [...data.main, ...data.medical]));
  }
  const unlicensed = (split: Split): string => {
    const main = bySplit[split].filter((r) => r.row.set === 'main');
    const m = mainMetrics(main, 'combined');
    return `${split}: main F1 ${f4(m.f1)} (P ${f4(m.precision)}, R ${f4(m.recall)}) over ${main.length} rows`;
  };
  const sp = speed(model);
  const weightsBytes = statSync(join(defaultModelDir(), model.meta.weights.file)).size;
  const testMain = mainMetrics(bySplit.test.filter((r) => r.row.licensed && r.row.set === 'main'), 'combined');
  const testMed = bySplit.test.filter((r) => r.row.licensed && r.row.set === 'medical');
  const testMedFpr = testMed.filter((r) => r.flags.combined).length / Math.max(1, testMed.length);
  return [
    '## Prompt injection',
    '',
    'Command: `npm run eval -- injection` (data: `$MEDGUARD_DATA` or `../shared/data`).',
    '',
    `Model \`${model.meta.id}\` (${(weightsBytes / 1024).toFixed(0)} KiB float16 weights, 2^${model.spec.bits} hashed buckets), combiner inputs: ${model.meta.combiner.features.map((f) => `\`${f}\``).join(', ')}.`,
    `Default threshold on the calibrated score: **${model.meta.threshold}** (chosen on dev: best main F1 with dev medical FPR <= 0.5%).`,
    `Evidence detectors in the combiner: ${evidence.length > 0 ? evidence.map((d) => `\`${d.id}\``).join(', ') : 'none (classifier alone)'}.`,
    `Classifier-only threshold: ${f4(classifierOnlyThreshold(model))} (same rule on dev); rules-only flags any rule/obfuscation finding with score >= ${RULES_ONLY_THRESHOLD}.`,
    '',
    `**Test (licensed sources): F1 ${f4(testMain.f1)}, medical-benign FPR ${pct(testMedFpr)}** (targets: F1 >= 0.93, medical FPR <= 1%).`,
    '',
    '### Overall (licensed sources only; the split the threshold was tuned on is dev)',
    '',
    overallTable(bySplit, splits),
    '',
    'Rows from unlicensed sources (Tensor Trust, MedicationQA, LiveQA) were left out of training and tuning; with them included the combined detector scores',
    `${unlicensed('dev')}; ${unlicensed('test')}.`,
    '',
    '### Per source (test split, combined detector at the default threshold)',
    '',
    perSourceTable(bySplit.test, bySplit.dev),
    '',
    `Weakest attack sources on test: ${weakest(bySplit.test)}.`,
    '',
    '### Speed (this machine, one core, mean over repeated calls on a 1 KB prompt)',
    '',
    `Classifier: ${sp.classifierUs.toFixed(1)} µs per 1 KB (budget 40 µs). Whole injection pipeline (view, decoding, rules, obfuscation, classifier, combiner): ${sp.familyUs.toFixed(1)} µs per 1 KB (budget 100 µs).`,
    '',
  ].join('\n');
}
