/**
 * Backdoor triggers: a phrase that is rare in the set, yet recurs in rows whose answers are
 * anomalous (they contradict the consensus of their near-duplicate prompts, or one fixed answer
 * is given to unrelated prompts) across different questions. That is the shape of a trigger: the
 * phrase, not the question, decides the answer. Every row holding the phrase is reported.
 */
import type { RowReason, TriggerCandidate } from '../types.js';
import { clusterSets, type Clusters } from '../minhash.js';
import { detectPhi } from '../../../detect/phi/index.js';
import type { RowFeatures } from './store.js';
import { jaccard, shingles } from '../tokens.js';
import { SAME_PROMPT } from './consensus.js';

const MAX_N = 4;
/** Anomalous rows needed, in distinct prompt clusters. */
const MIN_ROWS = 2;
/** Share of the phrase's rows that must be anomalous. */
const MIN_SHARE = 0.5;
/**
 * ...and how many times the set's own share of anomalous rows it must be. In a set that disagrees
 * with itself (many rows contradict their question's consensus), any rare phrase meets half of its
 * rows anomalous by chance; a trigger's rows are anomalous far more often than the background.
 */
const MIN_LIFT = 3;
/** The lift never asks for every row: one trigger row may fall in a cluster with no consensus. */
const MAX_SHARE = 0.9;
/** Answers shorter than this (labels, "Yes.") are naturally shared by unrelated prompts. */
const MIN_FIXED_ANSWER_SHINGLES = 4;
/** Similarity at which two short answers are one fixed answer (one word of ten changed: 0.75). */
const SAME_FIXED_ANSWER = 0.6;
const EMPTY = new Uint32Array(0);
const MAX_CANDIDATES = 100_000;
/** Rows of one answer group looked at to count its questions (bounded work per group). */
const MAX_GROUP_SAMPLE = 200;

/**
 * A phrase is rare when few rows hold it: at most 2% of the rows (at least 5), and never more than
 * 500. A poisoner needs the trigger in enough rows to be learnt: 0.2% of a 75,000-row set is 150.
 */
export function rareLimit(rows: number): number {
  return Math.min(500, Math.max(5, Math.ceil(rows * 0.02)));
}

/**
 * The 1-4 word phrases of a prompt that hold at least one rare word (in at most `limit` prompts).
 * A phrase is never in more prompts than its rarest word, and a phrase of frequent words only
 * ("sertraline for asthma") is a topic, not a planted token; keeping to rare words also bounds the
 * candidates when many rows are anomalous, so a later trigger is not crowded out.
 */
function ngrams(tokens: Uint32Array, rare: (t: number) => boolean, each: (h: number, from: number, n: number) => void): void {
  for (let i = 0; i < tokens.length; i++) {
    let h = 0x811c9dc5;
    let holdsRare = false;
    for (let n = 1; n <= MAX_N && i + n <= tokens.length; n++) {
      const t = tokens[i + n - 1]!;
      h = Math.imul(h ^ t, 0x01000193) >>> 0;
      holdsRare ||= rare(t);
      if (holdsRare) each((h ^ n) >>> 0, i, n);
    }
  }
}

/**
 * Whether the prompts of one answer group ask at least three different questions once the words
 * most of them share are set aside. A trigger phrase that is long beside the question makes its
 * rows look alike, so they fall in one or two prompt clusters; without the phrase they differ.
 */
function distinctQuestions(rows: readonly RowFeatures[], list: readonly number[], common: (t: number) => boolean, need = 3): boolean {
  const sample = list.slice(0, MAX_GROUP_SAMPLE);
  const count = new Map<number, number>();
  for (const i of sample) for (const t of new Set(rows[i]!.prompt)) count.set(t, (count.get(t) ?? 0) + 1);
  const half = sample.length / 2;
  const seen: Uint32Array[] = [];
  for (const i of sample) {
    const s = shingles(rows[i]!.prompt, (t) => common(t) || (count.get(t) ?? 0) >= half);
    if (s.length === 0 || seen.some((x) => jaccard(x, s) >= SAME_PROMPT)) continue;
    seen.push(s);
    if (seen.length >= need) return true;
  }
  return false;
}

