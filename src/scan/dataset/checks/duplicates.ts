/**
 * Exact duplicates (same normalised texts in the same roles) and near-duplicates (MinHash + LSH
 * over prompt and answer shingles, verified by exact Jaccard). Duplicates are not poison by
 * themselves, but they multiply a row's weight in training, which is how a few poisoned rows are
 * amplified; they are reported low (exact) and info (near).
 */
import type { RowReason } from '../types.js';
import { clusterSets } from '../minhash.js';
import { shingles, sortedUnique } from '../tokens.js';
import type { RowFeatures } from './store.js';

export const NEAR_DUPLICATE = 0.8;
const MAX_RELATED = 5;
const EMPTY = new Uint32Array(0);

export interface DuplicateResult {
  readonly reasons: Map<number, RowReason[]>;
  readonly exact: number;
  readonly near: number;
}

function merge(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return sortedUnique(out);
}

function add(map: Map<number, RowReason[]>, index: number, reason: RowReason): void {
  const list = map.get(index);
  if (list) list.push(reason); else map.set(index, [reason]);
}

export function findDuplicates(rows: readonly RowFeatures[]): DuplicateResult {
  const reasons = new Map<number, RowReason[]>();
  const first = new Map<number, number>();
  let exact = 0;
  const exactRows = new Set<number>();
  for (const r of rows) {
    const seen = first.get(r.rowKey);
    if (seen === undefined) { first.set(r.rowKey, r.index); continue; }
    exact += 1;
    exactRows.add(r.index);
    add(reasons, r.index, { technique: 'dataset.exact_duplicate', severity: 'low', score: 0.3, explanation: 'the row repeats an earlier row exactly (after normalising case, spacing and Unicode forms)', related: [seen] });
  }
  // Written straight into one array (~140 shingles a row): no object per row, and sized once by
  // an upper bound (a prompt of n words has at most 2n shingles), so no growing copies either.
  const start = new Int32Array(rows.length + 1);
  let bound = 0;
  for (const r of rows) bound += 2 * r.prompt.length + r.answer.length;
  const data = new Uint32Array(bound);
  rows.forEach((r, i) => {
    const set = exactRows.has(r.index) ? EMPTY : merge(shingles(r.prompt), r.answer);
    data.set(set, start[i]!);
    start[i + 1] = start[i]! + set.length;
  });
  const clusters = clusterSets({ data: data.subarray(0, start[rows.length]!), start }, NEAR_DUPLICATE);
  let near = 0;
  for (const list of clusters.groups().values()) {
    near += list.length;
    for (const i of list) {
      const related = list.filter((j) => j !== i).slice(0, MAX_RELATED).map((j) => rows[j]!.index);
      add(reasons, rows[i]!.index, { technique: 'dataset.near_duplicate', severity: 'info', score: 0.1, explanation: `the row is a near-duplicate (Jaccard >= ${NEAR_DUPLICATE}) of ${list.length - 1} other row(s)`, related });
    }
  }
  return { reasons, exact, near };
}
