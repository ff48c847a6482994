import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fuzzModels, mutate, prng } from '../../../scripts/fuzz/models.js';

test('mutation fuzzing: 2,000 mutated model files, no crash escapes the engine', async () => {
  const r = await fuzzModels(2000, 7, false);
  assert.equal(r.inputs, 2000);
  assert.deepEqual(r.crashes, []);
});

test('the mutator is deterministic for a seed and actually changes inputs', () => {
  const base = Uint8Array.from({ length: 64 }, (_, i) => i);
  const a = mutate(base, prng(3), base);
  const b = mutate(base, prng(3), base);
  assert.deepEqual(a, b);
  let changed = 0;
  const rnd = prng(5);
  for (let i = 0; i < 50; i++) if (Buffer.compare(Buffer.from(mutate(base, rnd, base)), Buffer.from(base)) !== 0) changed++;
  assert.ok(changed > 40);
});
