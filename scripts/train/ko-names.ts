/**
 * `npm run train -- --ko-names`: trains the Korean person-name model (src/detect/phi/ko-model) on
 * the PHI dev file's KLUE rows, our synthetic Korean dev notes and faker template sentences, picks
 * the threshold and the weak-rule veto (ko-model/index.ts keepWeakSpans) together on 5-fold
 * out-of-fold scores of the whole pipeline (rules + model) over KLUE dev, and writes models/ko-names.{json,bin}. Deterministic; the test file is never read.
 *
 *   npm run train -- --ko-names [--out DIR] [--epochs N --lr X --l2 X --bits N] [--synthetic N] [--errors P] [--vetoes none,0.05,...]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { roundToHalf } from '../../src/core/float16.js';
import { candidatesOf, featuresOf, KO_FEATURE_VERSION, koWords, type KoCandidate } from '../../src/detect/phi/ko-model/features.js';
import { parseKoModel, serializeKoModel, setKoNameModel } from '../../src/detect/phi/ko-model/model.js';
import { setKoNounVeto } from '../../src/detect/phi/ko-model/index.js';
import { scoreDocs } from '../eval/phi.js';
import { repoRoot } from './data.js';
import { foldOf, loadPhiDev, syntheticDocs, type PhiDoc } from './ko-names-data.js';
import { trainHashedLr, writeNameModel, type HashedExample } from './hashed-lr.js';

let BITS = 18;
/** Held-out KLUE precision (ignore spans neutral) the threshold must keep: the 0.85 target plus margin. */
const MIN_PRECISION = 0.87;
/**
 * Rules alone measure KLUE precision 0.960 on dev but 0.896 on test, so a dev floor alone would not
 * protect the 0.85 test target; what the model costs in precision is the figure that carries over.
 */
const MAX_PRECISION_DROP = 0.035;
const FOLDS = 5;
let EPOCHS = 15;
let LEARNING_RATE = 0.2;
let L2 = 1e-6;
let SYNTHETIC = 1500;
const KLUE = 'klue-ner-v1.1-dev';

const log = (msg: string): void => { process.stderr.write(`${msg}\n`); };

type Example = HashedExample;

/**
 * A candidate is a name when gold NAME spans cover every character of it, not one when they cover
 * none. One that is partly a name (김민수님 and 김민수님께서 beside 김민수) is left out: as a negative
 * it taught that name-shaped strings are not names, and inference reports only the word's best
 * candidate anyway (out-of-fold, three shuffle seeds: recall at the precision cap +0.005, at
 * precision 0.91 +0.011).
 */
function label(doc: PhiDoc, c: KoCandidate): 0 | 1 | null {
  let covered = 0;
  for (let i = c.start; i < c.end; i++) if (doc.spans.some((s) => s.type === 'NAME' && s.start <= i && i < s.end)) covered++;
  return covered === c.end - c.start ? 1 : covered > 0 ? null : 0;
}

function examples(docs: readonly PhiDoc[]): Example[] {
  const out: Example[] = [];
  const cands: KoCandidate[] = [];
  const buf: number[] = [];
  for (const doc of docs) {
    const words = koWords(doc.text);
    for (let w = 0; w < words.starts.length; w++) {
      cands.length = 0;
      candidatesOf(doc.text, words, w, cands);
      for (const c of cands) {
        featuresOf(doc.text, words, c, BITS, buf);
        const y = label(doc, c);
        if (y !== null) out.push({ feats: Int32Array.from(buf), label: y });
      }
    }
  }
  return out;
}

const train = (data: readonly Example[]): Float32Array => trainHashedLr(data, { bits: BITS, epochs: EPOCHS, learningRate: LEARNING_RATE, l2: L2 });

interface Tally { covered: number; gold: number; scored: number; fp: number }
const tally = (): Tally => ({ covered: 0, gold: 0, scored: 0, fp: 0 });

/** KLUE name overlap recall and all-type precision (ignore spans neutral) of the whole PHI pipeline. */
function addQuality(docs: readonly PhiDoc[], into: Tally): void {
  const c = scoreDocs(docs).perSource.get(KLUE);
  const name = c?.get('NAME');
  const all = c?.get('*');
  into.covered += name?.goldCovered ?? 0;
  into.gold += name?.goldSpans ?? 0;
  into.scored += (all?.predN ?? 0) - (all?.predNeutral ?? 0);
  into.fp += all?.predFp ?? 0;
}

const recallOf = (t: Tally): number => t.covered / Math.max(1, t.gold);
const precisionOf = (t: Tally): number => (t.scored - t.fp) / Math.max(1, t.scored);
/**
 * Title-rule veto probabilities tried with each threshold (null: the title rule's spans all stand).
 * Searched jointly: precision the veto frees is what lets the threshold fall under the same cap.
 */
let VETOES: Array<number | null> = [null, 0.05, 0.1];
const THRESHOLDS = Array.from({ length: 33 }, (_, i) => Math.round((0.95 - 0.025 * i) * 1000) / 1000);

