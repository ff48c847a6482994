/**
 * Exact duplicates (same normalised texts in the same roles) and near-duplicates (MinHash + LSH
 * over prompt and answer shingles, verified by exact Jaccard). Duplicates are not poison by
 * themselves, but they multiply a row's weight in training, which is how a few poisoned rows are
 * amplified; they are reported low (exact) and info (near).
 */
import type { RowReason } from '../types.js';
import { clusterSets } from '../minhash.js';
import { flatSets } from '../sets.js';
import { shinglesInto } from '../tokens.js';
import { MAX_TOKENS, type RowFeatures } from './store.js';

export const NEAR_DUPLICATE = 0.8;
const MAX_RELATED = 5;

export interface DuplicateResult {
  readonly reasons: Map<number, RowReason[]>;
  readonly exact: number;
  readonly near: number;
}

/** Writes the union of the sorted sets `a[0, an)` and `b` to `out` from `at`; returns its length. */
function union(a: Uint32Array, an: number, b: Uint32Array, out: Uint32Array, at: number): number {
  let i = 0;
  let j = 0;
  let n = at;
  while (i < an && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) { out[n++] = x; i++; j++; } else if (x < y) { out[n++] = x; i++; } else { out[n++] = y; j++; }
  }
  while (i < an) out[n++] = a[i++]!;
  while (j < b.length) out[n++] = b[j++]!;
  return n - at;
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
  // The answer's set is sorted already, so the prompt's shingles are merged into it.
  let bound = 0;
  for (const r of rows) bound += 2 * r.prompt.length + r.answer.length;
  const scratch = new Uint32Array(2 * MAX_TOKENS);
  const sets = flatSets(rows.length, bound, (i, out, at) => {
    const r = rows[i]!;
    return exactRows.has(r.index) ? 0 : union(scratch, shinglesInto(r.prompt, scratch), r.answer, out, at);
  });
  const clusters = clusterSets(sets, NEAR_DUPLICATE);
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
