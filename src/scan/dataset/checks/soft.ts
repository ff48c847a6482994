/**
 * Paraphrased prompts share few bigrams ("Can I take ibuprofen if I am on warfarin?" and "can a
 * patient on warfarin take ibuprofen for knee pain?"), so the Jaccard clusters miss them. A row
 * outside any cluster is also compared with the clusters whose agreed answer it might contradict:
 * at least two distinctive words in common, covering most of the shorter prompt. Candidates
 * come from an index of the rarer words only, so the work per row is bounded.
 */
import type { RowReason } from '../types.js';
import type { Clusters } from '../sets.js';
import { jaccardAtLeast } from '../tokens.js';
import type { RowFeatures } from './store.js';
import { SAME_ANSWER } from './consensus.js';

const MIN_SHARED = 2;
const MIN_CONTAINMENT = 0.6;
/** Words held by more clusters than this are not looked up (they say little and cost much). */
const MAX_POSTINGS = 32;

export interface Consensus {
  /** Positions in `rows` of the agreeing majority of a cluster. */
  readonly major: readonly number[];
  readonly size: number;
}

function words(r: RowFeatures, common: (t: number) => boolean): Set<number> {
  const out = new Set<number>();
  for (const t of r.prompt) if (!common(t)) out.add(t);
  return out;
}

/**
 * Containment is weighted by word rarity (`weight`, e.g. inverse document frequency): two prompts
 * that share the frequent words of a question form ("how should ... be monitored in a patient
 * with") but name different drugs do not ask the same thing; a paraphrase shares the rare words.
 */
export function softContradictions(rows: readonly RowFeatures[], clusters: Clusters, consensus: ReadonlyMap<number, Consensus>, common: (t: number) => boolean, weight: (t: number) => number = () => 1): Map<number, RowReason[]> {
  const index = new Map<number, number[]>();
  const clusterWords = new Map<number, Set<number>>();
  const clusterWeight = new Map<number, number>();
  const total = (w: ReadonlySet<number>): number => { let x = 0; for (const t of w) x += weight(t); return x; };
  for (const [root, c] of consensus) {
    const w = words(rows[c.major[0]!]!, common);
    clusterWords.set(root, w);
    clusterWeight.set(root, total(w));
    for (const t of w) {
      const list = index.get(t);
      if (!list) index.set(t, [root]); else if (list.length <= MAX_POSTINGS) list.push(root);
    }
  }
  const reasons = new Map<number, RowReason[]>();
  for (let i = 0; i < rows.length; i++) {
    if (consensus.has(clusters.find(i))) continue;
    const mine = words(rows[i]!, common);
    const shared = new Map<number, number>();
    const sharedWeight = new Map<number, number>();
    for (const t of mine) {
      const list = index.get(t);
      if (!list || list.length > MAX_POSTINGS) continue;
      for (const root of list) { shared.set(root, (shared.get(root) ?? 0) + 1); sharedWeight.set(root, (sharedWeight.get(root) ?? 0) + weight(t)); }
    }
    const mineWeight = total(mine);
    for (const [root, n] of shared) {
      if (n < MIN_SHARED || sharedWeight.get(root)! / Math.min(mineWeight, clusterWeight.get(root)!) < MIN_CONTAINMENT) continue;
      const c = consensus.get(root)!;
      const a = rows[i]!;
      if (c.major.some((j) => rows[j]!.answerKey === a.answerKey || jaccardAtLeast(rows[j]!.answer, a.answer, SAME_ANSWER))) continue;
      reasons.set(a.index, [{
        technique: 'dataset.consensus_contradiction',
        severity: 'medium',
        score: 0.6,
        explanation: `the prompt paraphrases a question that ${c.major.length} rows answer alike, but the answer disagrees with them`,
        related: c.major.slice(0, 5).map((j) => rows[j]!.index),
      }]);
      break;
    }
  }
  return reasons;
}
