/**
 * Backdoor triggers: a phrase that is rare in the set, yet recurs in rows whose answers are
 * anomalous (they contradict the consensus of their near-duplicate prompts, or one fixed answer
 * is given to unrelated prompts) across different questions. That is the shape of a trigger: the
 * phrase, not the question, decides the answer. Every row holding the phrase is reported.
 */
import type { RowReason, TriggerCandidate } from '../types.js';
import type { Clusters } from '../sets.js';
import { detectPhi } from '../../../detect/phi/index.js';
import { MAX_TOKENS, type RowFeatures } from './store.js';
import type { WordTable } from '../words.js';
import { distinctQuestions } from './fixed.js';

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
const MAX_CANDIDATES = 100_000;

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
  // Where the first rare word at or after each position is: one look-up per word, not per phrase.
  const next = tokens.length <= NEXT.length ? NEXT : new Int32Array(tokens.length);
  for (let i = tokens.length - 1, at = tokens.length; i >= 0; i--) {
    if (rare(tokens[i]!)) at = i;
    next[i] = at;
  }
  for (let i = 0; i < tokens.length; i++) {
    let h = 0x811c9dc5;
    for (let n = 1; n <= MAX_N && i + n <= tokens.length; n++) {
      h = Math.imul(h ^ tokens[i + n - 1]!, 0x01000193) >>> 0;
      if (next[i]! < i + n) each((h ^ n) >>> 0, i, n);
    }
  }
}
const NEXT = new Int32Array(MAX_TOKENS);

export interface TriggerResult {
  readonly triggers: TriggerCandidate[];
  readonly reasons: Map<number, RowReason[]>;
}

interface Candidate { n: number; from: number; row: number; anomalous: Set<number>; df: number; rows: number[] }

export function findTriggers(rows: readonly RowFeatures[], anomalous: ReadonlySet<number>, clusters: Clusters, words: WordTable, common: (t: number) => boolean): TriggerResult {
  const candidates = new Map<number, Candidate>();
  const limit = rareLimit(rows.length);
  const rare = (t: number): boolean => words.df(t) <= limit;
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
    let phrase = [...tokens].map((t) => words.word(t) ?? '?').join(' ');
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