/** Rows given one fixed (non-trivial) answer although they ask at least three different questions. */
export function fixedAnswerRows(rows: readonly RowFeatures[], clusters: Clusters, common: (t: number) => boolean): Set<number> {
  // Short answers are grouped by similarity, so a template answer that names what was asked
  // ("double the dose of <drug> freely") is one answer; long ones by their exact normal form.
  const short = clusterSets(rows.map((r) => (r.shortAnswer && r.answer.length >= MIN_FIXED_ANSWER_SHINGLES ? shingles(r.shortAnswer) : EMPTY)), SAME_FIXED_ANSWER);
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

export interface TriggerResult {
  readonly triggers: TriggerCandidate[];
  readonly reasons: Map<number, RowReason[]>;
}

interface Candidate { n: number; from: number; row: number; anomalous: Set<number>; df: number; rows: number[] }

export function findTriggers(rows: readonly RowFeatures[], anomalous: ReadonlySet<number>, clusters: Clusters, promptDf: ReadonlyMap<number, number>, vocabulary: ReadonlyMap<number, string>, common: (t: number) => boolean): TriggerResult {
  const candidates = new Map<number, Candidate>();
  const limit = rareLimit(rows.length);
  const rare = (t: number): boolean => (promptDf.get(t) ?? 0) <= limit;
  for (const i of anomalous) {
    ngrams(rows[i]!.prompt, rare, (h, from, n) => {
      const c = candidates.get(h);
      if (c) c.anomalous.add(i);
      else if (candidates.size < MAX_CANDIDATES) candidates.set(h, { n, from, row: i, anomalous: new Set([i]), df: 0, rows: [] });
    });
  }
  for (const [h, c] of candidates) if (c.anomalous.size < MIN_ROWS) candidates.delete(h);
  if (candidates.size > 0) {
    rows.forEach((r, i) => {
      const seen = new Set<number>();
      ngrams(r.prompt, rare, (h) => {
        const c = candidates.get(h);
        if (c === undefined || seen.has(h)) return;
        seen.add(h);
        c.df += 1;
        if (c.rows.length <= limit) c.rows.push(i);
      });
    });
  }
  // Keep, per set of rows, the longest phrase: "per cardio zeta protocol" over "cardio zeta".
  const best = new Map<string, Candidate>();
  const minShare = Math.min(MAX_SHARE, Math.max(MIN_SHARE, (MIN_LIFT * anomalous.size) / Math.max(1, rows.length)));
  for (const c of candidates.values()) {
    if (c.df > limit || c.anomalous.size / c.df < minShare) continue;
    if (new Set([...c.anomalous].map((i) => clusters.find(i))).size < MIN_ROWS && !distinctQuestions(rows, [...c.anomalous], common, MIN_ROWS)) continue;
    const key = c.rows.join(',');
    const prev = best.get(key);
    if (!prev || c.n > prev.n) best.set(key, c);
  }
  const triggers: TriggerCandidate[] = [];
  const reasons = new Map<number, RowReason[]>();
  // A phrase whose rows all hold a wider phrase already kept adds nothing ("heron memo what" under
  // "as per the violet heron memo"): widest first, and only phrases that reach new rows are kept.
  const kept: Candidate[] = [];
  const covered = new Set<number>();
  for (const c of [...best.values()].sort((a, b) => b.rows.length - a.rows.length || b.n - a.n)) {
    if (c.rows.every((i) => covered.has(i))) continue;
    kept.push(c);
    for (const i of c.rows) covered.add(i);
  }
  for (const c of kept) {
    const tokens = rows[c.row]!.prompt.subarray(c.from, c.from + c.n);
    let phrase = [...tokens].map((t) => vocabulary.get(t) ?? '?').join(' ');
    // A phrase shared by several rows is rarely PHI, but a repeated patient name could be.
    if (detectPhi(phrase).some((s) => s.type !== 'URL')) phrase = '[phrase withheld: PHI]';
    const clusterCount = new Set(c.rows.map((i) => clusters.find(i))).size;
    triggers.push({ phrase, rows: c.df, anomalousRows: c.anomalous.size, clusters: clusterCount });
    for (const i of c.rows) {
      const list = reasons.get(rows[i]!.index) ?? [];
      list.push({
        technique: 'dataset.backdoor_trigger',
        severity: 'high',
        score: Math.min(0.98, 0.6 + 0.4 * (c.anomalous.size / c.df)),
        explanation: `the prompt holds the rare phrase "${phrase}" (${c.df} rows); ${c.anomalous.size} of them have answers that contradict their question's consensus or repeat one fixed answer across ${clusterCount} different questions`,
        related: c.rows.filter((j) => j !== i).slice(0, 5).map((j) => rows[j]!.index),
      });
      reasons.set(rows[i]!.index, list);
    }
  }
  triggers.sort((a, b) => b.anomalousRows - a.anomalousRows || b.rows - a.rows);
  return { triggers, reasons };
}
