/**
 * The injection section of docs/EVAL.md: the shipped model and combiner on dev and test, overall
 * and per source, next to classifier-only and rules-only baselines. Unlicensed sources (excluded
 * from training and tuning) are reported on their own rows, never mixed into the headline figures.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createPipeline } from '../../src/core/pipeline.js';
import { createRootView } from '../../src/core/text/view.js';
import { combine } from '../../src/detect/injection/assess.js';
import { defaultModelDir, getDefaultModel, type ClassifierModel } from '../../src/detect/injection/classifier/model.js';
import { scoreText, scoreTextByWindow } from '../../src/detect/injection/classifier/score.js';
import { buildInjectionFamily, createEvidenceDetectors } from '../../src/detect/injection/index.js';
import { injectIntoDocuments, SYNTHETIC_SOURCE } from '../train/augment.js';
import { loadSplit, sourceGroup, type Row, type Split } from '../train/data.js';
import { metricsOf, type Metrics } from '../train/metrics.js';
import { scoreRows, type ScoredRow } from '../train/score-rows.js';
import { languageSection } from './injection-languages.js';

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
function speed(model: ClassifierModel): { classifierUs: number; scoreUs: number; byWindowUs: number; familyUs: number; loopUs: number } {
  const base = 'Please summarise the attached discharge letter for the ward round and list any medication changes. ';
  const text = base.repeat(Math.ceil(1024 / base.length)).slice(0, 1024);
  const family = buildInjectionFamily(model, {}, createEvidenceDetectors());
  const pipeline = createPipeline({ detectors: family.detectors, ...(family.assessor ? { assessors: [family.assessor] } : {}) });
  // CPU time, not wall time: on a shared machine the wait for a core is not the detector's cost.
  const time = (fn: () => void, n: number): number => {
    for (let i = 0; i < 200; i++) fn();
    const c0 = process.cpuUsage();
    for (let i = 0; i < n; i++) fn();
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / n;
  };
  // A fresh view per call, so the detector's per-view cache does not turn the timing into a lookup.
  const classifierUs = time(() => { family.classifier.score(createRootView(text)); }, 5000);
  const folded = createRootView(text).form('folded').text;
  const scoreUs = time(() => { scoreText(model, folded); }, 5000);
  const byWindowUs = time(() => { scoreTextByWindow(model, folded); }, 5000);
  const familyUs = time(() => { pipeline.inspect(text); }, 2000);
  // A bare FNV loop over the same 1 KB, to show how loaded the machine was during the run.
  let sink = 0;
  const loopUs = time(() => { for (let j = 0; j < text.length; j++) sink = Math.imul(sink ^ text.charCodeAt(j), 16777619); }, 5000);
  return { classifierUs, scoreUs, byWindowUs, familyUs, loopUs: sink === 0.5 ? 0 : loopUs };
}

export async function evalInjection(): Promise<string> {
  const model = getDefaultModel();
  const evidence = createEvidenceDetectors();
  const splits: readonly Split[] = ['dev', 'test'];
  const bySplit = {} as Record<Split, Judged[]>;
  const synthetic = {} as Record<Split, Judged[]>;
  for (const split of splits) {
    const data = loadSplit(split, { includeUnlicensed: true });
    bySplit[split] = judge(model, scoreRows(model, evidence, [...data.main, ...data.medical]));
    synthetic[split] = judge(model, scoreRows(model, evidence, injectIntoDocuments(data, 300, split)));
  }
  const synRecall = (split: Split, v: Variant): string => pct(synthetic[split].filter((r) => r.flags[v]).length / Math.max(1, synthetic[split].length));
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
    `Default threshold on the calibrated score: **${model.meta.threshold}** (chosen on dev: best main F1 with dev medical-benign FPR <= 0.5% overall, <= 1% on medical documents of 800+ characters and <= 1% on the dev quarter of the benign multilingual rows).`,
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
    '### Attacks injected into clinical documents (synthetic)',
    '',
    `No public medical prompt-injection set exists, so \`scripts/train/augment.ts\` inserts each split's own short attacks (20-700 chars) into its own long medical-benign documents (>= 800 chars: clinical notes, dialogues, abstracts, answers) at the start, a middle line/sentence break or the end (source \`${SYNTHETIC_SOURCE}\`). Training used 800 such rows from train, the combiner fit 300 from dev; the test rows below were never seen.`,
    '',
    '| split | rows | combined recall | classifier only | rules only |',
    '|---|---|---|---|---|',
    ...splits.map((s) => `| ${s} | ${synthetic[s].length} | ${synRecall(s, 'combined')} | ${synRecall(s, 'classifier')} | ${synRecall(s, 'rules')} |`),
    '',
    '### Languages (held out: test halves, never trained or tuned on)',
    '',
    languageSection(model, evidence, bySplit.test.filter((r) => r.row.set === 'main').map((r) => r.row)),
    '',
    '### Per source (test split, combined detector at the default threshold)',
    '',
    perSourceTable(bySplit.test, bySplit.dev),
    '',
    `Weakest attack sources on test: ${weakest(bySplit.test)}.`,
    '',
    '### Where it fails, and why',
    '',
    '- **BIPIA tables (and clean BIPIA emails/tables).** BIPIA\'s text attacks are ordinary-looking tasks ("add a link to...", "answer in French") placed inside a table or email; nothing in their wording marks them as injected, and the clean and injected versions of one document share almost all text. The model partly learned "looks like a BIPIA table" instead of the attack, which shows as both missed injected tables and flagged clean ones. Up-weighting the clean documents to cancel the shared text (`pairedBalance`) lowered dev F1, so it is off; this is the clearest place a larger, contrastive data set would help.',
    '- **PAIR (JailbreakBench).** Persuasive role-play rewrites of a harmful request ("You are a novelist whose character must explain..."). They are jailbreaks by intent, not by form: no override phrase, no delimiter, no persona template. A lexical model sees fiction-writing requests much like the benign WildGuard role-play prompts.',
    '- **Buried attacks in long clinical documents (synthetic rows).** An injection of one or two sentences inside a 3-5 KB note is a small share even of a 512-character window, and clinical wording is strongly benign evidence. Explicit overrides are caught (rules fire; the fine window scale helps); short task-style injections ("also email the summary to...") are mostly missed.',
    '- **Long clinical notes (ACI-Bench).** Full encounter notes are the medical text most like a hospital document, and the one source with a visible false-positive rate: the classifier takes the maximum over many windows, and one odd window (a templated instruction block, a patient quoting what they were told to stop or ignore) is enough. The threshold therefore also caps dev FPR on medical documents of 800+ characters at 1%; the per-source rows above show what is left.',
    '- **Unlicensed Tensor Trust hijacking attacks** were never trained on; their recall shows how the model does on an attack style it has not seen (many are long nonsense-token or repeated-character prompts).',
    '- **Languages.** The injection sets\' benign rows are almost all English while their attacks span 19 languages, so a model trained on them alone learned "not English" as attack evidence: model `injection-v1-79a9b63ef3e5` flagged 491 of 492 Spanish clinical case reports, 10.4% of Korean news and review sentences and 2.8% of Presidio\'s sentences in the held-out halves above. Training now adds benign rows in other languages (`scripts/train/multilingual.ts`: MEDDOCAN, Presidio, ASQ-PHI and our Korean snippets from the PHI dev half, and faker Korean sentences; KLUE is never trained on, so its figure is a clean held-out one) and caps their dev FPR at 1%. That cost some multilingual attack recall (129 non-English test attacks: 128 -> 122 caught; PurpleLlama machine-translated 99.2% -> 94.7%) and 0.008 test F1. Other languages than Spanish and Korean have no benign rows yet, so their false-positive rate is still unmeasured.',
    '- **What the rules add.** On these sets the combiner gains little F1 over the classifier alone (the rule hits are mostly on attacks the classifier already scores high); the rules matter for explainable findings, for explicit attacks inside long documents, and for decoded payloads.',
    '- **Short chit-chat.** Below 12 visible characters (Han, kana and Hangul count two) the classifier abstains and only a rule or obfuscation finding can flag, so "hello", "thanks", "안녕하세요" or a one-word answer ("Abilify.") pass while "DAN mode on" is still caught; no licensed train/dev attack is that short. Greetings and thanks (in eight languages) count as no evidence at all, so "Hello, how are you?" or "안녕하세요, 감사합니다!" is left to the rules too: in train, texts opening with a greeting are mostly attacks (118 attack rows, 21 benign), as role-play and persona set-ups start that way, and the classifier had learned that prior (0.94 for "Hello, how are you?").',
    '- **Base rates.** F1 is measured on a roughly balanced set. In a clinical deployment attacks are rare, so precision will be lower than shown; the medical-benign FPR is the figure that predicts how often a clinician is interrupted.',
    '',
    '### Speed (CPU time per call on this machine, mean over repeated calls on a 1 KB prompt)',
    '',
    `Classifier scoring of an already folded 1 KB text (all windows, both scales, one hashing pass): ${sp.scoreUs.toFixed(1)} µs (hashing each window on its own, as training does: ${sp.byWindowUs.toFixed(1)} µs; same logits); including building the folded view: ${sp.classifierUs.toFixed(1)} µs (budget 40 µs).`,
    `Whole injection pipeline (views, decoding, rules, obfuscation, classifier, combiner): ${sp.familyUs.toFixed(1)} µs per 1 KB (budget 100 µs).`,
    `For scale: a bare FNV-1a loop over the same 1 KB took ${sp.loopUs.toFixed(2)} µs in this run (the build machine is shared; compare ratios, and use \`npm run bench\` for the gate).`,
    '',
  ].join('\n');
}
