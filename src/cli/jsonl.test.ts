import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryIo } from './io.js';
import { scanJsonl, type JsonlOptions } from './jsonl.js';
import { fakeInspector } from './testing.js';

const options: JsonlOptions = { inspector: fakeInspector(), mode: 'prompt', failOn: undefined, maxLineBytes: 200 };

async function run(input: string | Uint8Array[], opts: Partial<JsonlOptions> = {}) {
  const io = memoryIo(input);
  const summary = await scanJsonl(io.stdin, { ...options, ...opts }, io);
  const records = io.out().split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
  return { summary, records };
}

test('one record per input line, in input order, with ids kept', async () => {
  const input = Array.from({ length: 1000 }, (_, i) => JSON.stringify({ id: `r${i}`, text: i % 7 === 0 ? 'ATTACK now' : `note ${i}` })).join('\n');
  const { summary, records } = await run(input);
  assert.equal(records.length, 1000);
  assert.deepEqual(records.map((r) => r.id), Array.from({ length: 1000 }, (_, i) => `r${i}`));
  assert.equal(summary.flagged, Math.ceil(1000 / 7));
  const first = records[0] as { injection: { flagged: boolean; score: number; findings: unknown[] }; findings: unknown[] };
  assert.equal(first.injection.flagged, true);
  assert.equal(first.injection.findings.length, 1);
  assert.equal((records[1] as { injection: { flagged: boolean } }).injection.flagged, false);
});

test('bad lines become error records with line numbers and processing continues', async () => {
  const lines = [
    'not json',
    '[1,2]',
    '{"id":1}',
    '{"id":2,"text":42}',
    '{"id":3,"text":"x","mode":"poem"}',
    '{"id":{"a":1},"text":"x"}',
    '{"id":4,"text":"fine"}',
  ];
  const { summary, records } = await run(lines.join('\n') + '\n');
  assert.equal(records.length, 7);
  const errors = records.slice(0, 6).map((r) => [r.id, r.line, (r.error as { code: string }).code]);
  assert.deepEqual(errors, [
    [null, 1, 'MG_INPUT_INVALID'], [null, 2, 'MG_INPUT_INVALID'], [1, 3, 'MG_INPUT_INVALID'],
    [2, 4, 'MG_INPUT_INVALID'], [3, 5, 'MG_INPUT_INVALID'], [null, 6, 'MG_INPUT_INVALID'],
  ]);
  assert.equal(records[6]?.id, 4);
  assert.equal(summary.errors, 6);
  assert.equal(summary.records, 7);
});

test('invalid UTF-8 in a line is MG_INPUT_NOT_TEXT for that line only', async () => {
  const enc = new TextEncoder();
  const bad = Uint8Array.from([...enc.encode('{"id":1,"text":"a'), 0xff, 0xfe, ...enc.encode('"}\n')]);
  const { records } = await run([bad, enc.encode('{"id":2,"text":"ok"}\n')]);
  assert.equal((records[0]?.error as { code: string }).code, 'MG_INPUT_NOT_TEXT');
  assert.equal(records[1]?.id, 2);
});

test('over-long lines and over-limit texts are error records', async () => {
  const long = JSON.stringify({ id: 'long', text: 'x'.repeat(500) });
  const { records } = await run(`${long}\n{"id":"next","text":"ok"}\n`);
  assert.equal(records[0]?.id, null);
  assert.equal(records[0]?.line, 1);
  assert.equal((records[0]?.error as { code: string }).code, 'MG_INPUT_TOO_LARGE');
  assert.equal(records[1]?.id, 'next');
  // Under the byte limit but over the inspector's 1000-character limit: the id is known.
  const { records: r2 } = await run(JSON.stringify({ id: 'chars', text: 'y'.repeat(1500) }), { maxLineBytes: 4000 });
  assert.equal(r2[0]?.id, 'chars');
  assert.equal((r2[0]?.error as { code: string }).code, 'MG_INPUT_TOO_LARGE');
});

test('records never contain the input text, only offsets', async () => {
  const { records } = await run('{"id":1,"text":"my SECRET is hunter2 ATTACK"}');
  const out = JSON.stringify(records[0]);
  assert.ok(!out.includes('hunter2'));
  assert.ok(!out.includes('SECRET is'));
  const findings = (records[0] as { findings: { kind: string; start: number }[] }).findings;
  assert.deepEqual(findings.map((f) => [f.kind, f.start]), [['secret.test', 3], ['injection.test', 21]]);
});

test('per-line mode overrides the default; blank lines are skipped', async () => {
  const { records, summary } = await run('\n{"id":1,"text":"a","mode":"document"}\n   \n{"id":2,"text":"b"}\n');
  assert.deepEqual(records.map((r) => r.id), [1, 2]);
  assert.equal(summary.errors, 0);
});

test('--fail-on counts findings of any family at or above the severity', async () => {
  const { summary } = await run('{"id":1,"text":"SECRET"}\n{"id":2,"text":"plain"}', { failOn: 'medium' });
  assert.equal(summary.flagged, 1);
  const { summary: high } = await run('{"id":1,"text":"SECRET"}', { failOn: 'high' });
  assert.equal(high.flagged, 0);
});

test('an internal error on one line becomes an MG_DETECTOR_FAILED record; the batch goes on', async () => {
  const inner = fakeInspector();
  const inspector = { inspect: (text: string, o?: { mode?: 'prompt' | 'document' | 'output' }) => {
    if (text === 'boom') throw new TypeError('bug');
    return inner.inspect(text, o);
  } };
  const { records, summary } = await run('{"id":1,"text":"boom"}\n{"id":2,"text":"ok"}\n', { inspector });
  assert.deepEqual(records.map((r) => [r.id, (r.error as { code?: string } | undefined)?.code ?? null]), [[1, 'MG_DETECTOR_FAILED'], [2, null]]);
  assert.equal(summary.errors, 1);
});

test('each record lists its PHI spans as {start, end, type, score}, offsets into the record text', async () => {
  const { createInspector } = await import('../inspect.js');
  const text = 'Patient John Smith, MRN 00482913, seen 03/14/2023.';
  const { records } = await run(`${JSON.stringify({ id: 'n1', text })}\n`, { inspector: createInspector({ families: ['phi'] }), maxLineBytes: 10_000 });
  const phi = (records[0] as { phi: Array<{ start: number; end: number; type: string; score: number }> }).phi;
  assert.deepEqual(phi.map((p) => [p.type, text.slice(p.start, p.end)]), [['NAME', 'John Smith'], ['MRN', '00482913'], ['DATE', '03/14/2023']]);
  assert.ok(phi.every((p) => p.score > 0 && p.score <= 1));
});
