/**
 * `npm run train`: trains the injection classifier on train (+ medical-benign train rows and
 * synthetic injected clinical documents), fits the combiner and picks the threshold on dev, and
 * writes models/injection-classifier.{json,bin}. Deterministic: same data and code give the same
 * model files. Test data is never read. Unlicensed sources are dropped at load (train/data.ts).
 *
 *   npm run train                          # defaults below (about 2-4 minutes on one core)
 *   npm run train -- --search              # small dev grid over L2 / medical weight / epochs first
 *   npm run train -- --out /tmp/m --medical-weight 2 --medical-rows 16000 --synthetic 300
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_FEATURE_SPEC } from '../src/detect/injection/classifier/features.js';
import { foldFingerprint } from '../src/detect/injection/classifier/fingerprint.js';
import { roundToHalf } from '../src/core/float16.js';
import { DEFAULT_MODEL_NAME, parseModel, serializeModel, type ClassifierModel, type ModelMetadata } from '../src/detect/injection/classifier/model.js';
import { createEvidenceDetectors } from '../src/detect/injection/index.js';
import { BASE_INPUTS } from '../src/detect/injection/assess.js';
import { fitCombiner, type CombinerRow } from './train/combiner.js';
import { dataDir, loadSplit, repoRoot, UNLICENSED_PREFIXES, type Row } from './train/data.js';
import { loadKlueDevCheck, loadMultilingualBenign } from './train/multilingual.js';
import { injectIntoDocuments } from './train/augment.js';
import { buildExamples, type ExampleOptions } from './train/examples.js';
import { train, type TrainParams } from './train/linear.js';
import { chooseThreshold, metricsOf } from './train/metrics.js';
import { combinedScores, scoreRows, type ScoredRow } from './train/score-rows.js';

/** Dev medical FPR the threshold must meet: half the 1% target, for margin on unseen text. */
const MAX_DEV_MEDICAL_FPR = 0.005;
/**
 * Long clinical documents (notes, dialogues, abstracts) are where the max over windows finds
 * something odd; the overall rate is dominated by short consumer questions, so they get their own
 * cap. On dev it cost 0.005 F1 and halved flagged long notes (15 -> 8 of 990).
 */
const LONG_MEDICAL_CHARS = 800;
const MAX_DEV_LONG_MEDICAL_FPR = 0.01;
/** Dev FPR cap on benign text in other languages (multilingual.ts): a language is no attack. */
const MAX_DEV_MULTILINGUAL_FPR = 0.01;
/** Synthetic injected clinical documents per split (see train/augment.ts). */
const SYNTHETIC_TRAIN = 800;
const SYNTHETIC_DEV = 300;
const FLOOR = 0.3;

interface Config { readonly train: TrainParams; readonly examples: ExampleOptions }

/**
 * Chosen on dev (classifier-only dev F1 at the medical-FPR cap; runs during development):
 * - medical weight (total medical weight / main benign weight): 0.5 -> 0.928 (cap binding at
 *   0.50% medical FPR), 1.5 -> 0.939, 3 -> 0.942, all medical rows at 4 -> 0.944 (FPR 0.17%);
 * - up-weighting BIPIA's clean documents (pairedBalance 1 / 0.5) -> 0.910 / 0.929 vs 0.938 at 0;
 * - 2^20 buckets: +0.002 for 4x the size; single 512 / 768 / 1536 windows: 0.925 / 0.934 / 0.938,
 *   but only the fine scale finds short attacks buried in long documents, hence both scales.
 */
const DEFAULT_CONFIG: Config = {
  train: { epochs: 10, learningRate: 0.2, l2: 1e-7, seed: 7 },
  examples: { medicalRows: 40000, medicalWeight: 4, pairedBalance: 0, multilingualWeight: 1 },
};

const log = (msg: string): void => { process.stderr.write(`${msg}\n`); };
const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;

function tempModel(base: Omit<ClassifierModel, 'meta'>): ClassifierModel {
  const { json, bin } = serializeModel(base, {
    format: 'medguard.injection-classifier', id: 'candidate', floor: FLOOR,
    combiner: { features: ['classifier_logit'], weights: [1], bias: 0 }, threshold: 0.5, provenance: {},
  });
  return parseModel(json, bin);
}

type TrainRows = { main: Row[]; medical: Row[]; multilingual: Row[] };

function trainModel(config: Config, trainRows: TrainRows): { model: ClassifierModel; counts: Record<string, number> } {
  const { examples, counts } = buildExamples(trainRows, DEFAULT_FEATURE_SPEC, config.examples);
  const linear = train(examples, DEFAULT_FEATURE_SPEC, config.train);
  roundToHalf(linear.weights);
  return { model: tempModel(linear), counts };
}

