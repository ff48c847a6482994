/**
 * Where an injection inspection spends its time: each stage alone on the same inputs, CPU median
 * per call. Views are built fresh for the normal-form and decoding rows and reused (forms already
 * computed) for the detector rows, so each row is one stage only.
 */
import { decodeLayers, DEFAULT_DECODE_LIMITS } from '../../src/core/text/decode.js';
import { createRootView } from '../../src/core/text/view.js';
import type { TextView } from '../../src/core/types.js';
import { getDefaultModel } from '../../src/detect/injection/classifier/model.js';
import { scoreText } from '../../src/detect/injection/classifier/score.js';
import { createObfuscationDetector } from '../../src/detect/injection/obfuscation.js';
import { createRuleDetector } from '../../src/detect/injection/rules/index.js';
import { fmt, measure, table } from './measure.js';

interface Prepared { readonly text: string; readonly bytes: number; readonly view: TextView; readonly folded: string }

export function stageBreakdown(inputs: ReadonlyArray<{ readonly text: string; readonly bytes: number }>): string {
  const prepared: Prepared[] = inputs.map((x) => {
    const view = createRootView(x.text);
    view.form('clean');
    return { text: x.text, bytes: x.bytes, view, folded: view.form('folded').text };
  });
  const rules = createRuleDetector();
  const obfuscation = createObfuscationDetector();
  const model = getDefaultModel();
  const opts = { budgetMs: 1000, minSamples: 30, maxSamples: 5000 };
  const stage = (name: string, fn: (x: Prepared) => unknown): string[] => {
    const s = measure(prepared, (x) => x.bytes, fn, opts);
    return [name, fmt(s.cpuMedianUs), fmt(s.cpuP99Us)];
  };
  return table(['stage (root layer only)', 'CPU median µs', 'CPU p99 µs'], [
    stage('clean + folded forms', (x) => createRootView(x.text).form('folded')),
    stage('decoding scan (and any decoding)', (x) => decodeLayers(createRootView(x.text), DEFAULT_DECODE_LIMITS)),
    stage('rules (folded + clean forms)', (x) => rules.detect(x.view, { mode: 'prompt', views: [x.view] })),
    stage('obfuscation', (x) => obfuscation.detect(x.view, { mode: 'prompt', views: [x.view] })),
    stage('classifier (all windows)', (x) => scoreText(model, x.folded)),
  ]);
}
