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

export interface TargetResult {
  /** Median of the rounds' CPU medians: one busy round does not decide the verdict. */
  readonly cpuMedianUs: number;
  readonly wallMedianUs: number;
  readonly cpuP99Us: number;
  readonly calls: number;
  readonly rounds: number;
  readonly table: string;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/**
 * The target measurement in rounds, each next to a yardstick (a bare FNV-1a loop over the same
 * 1 KB): on this shared machine the cost of a fixed loop swings with what else runs on the core
 * and its hyperthread sibling, so the yardstick shows how loaded each round was.
 */
export function measureTarget(inputs: ReadonlyArray<{ readonly text: string; readonly bytes: number }>, fn: (text: string) => unknown, rounds = 5): TargetResult {
  const opts = { budgetMs: 1500, minSamples: 50, maxSamples: 20_000 };
  let sink = 0;
  const bare = (x: { readonly text: string }): void => {
    for (let j = 0; j < x.text.length; j++) sink = Math.imul(sink ^ x.text.charCodeAt(j), 16777619);
  };
  const rows: string[][] = [];
  const cpu: number[] = [], wall: number[] = [], p99: number[] = [];
  let calls = 0;
  for (let r = 0; r < rounds; r++) {
    const yard = measure(inputs, (x) => x.bytes, bare, { budgetMs: 200, minSamples: 50, maxSamples: 20_000 });
    const s = measure(inputs, (x) => x.bytes, (x) => fn(x.text), opts);
    cpu.push(s.cpuMedianUs);
    wall.push(s.medianUs);
    p99.push(s.cpuP99Us);
    calls += s.count;
    rows.push([String(r + 1), fmt(yard.medianUs, 2), String(s.count), fmt(s.cpuMedianUs), fmt(s.cpuP99Us), fmt(s.medianUs)]);
  }
  return {
    cpuMedianUs: median(cpu),
    wallMedianUs: median(wall),
    cpuP99Us: median(p99),
    // Reading the yardstick's result keeps its loop from being optimised away.
    calls: sink === 0.5 ? 0 : calls,
    rounds,
    table: table(['round', 'yardstick: bare loop over 1 KB, wall µs', 'calls', 'CPU median µs', 'CPU p99 µs', 'wall median µs'], rows),
  };
}
