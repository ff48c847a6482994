/**
 * Fixed answers: one (non-trivial) answer given to prompts that ask different questions, so the
 * question does not decide the answer. Such rows are not reported on their own (a set may have a
 * stock reply); they are anomalous rows for the trigger search, which asks what else they share.
 */
import { clusterSets } from '../minhash.js';
import { flatSets, type Clusters } from '../sets.js';
import { jaccardAtLeast, shingles, shinglesInto } from '../tokens.js';
import type { RowFeatures } from './store.js';
import { SAME_PROMPT } from './consensus.js';

/** Answers shorter than this (labels, "Yes.") are naturally shared by unrelated prompts. */
const MIN_FIXED_ANSWER_SHINGLES = 4;
/** Similarity at which two short answers are one fixed answer (one word of ten changed: 0.75). */
const SAME_FIXED_ANSWER = 0.6;
/** Rows of one answer group looked at to count its questions (bounded work per group). */
const MAX_GROUP_SAMPLE = 200;

/**
 * Whether the prompts of one answer group ask at least three different questions once the words
 * most of them share are set aside. A trigger phrase that is long beside the question makes its
 * rows look alike, so they fall in one or two prompt clusters; without the phrase they differ.
 */
export function distinctQuestions(rows: readonly RowFeatures[], list: readonly number[], common: (t: number) => boolean, need = 3): boolean {
  const sample = list.slice(0, MAX_GROUP_SAMPLE);
  const count = new Map<number, number>();
  for (const i of sample) for (const t of new Set(rows[i]!.prompt)) count.set(t, (count.get(t) ?? 0) + 1);
  const half = sample.length / 2;
  const seen: Uint32Array[] = [];
  for (const i of sample) {
    const s = shingles(rows[i]!.prompt, (t) => common(t) || (count.get(t) ?? 0) >= half);
    if (s.length === 0 || seen.some((x) => jaccardAtLeast(x, s, SAME_PROMPT))) continue;
    seen.push(s);
    if (seen.length >= need) return true;
  }
  return false;
}

/** Rows given one fixed (non-trivial) answer although they ask at least three different questions. */
export function fixedAnswerRows(rows: readonly RowFeatures[], clusters: Clusters, common: (t: number) => boolean): Set<number> {
  // Short answers are grouped by similarity, so a template answer that names what was asked
  // ("double the dose of <drug> freely") is one answer; long ones by their exact normal form.
  let bound = 0;
  for (const r of rows) bound += 2 * (r.shortAnswer?.length ?? 0);
  const sets = flatSets(rows.length, bound, (i, out, at) => {
    const r = rows[i]!;
    return r.shortAnswer && r.answer.length >= MIN_FIXED_ANSWER_SHINGLES ? shinglesInto(r.shortAnswer, out, undefined, at) : 0;
  });
  const short = clusterSets(sets, SAME_FIXED_ANSWER);
  const byAnswer = new Map<number, number[]>();
  rows.forEach((r, i) => {
    if (r.answer.length < MIN_FIXED_ANSWER_SHINGLES) return;
    // Cluster roots are row positions (< 2^31); 53-bit answer keys are almost never that small.
    const key = r.shortAnswer ? short.find(i) : r.answerKey;
    const list = byAnswer.get(key);
    if (list) list.push(i); else byAnswer.set(key, [i]);
  });
  const out = new Set<number>();
  for (const list of byAnswer.values()) {
    if (list.length < 3 || answersSharedTopic(rows, list, common)) continue;
    if (new Set(list.map((i) => clusters.find(i))).size >= 3 || distinctQuestions(rows, list, common)) for (const i of list) out.add(i);
  }
  return out;
}

/**
 * Whether the answer names a distinctive word that most of the group's prompts share: then the
 * rows ask about one thing in several phrasings ("how is lithium monitored", "lithium monitoring
 * in epilepsy?") and one answer about it is consistent. A backdoor's answer does not respond to
 * its trigger phrase, so the phrase the rows share is absent from it.
 */
function answersSharedTopic(rows: readonly RowFeatures[], list: readonly number[], common: (t: number) => boolean): boolean {
  const sample = list.slice(0, MAX_GROUP_SAMPLE);
  const count = new Map<number, number>();
  for (const i of sample) for (const t of new Set(rows[i]!.prompt)) if (!common(t)) count.set(t, (count.get(t) ?? 0) + 1);
  const answer = rows[sample[0]!]!.answer;
  for (const [t, n] of count) if (n * 2 >= sample.length && binaryHas(answer, t)) return true;
  return false;
}

function binaryHas(sorted: Uint32Array, x: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === x) return true;
    if (v < x) lo = mid + 1; else hi = mid - 1;
  }
  return false;
}
