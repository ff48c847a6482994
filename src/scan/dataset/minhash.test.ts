import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterSets } from './minhash.js';
import { flatten } from './sets.js';
import { jaccard, sortedUnique } from './tokens.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return (s >>> 0) / 0x100000000; };
}

/** Random sets over a small vocabulary (so unrelated sets overlap a little), each planted with near copies. */
function planted(size: number, seed: number): { sets: Uint32Array[]; copies: [number, number][] } {
  const rand = rng(seed);
  const sets: Uint32Array[] = [];
  const copies: [number, number][] = [];
  while (sets.length < 240) {
    const base = Uint32Array.from({ length: size }, () => Math.floor(rand() * 400) * 2654435761 >>> 0);
    const first = sets.length;
    sets.push(sortedUnique(base.slice()));
    for (let c = 0; c < 2; c++) {
      const copy = base.slice();
      copy[Math.floor(rand() * size)] = Math.floor(rand() * 1e9) >>> 0;
      copies.push([first, sets.length]);
      sets.push(sortedUnique(copy));
    }
  }
  return { sets, copies };
}

for (const [threshold, size] of [[0.5, 16], [0.8, 200]] as const) {
  test(`clusterSets at ${threshold}: near copies join, and every cluster is connected by pairs at the threshold`, () => {
    const { sets, copies } = planted(size, 7 + size);
    const c = clusterSets(flatten(sets), threshold);
    for (const [a, b] of copies) if (jaccard(sets[a]!, sets[b]!) >= 0.9) assert.equal(c.find(a), c.find(b), `${a} ~ ${b}`);
    for (const members of c.groups().values()) {
      // Grow from the first member along pairs at the threshold: the whole cluster must be reached.
      const reached = new Set([members[0]!]);
      for (let grew = true; grew;) {
        grew = false;
        for (const i of members) {
          if (reached.has(i)) continue;
          if ([...reached].some((j) => jaccard(sets[i]!, sets[j]!) >= threshold)) { reached.add(i); grew = true; }
        }
      }
      assert.equal(reached.size, members.length);
    }
    assert.ok(c.groups().size >= 70, `${c.groups().size} clusters`);
  });
}
