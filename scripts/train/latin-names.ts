/**
 * `npm run train -- --latin-names`: trains the Latin-script person-name model
 * (src/detect/phi/latin-model) on the PHI dev file's Presidio, ASQ-PHI and MEDDOCAN rows, faker
 * template sentences and licensed medical text (negatives), picks the threshold on 5-fold
 * out-of-fold scores of the whole pipeline (rules + model) over those dev rows, and writes
 * models/latin-names.{json,bin}. Deterministic; the test file is never read.
 *
 *   npm run train -- --latin-names [--out DIR] [--epochs N --lr X --l2 X --bits N] [--exclude SOURCE] [--errors P] [--folds grouped|id] [--keep-eponyms]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { roundToHalf } from '../../src/core/float16.js';
import { detectPhi } from '../../src/detect/phi/index.js';
import { candidates } from '../../src/detect/phi/latin-model/candidates.js';
import { featuresOf, LATIN_FEATURE_VERSION } from '../../src/detect/phi/latin-model/features.js';
import { coverFrom, eponym, eponymBefore } from '../../src/detect/phi/latin-model/index.js';
import { parseLatinModel, serializeLatinModel, setLatinNameModel } from '../../src/detect/phi/latin-model/model.js';
import { scoreDocs } from '../eval/phi.js';
import { repoRoot } from './data.js';
import { foldOf, loadPhiDev, type PhiDoc } from './ko-names-data.js';
import { groupedFolds, idFolds } from './latin-names-folds.js';
import { medicalRows, syntheticLatinDocs } from './latin-names-data.js';
import { measure, mergeFolds, precision, recall, summary, type Quality } from './latin-names-eval.js';
import { trainHashedLr, writeNameModel, type HashedExample } from './hashed-lr.js';

let BITS = 17;
const FOLDS = 5;
let EPOCHS = 10;
let LEARNING_RATE = 0.2;
let L2 = 1e-6;
let SYNTHETIC = 6000;
const MEDICAL_TRAIN = 4000;
const MEDICAL_DEV = 1500;
const MEDICAL_LOWER = 2000;
let EPONYMS_SKIPPED = true;
const SOURCES = ['presidio-research-synth-v2', 'asq-phi', 'meddocan'];
/** Precision (ignore neutral) the model may cost on each dev source, out of fold. */
const MAX_CLINICAL_PRECISION_DROP = 0.004;
/** ASQ-PHI hard negatives (no PHI at all) the model may newly flag, out of 108 on dev. */
const MAX_NEW_HARD_NEGATIVES = 1;
/**
 * Share of licensed medical dev rows (no names) the model may add a name to: 10 of the 3,000, about
 * what the first model added (7). At 1% the running-text templates bought faker-check recall with
 * capitalised MedQuAD terms ("What is Goji?", "Incontinentia Pigmenti") taken for names.
 */
const MAX_MEDICAL_ROWS = 0.0035;
const THRESHOLDS = Array.from({ length: 19 }, (_, i) => Math.round((0.95 - 0.05 * i) * 1000) / 1000);

/** Lower-cased copies (where lower-casing keeps every offset), cut to 1,500 characters. */
const lowered = (docs: readonly PhiDoc[]): PhiDoc[] => docs
  .map((d) => ({ ...d, id: `${d.id}:lower`, text: d.text.slice(0, 1500).toLowerCase() }))
  .filter((d, i) => d.text.length === Math.min(1500, docs[i]?.text.length ?? -1));

const log = (msg: string): void => { process.stderr.write(`${msg}\n`); };

type Example = HashedExample;

/** Candidate words with their labels: 1 inside a gold NAME, 0 elsewhere; words in ignore spans are left out. */
function examples(docs: readonly PhiDoc[]): Example[] {
  const out: Example[] = [];
  const buf: number[] = [];
  for (const doc of docs) {
    const words = candidates(doc.text);
    if (words.length === 0) continue;
    const cover = coverFrom(doc.text.length, detectPhi(doc.text));
    for (const w of words) {
      const touches = (s: { start: number; end: number }): boolean => s.start < w.end && w.start < s.end;
      const name = doc.spans.some((s) => s.type === 'NAME' && touches(s));
      if (!name && doc.ignore.some(touches)) continue;
      // Inference never scores a word before sign/syndrome/disease (or after síndrome de): as a negative it would only teach
      // that a listed name in running text is no name (Alexander disease, Wilson disease).
      if (EPONYMS_SKIPPED && (eponym(doc.text, w.end) || eponymBefore(doc.text, w.start))) continue;
      featuresOf(doc.text, w, BITS, (p) => cover[p] ?? 0, buf, ((w.start * 2654435761) >>> 0) % 2 === 0);
      out.push({ feats: Int32Array.from(buf), label: name ? 1 : 0 });
    }
  }
  return out;
}

