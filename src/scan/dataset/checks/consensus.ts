/**
 * Answers that contradict their near-duplicate prompts. Prompts are clustered by similarity of
 * their distinctive words (boilerplate words common to the set are dropped first, so "Patient
 * portal message: X?" and "X?" are the same question); inside a cluster answers are grouped by
 * similarity, and a row whose answer is outside a clear majority (at least twice its own group,
 * and at least two rows) is a likely answer flip or label flip.
 */
import type { RowReason } from '../types.js';
import { clusterSets, flatSets, setOf, type Clusters } from '../minhash.js';
import { jaccardAtLeast, shinglesInto } from '../tokens.js';
import type { RowFeatures } from './store.js';
import { softContradictions, type Consensus } from './soft.js';

/** Prompt similarity that makes two rows the same question. */
export const SAME_PROMPT = 0.5;
/** Answer similarity that makes two answers say the same thing. */
export const SAME_ANSWER = 0.35;
/** Answer groups kept per cluster; a cluster with more distinct answers has no consensus. */
const MAX_GROUPS = 16;
const MAX_RELATED = 5;
/** Majority rows a contradicting row must itself be close to, and how many are looked at. */
const MIN_DIRECT = 2;
const MAX_DIRECT_CHECKS = 64;

export interface ConsensusResult {
  readonly clusters: Clusters;
  /** Rows (positions in `rows`) whose answer contradicts their cluster. */
  readonly contradicting: Set<number>;
  readonly reasons: Map<number, RowReason[]>;
  readonly promptClusters: number;
}

/** Words of a group head's 4096-bit bitmap (an element's top 12 bits pick its bit). */
const HEAD_WORDS = 128;

function headBitmap(set: Uint32Array, out: Int32Array, at: number): void {
  out.fill(0, at, at + HEAD_WORDS);
  for (let k = 0; k < set.length; k++) {
    const x = set[k]!;
    const w = at + (x >>> 25);
    out[w] = out[w]! | (1 << ((x >>> 20) & 31));
  }
}

/**
 * Whether an answer can be SAME_ANSWER-similar to a group head of `headLength` elements: a row is
 * compared with up to 16 heads, and in a large cluster of many questions most comparisons fail.
 * A shared element is always found in the head's bitmap, so the elements found bound the shared
 * ones from above (a few more by chance), and most failures stop here before the merge, which
 * still makes every decision.
 */
function mayShare(set: Uint32Array, headLength: number, bitmap: Int32Array, at: number): boolean {
  const need = (SAME_ANSWER * (set.length + headLength)) / (1 + SAME_ANSWER) - 1e-9;
  let spare = set.length - need;
  for (let k = 0; k < set.length; k++) {
    const x = set[k]!;
    if (((bitmap[at + (x >>> 25)]! >>> ((x >>> 20) & 31)) & 1) === 0 && --spare < 0) return false;
  }
  return true;
}

export function checkConsensus(rows: readonly RowFeatures[], common: (t: number) => boolean, weight?: (t: number) => number): ConsensusResult {
  let bound = 0;
  for (const r of rows) bound += 2 * r.prompt.length;
  const sets = flatSets(rows.length, bound, (i, out, at) => shinglesInto(rows[i]!.prompt, out, common, at));
  const clusters = clusterSets(sets, SAME_PROMPT);
  const contradicting = new Set<number>();
  const reasons = new Map<number, RowReason[]>();
  const agreed = new Map<number, Consensus>();
  let promptClusters = 0;
  const heads = new Int32Array(MAX_GROUPS * HEAD_WORDS);
  for (const [root, list] of clusters.groups()) {
    promptClusters += 1;
    if (list.length < 3) {
      const [a, b] = [rows[list[0]!]!, rows[list[1]!]!];
      if (a.answerKey === b.answerKey || jaccardAtLeast(a.answer, b.answer, SAME_ANSWER)) agreed.set(root, { major: list, size: 2 });
      continue;
    }
    const groups: number[][] = [];
    for (const i of list) {
      const a = rows[i]!;
      let g: number[] | undefined;
      for (let k = 0; k < groups.length && g === undefined; k++) {
        const b = rows[groups[k]![0]!]!;
        if (b.answerKey === a.answerKey || (mayShare(a.answer, b.answer.length, heads, k * HEAD_WORDS) && jaccardAtLeast(a.answer, b.answer, SAME_ANSWER))) g = groups[k];
      }
      if (g) g.push(i);
      else if (groups.length < MAX_GROUPS) {
        headBitmap(a.answer, heads, groups.length * HEAD_WORDS);
        groups.push([i]);
      }
    }
    groups.sort((x, y) => y.length - x.length);
    const major = groups[0]!;
    if (major.length < 2) continue;
    agreed.set(root, { major, size: list.length });
    for (const g of groups.slice(1)) {
      if (major.length < 2 * g.length) continue;
      const share = major.length / list.length;
      for (const i of g) {
        // Clusters are single-linkage: a chain of overlapping prompts can join different
        // questions ("dose of X for Y" ... "dose of X for Z"). A row contradicts only rows whose
        // prompt it is itself close to, and at least two of them.
        let direct = 0;
        for (let k = 0; k < major.length && k < MAX_DIRECT_CHECKS && direct < MIN_DIRECT; k++) if (jaccardAtLeast(setOf(sets, i), setOf(sets, major[k]!), SAME_PROMPT)) direct++;
        if (direct < MIN_DIRECT) continue;
        contradicting.add(i);
        reasons.set(rows[i]!.index, [{
          technique: 'dataset.consensus_contradiction',
          severity: 'high',
          score: Math.min(0.95, 0.55 + 0.4 * share),
          explanation: `the answer disagrees with ${major.length} of ${list.length} rows asking the same question, which agree with each other`,
          related: major.slice(0, MAX_RELATED).map((j) => rows[j]!.index),
        }]);
      }
    }
  }
  const soft = softContradictions(rows, clusters, agreed, common, weight);
  if (soft.size > 0) {
    rows.forEach((r, i) => {
      const list = soft.get(r.index);
      if (list) { reasons.set(r.index, list); contradicting.add(i); }
    });
  }
  return { clusters, contradicting, reasons, promptClusters };
}