function main(): void {
  const { values } = parseArgs({ options: { 'ko-names': { type: 'boolean' }, out: { type: 'string' }, epochs: { type: 'string' }, lr: { type: 'string' }, l2: { type: 'string' }, bits: { type: 'string' }, errors: { type: 'string' }, synthetic: { type: 'string' }, vetoes: { type: 'string' } } });
  if (values.vetoes !== undefined) VETOES = values.vetoes.split(',').map((v) => v === 'none' ? null : Number(v));
  SYNTHETIC = Number(values.synthetic ?? SYNTHETIC);
  // Overrides for trying settings on dev; the defaults above are what the shipped model used.
  EPOCHS = Number(values.epochs ?? EPOCHS);
  LEARNING_RATE = Number(values.lr ?? LEARNING_RATE);
  L2 = Number(values.l2 ?? L2);
  BITS = Number(values.bits ?? BITS);
  const started = Date.now();
  setKoNameModel(null);
  setKoNounVeto(false);
  const dev = loadPhiDev('dev.jsonl').filter((d) => d.source === KLUE);
  const extra = [...loadPhiDev('synthetic_ko_dev.jsonl'), ...syntheticDocs(SYNTHETIC, 20261204)];
  const base = { format: 'medguard.ko-names' as const, id: 'candidate', featureVersion: KO_FEATURE_VERSION, bits: BITS, provenance: {} };
  // Out-of-fold scores on all of dev: the threshold is chosen on 2,400 sentences, not one fifth.
  const rulesOnly = tally();
  addQuality(dev, rulesOnly);
  const byThreshold = VETOES.map(() => THRESHOLDS.map(tally));
  for (let k = 0; k < FOLDS; k++) {
    const weights = train(examples([...dev.filter((d) => foldOf(d.id, FOLDS) !== k), ...extra]));
    roundToHalf(weights);
    const fold = dev.filter((d) => foldOf(d.id, FOLDS) === k);
    VETOES.forEach((v, j) => {
      THRESHOLDS.forEach((t, i) => {
        const { json, bin } = serializeKoModel(weights, { ...base, threshold: t, ...(v === null ? {} : { titleVeto: v }) });
        setKoNameModel(parseKoModel(json, bin));
        addQuality(fold, byThreshold[j]?.[i] ?? tally());
      });
    });
    // --errors P: print this fold's misses and false positives at probability P (dev, for reading).
    if (values.errors !== undefined) {
      const { json, bin } = serializeKoModel(weights, { ...base, threshold: Number(values.errors) });
      setKoNameModel(parseKoModel(json, bin));
      scoreDocs(fold, KLUE);
    }
    setKoNameModel(null);
  }
  log(`dev rules only: name recall ${recallOf(rulesOnly).toFixed(3)}, precision ${precisionOf(rulesOnly).toFixed(3)}`);
  let best: { threshold: number; titleVeto: number | null; recall: number; precision: number } = { threshold: 1, titleVeto: null, recall: recallOf(rulesOnly), precision: precisionOf(rulesOnly) };
  VETOES.forEach((v, j) => {
    let bestHere = 0;
    THRESHOLDS.forEach((t, i) => {
      const q = byThreshold[j]?.[i] ?? tally();
      const recall = recallOf(q);
      const precision = precisionOf(q);
      log(`veto ${v ?? 'none'}, threshold ${t.toFixed(2)}: out-of-fold name recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)}`);
      const ok = precision >= MIN_PRECISION && precisionOf(rulesOnly) - precision <= MAX_PRECISION_DROP;
      if (ok) bestHere = Math.max(bestHere, recall);
      if (ok && recall > best.recall) best = { threshold: t, titleVeto: v, recall, precision };
    });
    // The best recall at a few precision floors: a steadier figure than one threshold to compare settings by.
    const at = [0.91, 0.92, 0.93].map((p) => Math.max(0, ...THRESHOLDS.map((_, i) => byThreshold[j]?.[i] ?? tally()).filter((q) => precisionOf(q) >= p).map(recallOf)));
    log(`veto ${v ?? 'none'}: best recall under the cap ${bestHere.toFixed(3)}; at precision >= 0.91/0.92/0.93: ${at.map((r) => r.toFixed(3)).join(' / ')}`);
  });
  setKoNounVeto(true);
  const data = examples([...dev, ...extra]);
  const weights = train(data);
  roundToHalf(weights);
  const provenance = {
    trainedOn: `all ${dev.length} ${KLUE} rows of phi/dev.jsonl + synthetic_ko_dev.jsonl + ${SYNTHETIC} faker ko template sentences`,
    tunedOn: `${FOLDS}-fold out-of-fold scores on the same KLUE dev rows, with the model's noun list off, over thresholds and weak-rule veto probabilities (${VETOES.map((v) => v ?? 'none').join(', ')}): best name recall at precision >= ${MIN_PRECISION} and at most ${MAX_PRECISION_DROP} below the rules alone`,
    licence: 'These weights are distributed under CC BY-SA 4.0 (see models/ko-names.LICENSE): trained on KLUE-NER v1.1, CC BY-SA 4.0, Park et al., KLUE (2021), https://github.com/KLUE-benchmark/KLUE; also synthetic-ko-template-v1 (CC0, project) and faker-js ko templates (MIT)',
    hyperParameters: { bits: BITS, epochs: EPOCHS, learningRate: LEARNING_RATE, l2: L2, folds: FOLDS },
    trainCandidates: data.length,
    devRulesOnly: { recall: recallOf(rulesOnly), precision: precisionOf(rulesOnly) },
    devOutOfFold: best,
  };
  const meta = { ...base, threshold: best.threshold, ...(best.titleVeto === null ? {} : { titleVeto: best.titleVeto }), provenance };
  const outDir = values.out ?? join(repoRoot, 'models');
  const { id, bin } = writeNameModel(serializeKoModel, weights, meta, 'ko-names', outDir);
  log(`wrote ${id} to ${outDir} (${(bin.byteLength / 1024).toFixed(0)} KiB, ${data.length} candidates), threshold ${best.threshold}, title veto ${best.titleVeto ?? 'none'}: out-of-fold name recall ${best.recall.toFixed(3)}, precision ${best.precision.toFixed(3)}; ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main();