function devQuality(scored: readonly ScoredRow[], scores: readonly number[]): { threshold: number; f1: number; medicalFpr: number } {
  const main: number[] = [], labels: number[] = [], med: number[] = [], longMed: number[] = [], ml: number[] = [];
  scored.forEach((r, i) => {
    const score = scores[i] as number;
    if (r.row.set === 'main') {
      main.push(score);
      labels.push(r.row.label);
    } else if (r.row.set === 'multilingual') {
      ml.push(score);
    } else {
      med.push(score);
      if (r.row.text.length >= LONG_MEDICAL_CHARS) longMed.push(score);
    }
  });
  return chooseThreshold(main, labels, [{ scores: med, maxFpr: MAX_DEV_MEDICAL_FPR }, { scores: longMed, maxFpr: MAX_DEV_LONG_MEDICAL_FPR }, { scores: ml, maxFpr: MAX_DEV_MULTILINGUAL_FPR }]);
}

function search(trainRows: TrainRows, devRows: readonly Row[]): Config {
  let best = DEFAULT_CONFIG;
  let bestF1 = -1;
  for (const l2 of [1e-7, 1e-6, 1e-5]) {
    for (const medicalWeight of [2, 4, 6]) {
      for (const epochs of [6, 10]) {
        const config: Config = { train: { ...DEFAULT_CONFIG.train, l2, epochs }, examples: { ...DEFAULT_CONFIG.examples, medicalWeight } };
        const { model } = trainModel(config, trainRows);
        const scored = scoreRows(model, [], devRows);
        const q = devQuality(scored, scored.map((r) => r.classifier));
        log(`l2=${l2} medicalWeight=${medicalWeight} epochs=${epochs}: dev F1 ${q.f1.toFixed(4)} at medical FPR ${pct(q.medicalFpr)}`);
        if (q.f1 > bestF1) { bestF1 = q.f1; best = config; }
      }
    }
  }
  log(`best: ${JSON.stringify(best)}`);
  return best;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      search: { type: 'boolean', default: false },
      out: { type: 'string' },
      synthetic: { type: 'string', default: String(SYNTHETIC_TRAIN) },
      'medical-weight': { type: 'string' },
      'medical-rows': { type: 'string' },
      'multilingual-weight': { type: 'string' },
    },
  });
  const syntheticTrain = Number(values.synthetic);
  const started = Date.now();
  log(`data: ${dataDir()}`);
  const plainTrain = loadSplit('train');
  const trainRows: TrainRows = { main: [...plainTrain.main, ...injectIntoDocuments(plainTrain, syntheticTrain, 'train')], medical: plainTrain.medical, multilingual: loadMultilingualBenign('train') };
  const dev = loadSplit('dev');
  const devSynthetic = injectIntoDocuments(dev, SYNTHETIC_DEV, 'dev');
  // Synthetic rows inform the combiner fit but not the threshold, which is chosen on real data.
  const devMultilingual = loadMultilingualBenign('dev');
  const devRows = [...dev.main, ...dev.medical, ...devMultilingual];
  const chosen = values.search ? search(trainRows, devRows) : DEFAULT_CONFIG;
  const mw = values['medical-weight'];
  const mr = values['medical-rows'];
  const mlw = values['multilingual-weight'];
  const config: Config = {
    ...chosen,
    examples: {
      ...chosen.examples,
      ...(mw === undefined ? {} : { medicalWeight: Number(mw) }),
      ...(mr === undefined ? {} : { medicalRows: Number(mr) }),
      ...(mlw === undefined ? {} : { multilingualWeight: Number(mlw) }),
    },
  };

  const { model, counts } = trainModel(config, trainRows);
  log(`classifier trained in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const evidence = createEvidenceDetectors();
  const scored = scoreRows(model, evidence, devRows);
  const scoredSynthetic = scoreRows(model, evidence, devSynthetic);
  const clfOnly = devQuality(scored, scored.map((r) => r.classifier));
  log(`dev classifier-only: F1 ${clfOnly.f1.toFixed(4)} at threshold ${clfOnly.threshold.toFixed(4)}, medical FPR ${pct(clfOnly.medicalFpr)}`);

  // Balance the stacking fit like the classifier: main attacks, main benign and medical weigh alike.
  const nPos = dev.main.filter((r) => r.label === 1).length;
  const nNeg = dev.main.length - nPos;
  const rows: CombinerRow[] = [...scored, ...scoredSynthetic].map((r) => ({
    inputs: r.inputs,
    label: r.row.label,
    weight: r.row.set === 'medical' ? nNeg / dev.medical.length : r.row.set === 'multilingual' ? nNeg / devMultilingual.length : r.row.label === 1 ? nNeg / nPos : 1,
  }));
  const kindInputs = new Map<string, number>();
  for (const r of scored) for (const k of r.inputs.keys()) if (k.startsWith('kind:')) kindInputs.set(k, (kindInputs.get(k) ?? 0) + 1);
  const candidates = [...BASE_INPUTS.filter((n) => n !== 'mode_document'), ...[...kindInputs].filter(([, n]) => n >= 10).map(([k]) => k).sort()];
  const combiner = fitCombiner(rows, candidates, { l2: 1e-3, iterations: 1500 });
  const combined = devQuality(scored, combinedScores(combiner, scored));
  log(`dev combined: F1 ${combined.f1.toFixed(4)} at threshold ${combined.threshold.toFixed(4)}, medical FPR ${pct(combined.medicalFpr)}`);
  const mlDev = scored.filter((r) => r.row.set === 'multilingual');
  const mlScores = combinedScores(combiner, mlDev);
  log(`dev multilingual benign: combined FPR ${pct(mlScores.filter((x) => x >= combined.threshold).length / Math.max(1, mlDev.length))} of ${mlDev.length}`);
  // KLUE is never trained on: a check on Korean at large, scored once for both verdicts.
  const klue = scoreRows(model, evidence, loadKlueDevCheck());
  const klueFpr = (flags: readonly boolean[]): string => pct(flags.filter(Boolean).length / Math.max(1, flags.length));
  log(`KLUE dev check: classifier-only FPR ${klueFpr(klue.map((r) => r.classifier >= clfOnly.threshold))}, combined FPR ${klueFpr(combinedScores(combiner, klue).map((x) => x >= combined.threshold))}`);
  const synRecall = combinedScores(combiner, scoredSynthetic).filter((s) => s >= combined.threshold).length / Math.max(1, scoredSynthetic.length);
  const synClf = scoredSynthetic.filter((r) => r.classifier >= clfOnly.threshold).length / Math.max(1, scoredSynthetic.length);
  log(`dev synthetic injected notes: combined recall ${pct(synRecall)}, classifier-only ${pct(synClf)}`);

  const provenance: ModelMetadata['provenance'] = {
    trainedOn: 'injection/train.jsonl + medical_benign.jsonl split=train (up to medicalRows, lowest ids) + synthetic injected clinical documents + benign multilingual rows (phi/dev.jsonl MEDDOCAN, Presidio, ASQ-PHI and synthetic_ko_dev.jsonl, 3 in 4 by id hash; faker Korean sentences)',
    tunedOn: 'injection/dev.jsonl + medical_benign.jsonl split=dev + the other quarter of the benign multilingual rows',
    excludedSources: UNLICENSED_PREFIXES,
    trainRowsBySource: counts,
    devRows: { main: dev.main.length, medical: dev.medical.length, multilingual: devMultilingual.length, syntheticInjected: devSynthetic.length },
    syntheticTrainRows: syntheticTrain,
    hyperParameters: config,
    maxDevMedicalFpr: MAX_DEV_MEDICAL_FPR,
    maxDevLongMedicalFpr: { minChars: LONG_MEDICAL_CHARS, maxFpr: MAX_DEV_LONG_MEDICAL_FPR },
    maxDevMultilingualFpr: MAX_DEV_MULTILINGUAL_FPR,
    dev: { classifierOnly: clfOnly, combined, syntheticRecall: { combined: synRecall, classifierOnly: synClf } },
    evidenceDetectors: evidence.map((d) => d.id),
    foldFingerprint: foldFingerprint(),
  };
  const base = { format: 'medguard.injection-classifier' as const, id: 'pending', floor: FLOOR, combiner, threshold: Math.round(combined.threshold * 1e6) / 1e6, provenance };
  const first = serializeModel(model, base, DEFAULT_MODEL_NAME);
  const id = `injection-v1-${(JSON.parse(first.json) as ModelMetadata).weights.sha256.slice(0, 12)}`;
  const { json, bin } = serializeModel(model, { ...base, id }, DEFAULT_MODEL_NAME);
  const outDir = values.out ?? join(repoRoot, 'models');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `${DEFAULT_MODEL_NAME}.bin`), bin);
  writeFileSync(join(outDir, `${DEFAULT_MODEL_NAME}.json`), json);
  const check = metricsOf(combinedScores(combiner, scored).map((s) => s >= base.threshold), scored.map((r) => r.row.label));
  log(`wrote ${id} to ${outDir} (${(bin.byteLength / 1024).toFixed(0)} KiB weights); dev all-rows FP ${check.fp}, FN ${check.fn}; ${((Date.now() - started) / 1000).toFixed(1)} s total`);
}

if (process.argv.includes('--ko-names')) await import('./train/ko-names.js');
else if (process.argv.includes('--latin-names')) await import('./train/latin-names.js');
else main();
