import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanDatasetStream } from './engine.js';
import { cleanRows, poisonedRows, chatRow } from './testing.js';

const bytes = (lines: readonly string[]): AsyncIterable<Uint8Array> => (async function* () { yield Buffer.from(`${lines.join('\n')}\n`); })();

test('clean set: no row flagged, paraphrases are near-duplicate info only', async () => {
  const r = await scanDatasetStream(bytes(cleanRows()), 'clean.jsonl');
  assert.equal(r.verdict, 'safe');
  assert.equal(r.summary.flagged, 0);
  assert.equal(r.summary.rows, 36);
  assert.ok(r.rows.every((row) => row.severity === 'info'));
  assert.equal(r.summary.promptClusters, 12);
});

test('poisoned set: every poisoned row flagged with the right technique, clean rows not', async () => {
  const { rows, poisoned } = poisonedRows();
  const r = await scanDatasetStream(bytes(rows), 'poisoned.jsonl');
  assert.equal(r.verdict, 'unsafe');
  const flagged = new Map(r.rows.filter((x) => x.severity !== 'info' && x.severity !== 'low').map((x) => [x.index, x]));
  const techniques = (i: number): string[] => flagged.get(i)?.reasons.map((x) => x.technique) ?? [];
  assert.ok(techniques(poisoned.flip!).includes('dataset.consensus_contradiction'));
  for (const t of ['trigger1', 'trigger2', 'trigger3']) assert.ok(techniques(poisoned[t]!).includes('dataset.backdoor_trigger'), t);
  assert.ok(techniques(poisoned.injection!).includes('dataset.injected_instruction'));
  assert.ok(techniques(poisoned.phi!).includes('dataset.phi'));
  assert.deepEqual([...flagged.keys()].sort((a, b) => a - b), Object.values(poisoned).sort((a, b) => a - b));
  assert.match(r.summary.triggers[0]?.phrase ?? '', /amber lynx/);
  assert.equal(r.summary.flagged, Object.keys(poisoned).length);
});

test('explanations never repeat PHI values', async () => {
  const { rows } = poisonedRows();
  const r = await scanDatasetStream(bytes(rows), 'poisoned.jsonl');
  const text = JSON.stringify(r);
  for (const v of ['John', 'Smith', '48213377', '617-555-0143', '1961']) assert.ok(!text.includes(v), v);
});

test('ranking: strongest severity first, then score; consensus rows are related', async () => {
  const { rows, poisoned } = poisonedRows();
  const r = await scanDatasetStream(bytes(rows), 'poisoned.jsonl');
  for (let i = 1; i < r.rows.length; i++) {
    const [a, b] = [r.rows[i - 1]!, r.rows[i]!];
    const rank = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };
    assert.ok(rank[a.severity] > rank[b.severity] || (rank[a.severity] === rank[b.severity] && a.score >= b.score));
  }
  const flip = r.rows.find((x) => x.index === poisoned.flip)!;
  assert.equal(flip.reasons[0]?.related?.length, 3);
});

test('exact duplicates are low, counted, and point at the first copy', async () => {
  const rows = cleanRows();
  rows.push(rows[4]!, chatRow('  ward nurse ASKING: How long should a sprained ankle be rested? ', JSON.parse(rows[9]!).messages[2].content));
  const r = await scanDatasetStream(bytes(rows), 'dup.jsonl');
  assert.equal(r.summary.exactDuplicates, 2);
  const dup = r.rows.find((x) => x.index === 36)!;
  assert.equal(dup.severity, 'low');
  assert.deepEqual(dup.reasons.find((x) => x.technique === 'dataset.exact_duplicate')?.related, [4]);
  assert.equal(r.verdict, 'safe', 'duplicates alone are below the default fail-on');
});

test('bad rows are row errors and the rest of the file is still scanned', async () => {
  const rows = [...poisonedRows().rows];
  rows.splice(3, 0, '{not json', '{"messages": [{"role": "user", "content": "no answer"}]}', '[1,2]');
  const r = await scanDatasetStream(bytes(rows), 'bad.jsonl', { maxCrossRows: 1000 });
  assert.equal(r.summary.errors, 3);
  assert.deepEqual(r.rowErrors.map((e) => e.line), [4, 5, 6]);
  assert.equal(r.summary.rows, rows.length - 3);
  assert.ok(r.summary.flagged >= 6);
});

test('maxCrossRows bounds the cross-row checks and says so', async () => {
  const r = await scanDatasetStream(bytes(poisonedRows().rows), 'p.jsonl', { maxCrossRows: 10 });
  assert.equal(r.summary.crossRowLimited, true);
  assert.equal(r.summary.rows, 42);
});
