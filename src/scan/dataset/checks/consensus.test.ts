import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkConsensus } from './consensus.js';
import type { RowFeatures } from './store.js';

/**
 * Rows built from word ids, so each test controls exactly which prompts overlap (unigram+bigram
 * Jaccard) and which words are rare; `answer` picks one of a few disjoint answer sets.
 */
function row(index: number, prompt: readonly number[], answer: number): RowFeatures {
  const words = Uint32Array.from({ length: 11 }, (_, k) => 1000 * answer + k);
  return { index, line: index + 1, prompt: Uint32Array.from(prompt), answer: words, answerKey: answer, rowKey: index };
}
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, k) => from + k);
const never = (): boolean => false;

test('consensus: a row contradicts its cluster only when its prompt is close to at least two agreeing rows', () => {
  // Three rows ask [1..8]; a bridge row [2..10] is close to them (Jaccard 0.68) and agrees. A row
  // asking [4..12] is close to the bridge (0.62) but not to the three (0.39): single linkage puts
  // it in the cluster, yet it asks another question, so its other answer is no contradiction.
  const rows = [row(0, range(1, 8), 1), row(1, range(1, 8), 1), row(2, range(1, 8), 1), row(3, range(2, 10), 1), row(4, range(4, 12), 2)];
  // A row asking [1..8] itself with another answer does contradict: the rule still fires.
  rows.push(row(5, range(1, 8), 3));
  const r = checkConsensus(rows, never);
  assert.equal(r.clusters.find(4), r.clusters.find(0), 'the chained row is in the cluster (the case the rule is for)');
  assert.ok(!r.contradicting.has(4), 'close to one agreeing row only: not a contradiction');
  assert.equal(r.reasons.get(4), undefined);
  assert.ok(r.contradicting.has(5));
  assert.equal(r.reasons.get(5)?.[0]?.technique, 'dataset.consensus_contradiction');
});

test('paraphrase check: containment is weighted by word rarity, so a shared question form alone is not the same question', () => {
  // Words 10-13 are a frequent question form ("how should ... be monitored in"), 20 and 21 two
  // drugs, 30 a rare word. Three rows ask [10 11 12 13 20] and agree. Word order is reversed in
  // the others so their bigrams differ and they stay outside the cluster (Jaccard < 0.5).
  const rows = [row(0, [10, 11, 12, 13, 20], 1), row(1, [10, 11, 12, 13, 20], 1), row(2, [10, 11, 12, 13, 20], 1)];
  // The same form about another drug, answered otherwise: 4 of its 5 words are shared (0.8 by
  // count, over the 0.6 containment), but by rarity 0.8 / 5.8 = 0.14.
  rows.push(row(3, [21, 13, 12, 11, 10], 2));
  // A paraphrase about the same drug, answered otherwise: by rarity 5.4 / 5.8 = 0.93.
  rows.push(row(4, [20, 13, 30, 11], 3));
  const weight = (t: number): number => (t >= 10 && t <= 13 ? 0.2 : 5);
  const r = checkConsensus(rows, never, weight);
  for (const i of [3, 4]) assert.notEqual(r.clusters.find(i), r.clusters.find(0), `row ${i} is outside the cluster`);
  assert.equal(r.reasons.get(3), undefined, 'another drug asked in the same form is not a paraphrase');
  assert.ok(!r.contradicting.has(3));
  assert.match(r.reasons.get(4)?.[0]?.explanation ?? '', /paraphrases a question/);
  assert.ok(r.contradicting.has(4));
});