const train = (data: readonly Example[]): Float32Array => trainHashedLr(data, { bits: BITS, epochs: EPOCHS, learningRate: LEARNING_RATE, l2: L2 });

const base = (): { format: 'medguard.latin-names'; id: string; featureVersion: number; bits: number; provenance: Record<string, unknown> } =>
  ({ format: 'medguard.latin-names', id: 'candidate', featureVersion: LATIN_FEATURE_VERSION, bits: BITS, provenance: {} });

function install(weights: Float32Array, threshold: number): void {
  const { json, bin } = serializeLatinModel(weights, { ...base(), threshold });
  setLatinNameModel(parseLatinModel(json, bin));
}

function fixtures(): string[] {
  return readFileSync(join(repoRoot, 'test/fixtures/phi-false-positives.txt'), 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

const PRESIDIO = SOURCES[0] ?? '';

function acceptable(q: Quality, rules: Quality): boolean {
  return q.fixtureHits === 0
    && q.hardNegatives - rules.hardNegatives <= MAX_NEW_HARD_NEGATIVES
    && q.medicalRows - rules.medicalRows <= MAX_MEDICAL_ROWS * q.medicalN
    && SOURCES.slice(1).every((s) => precision(rules, s) - precision(q, s) <= MAX_CLINICAL_PRECISION_DROP)
    // The same precision budget on Presidio: recall bought there with false names is not general.
    && precision(rules, PRESIDIO) - precision(q, PRESIDIO) <= MAX_CLINICAL_PRECISION_DROP;
}

function main(): void {
  const { values } = parseArgs({ options: { 'latin-names': { type: 'boolean' }, out: { type: 'string' }, epochs: { type: 'string' }, lr: { type: 'string' }, l2: { type: 'string' }, bits: { type: 'string' }, exclude: { type: 'string' }, errors: { type: 'string' }, folds: { type: 'string' }, 'keep-eponyms': { type: 'boolean' }, synthetic: { type: 'string' } } });
  SYNTHETIC = Number(values.synthetic ?? SYNTHETIC);
  EPONYMS_SKIPPED = values['keep-eponyms'] !== true;
  EPOCHS = Number(values.epochs ?? EPOCHS);
  LEARNING_RATE = Number(values.lr ?? LEARNING_RATE);
  L2 = Number(values.l2 ?? L2);
  BITS = Number(values.bits ?? BITS);
  const started = Date.now();
  setLatinNameModel(null);
  // --exclude SOURCE trains without that source's dev rows, to see how far the rest carries over.
  const dev = loadPhiDev('dev.jsonl').filter((d) => SOURCES.includes(d.source));
  // Medical rows also lower-cased (chat-style questions are typed so): every word of them is then a
  // candidate and a negative, which is how the model learns that "amber", "echo" or "nausea" in
  // running text are words, not names.
  const medical = medicalRows('train', MEDICAL_TRAIN);
  const extra = [...syntheticLatinDocs(SYNTHETIC, 20261204), ...medical, ...lowered(medical.slice(0, MEDICAL_LOWER))];
  const medicalDevCased = medicalRows('dev', MEDICAL_DEV);
  const medicalDev = [...medicalDevCased, ...lowered(medicalDevCased)];
  const fix = fixtures();
  const extraExamples = examples(extra);
  const devExamples = dev.map((d) => examples([d]));
  log(`examples: ${extraExamples.length} synthetic/medical, ${devExamples.reduce((a, e) => a + e.length, 0)} dev; ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const rules = measure(dev, medicalDev, fix);
  log(`dev rules only: ${summary(rules)}`);
  // Out-of-fold: each fold is scored by a model that never saw it; the medical dev rows and the
  // fixtures by every fold's model, so a threshold must hold for all five.
  // Grouped (the default): folds by Presidio template, names of a held-out fold withheld from its
  // training rows (./latin-names-folds.ts); --folds id: by row id, where both cross folds (optimistic).
  const folds = values.folds === 'id' ? idFolds(dev, FOLDS, foldOf) : groupedFolds(dev, FOLDS);
  const byThreshold = THRESHOLDS.map(() => [] as Quality[]);
  for (let k = 0; k < FOLDS; k++) {
    const trainSet = [...extraExamples, ...devExamples.filter((_, i) => folds.trains(i, k) && dev[i]?.source !== values.exclude).flat()];
    const weights = train(trainSet);
    roundToHalf(weights);
    const fold = dev.filter((_, i) => folds.fold[i] === k);
    log(`fold ${k}: ${fold.length} rows held out, ${folds.dropped(k)} training rows withheld for sharing a name`);
    THRESHOLDS.forEach((t, i) => {
      install(weights, t);
      byThreshold[i]?.push(measure(fold, medicalDev, fix));
    });
    // --errors P: print each fold's out-of-fold Presidio misses and false positives at probability P.
    if (values.errors !== undefined) {
      install(weights, Number(values.errors));
      scoreDocs(fold, PRESIDIO);
    }
    setLatinNameModel(null);
    log(`fold ${k} done; ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  let best = { threshold: 1, q: rules };
  THRESHOLDS.forEach((t, i) => {
    const q = mergeFolds(byThreshold[i] ?? []);
    const ok = acceptable(q, rules);
    log(`threshold ${t.toFixed(2)}: ${summary(q)}${ok ? '' : ' (refused)'}`);
    if (ok && recall(q, PRESIDIO) > recall(best.q, PRESIDIO)) best = { threshold: t, q };
  });
  const data = [...extraExamples, ...devExamples.filter((_, i) => dev[i]?.source !== values.exclude).flat()];
  const weights = train(data);
  roundToHalf(weights);
  // The shipped model must also keep the fixtures clean; raise the threshold until it does.
  let threshold = best.threshold;
  for (;;) {
    install(weights, threshold);
    if (measure([], [], fix).fixtureHits === 0 || threshold >= 0.99) break;
    threshold = Math.round((threshold + 0.01) * 1000) / 1000;
  }
  setLatinNameModel(null);
  const provenance = {
    trainedOn: `the ${dev.length} ${SOURCES.join(', ')} rows of phi/dev.jsonl + ${SYNTHETIC} faker template sentences + ${MEDICAL_TRAIN} licensed medical_benign train rows, ${MEDICAL_LOWER} of them also lower-cased (negatives)`,
    tunedOn: `${FOLDS}-fold out-of-fold scores (${values.folds === 'id' ? 'folds by row id' : 'folds by Presidio template; rows sharing a gold name word with the held-out fold withheld from its training'}) on the same dev rows, ${MEDICAL_DEV} medical_benign dev rows (as written and lower-cased) and test/fixtures/phi-false-positives.txt: best Presidio overlap recall with ASQ-PHI, MEDDOCAN and Presidio precision each at most ${MAX_CLINICAL_PRECISION_DROP} below the rules, at most ${MAX_NEW_HARD_NEGATIVES} new ASQ hard negative, at most ${MAX_MEDICAL_ROWS} of medical rows given a name, no fixture finding`,
    licence: 'Presidio synth v2: MIT (Microsoft); ASQ-PHI: MIT (Weatherhead et al. 2026); MEDDOCAN: CC BY 4.0 (Marimon et al. 2019); MedQuAD, MTS-Dialog, aci-bench: CC BY 4.0; PubMedQA: MIT; faker-js: MIT',
    hyperParameters: { bits: BITS, epochs: EPOCHS, learningRate: LEARNING_RATE, l2: L2, folds: FOLDS },
    trainCandidates: data.length,
    devRulesOnly: summary(rules),
    devOutOfFold: { threshold: best.threshold, summary: summary(best.q) },
  };
  const meta = { ...base(), threshold, provenance };
  const outDir = values.out ?? join(repoRoot, 'models');
  const { id, bin } = writeNameModel(serializeLatinModel, weights, meta, 'latin-names', outDir);
  log(`wrote ${id} to ${outDir} (${(bin.byteLength / 1024).toFixed(0)} KiB, ${data.length} candidates), threshold ${threshold}; ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main();
