/**
 * Sets of a scan's rows in one flat array, and the union-find their clusters are kept in.
 */

/**
 * Sets held in one array, set i at [start[i], start[i + 1]): a candidate is read from one place
 * rather than through an object of its own (a fifth less time on the 0.5 clustering), and the
 * many sets of a large file cost no per-set object.
 */
export interface FlatSets { readonly data: Uint32Array; readonly start: Int32Array }

/**
 * Sets written straight into one array by `fill(i, out, at)`, which writes set i from `at` and
 * returns its length; `bound` is an upper bound on the total length (no growing copies).
 */
export function flatSets(n: number, bound: number, fill: (i: number, out: Uint32Array, at: number) => number): FlatSets {
  const start = new Int32Array(n + 1);
  const data = new Uint32Array(bound);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + fill(i, data, start[i]!);
  return { data: data.subarray(0, start[n]!), start };
}

export function flatten(sets: readonly Uint32Array[]): FlatSets {
  const start = new Int32Array(sets.length + 1);
  for (let i = 0; i < sets.length; i++) start[i + 1] = start[i]! + sets[i]!.length;
  const data = new Uint32Array(start[sets.length]!);
  for (let i = 0; i < sets.length; i++) data.set(sets[i]!, start[i]!);
  return { data, start };
}

/** Union-find over row slots. */
export class Clusters {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n).map((_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[i] !== r) { const n = this.parent[i]!; this.parent[i] = r; i = n; }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  /** The clusters of two or more slots, keyed by root in order of their first slot, each listing its slots in order. */
  groups(): Map<number, number[]> {
    // Sizes first, so the many single slots cost no list and no Map entry.
    const n = this.parent.length;
    const size = new Int32Array(n);
    for (let i = 0; i < n; i++) size[this.find(i)]!++;
    const all = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const root = this.find(i);
      if (size[root]! < 2) continue;
      const list = all.get(root);
      if (list) list.push(i); else all.set(root, [i]);
    }
    return all;
  }
}
