/**
 * Answers that contradict their near-duplicate prompts. Prompts are clustered by similarity of
 * their distinctive words (boilerplate words common to the set are dropped first, so "Patient
 * portal message: X?" and "X?" are the same question); inside a cluster answers are grouped by
 * similarity, and a row whose answer is outside a clear majority (at least twice its own group,
 * and at least two rows) is a likely answer flip or label flip.
 */
import type { RowReason } from '../types.js';
import { clusterSets } from '../minhash.js';
import { flatSets, type Clusters } from '../sets.js';
import { atLeast, jaccardAtLeast, jaccardNeed, shinglesInto } from '../tokens.js';
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

/**
 * Which answer-group heads of the current cluster hold an element at each of 4096 positions (an
 * element's top 12 bits), one bit per head. A row is compared with up to 16 heads, and in a large
 * cluster of many questions most comparisons fail: one pass over the row's answer counts, for
 * every head at once, its elements at positions the head holds. That bounds the shared elements
 * from above (a shared element always counts), so a head whose count is short of what the
 * threshold needs is passed over without the merge, which still makes every other decision.
 */
class HeadPositions {
  private readonly heads = new Uint16Array(4096);
  readonly found = new Int32Array(MAX_GROUPS);

  clear(): void {
    this.heads.fill(0);
  }

  add(k: number, set: Uint32Array): void {
    for (let i = 0; i < set.length; i++) {
      const p = set[i]! >>> 20;
      this.heads[p] = this.heads[p]! | (1 << k);
    }
  }

  count(set: Uint32Array, heads: number): void {
    const found = this.found;
    found.fill(0, 0, heads);
    for (let i = 0; i < set.length; i++) {
      for (let m = this.heads[set[i]! >>> 20]!; m !== 0; m &= m - 1) {
        const k = 31 - Math.clz32(m & -m);
        found[k] = found[k]! + 1;
      }
    }
  }
}

/** Whether `found` (an upper bound on the shared elements) leaves room for SAME_ANSWER similarity. */
function mayShare(found: number, a: Uint32Array, b: Uint32Array): boolean {
  return found >= jaccardNeed(SAME_ANSWER, a.length, b.length);
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
  const heads = new HeadPositions();
  for (const [root, list] of clusters.groups()) {
    promptClusters += 1;
    if (list.length < 3) {
      const [a, b] = [rows[list[0]!]!, rows[list[1]!]!];
      if (a.answerKey === b.answerKey || jaccardAtLeast(a.answer, b.answer, SAME_ANSWER)) agreed.set(root, { major: list, size: 2 });
      continue;
    }
    const groups: number[][] = [];
    heads.clear();
    for (const i of list) {
      const a = rows[i]!;
      let g: number[] | undefined;
      if (groups.length > 0) heads.count(a.answer, groups.length);
      for (let k = 0; k < groups.length && g === undefined; k++) {
        const b = rows[groups[k]![0]!]!;
        if (b.answerKey === a.answerKey || (mayShare(heads.found[k]!, a.answer, b.answer) && jaccardAtLeast(a.answer, b.answer, SAME_ANSWER))) g = groups[k];
      }
      if (g) g.push(i);
      else if (groups.length < MAX_GROUPS) {
        heads.add(groups.length, a.answer);
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
        for (let k = 0; k < major.length && k < MAX_DIRECT_CHECKS && direct < MIN_DIRECT; k++) if (atLeast(sets.data, sets.start[i]!, sets.start[i + 1]!, sets.start[major[k]!]!, sets.start[major[k]! + 1]!, SAME_PROMPT)) direct++;
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
