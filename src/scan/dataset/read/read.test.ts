import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDataset } from './index.js';
import type { RowEvent } from '../types.js';

/** Feeds `text` in chunks of `size` bytes so records and quotes straddle chunk edges. */
async function read(text: string, size = 7, format: 'auto' | 'jsonl' | 'csv' = 'auto', maxRecordBytes = 4096): Promise<RowEvent[]> {
  const bytes = Buffer.from(text);
  const chunks = (async function* () { for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size); })();
  const out: RowEvent[] = [];
  for await (const batch of readDataset(chunks, { format, maxRecordBytes, maxFieldBytes: 1024 })) out.push(...batch);
  return out;
}

test('chat JSONL: prompt is the user turns, answer the last assistant turn; CRLF and BOM tolerated', async () => {
  const line = JSON.stringify({ messages: [{ role: 'system', content: 'S' }, { role: 'user', content: 'Q1' }, { role: 'assistant', content: 'A1' }, { role: 'user', content: [{ type: 'text', text: 'Q2' }] }, { role: 'assistant', content: 'A2' }] });
  const ev = await read(`\ufeff${line}\r\n\r\n${line}\n`);
  assert.equal(ev.length, 2);
  const r = ev[0]!;
  assert.equal(r.kind, 'row');
  if (r.kind !== 'row') return;
  assert.equal(r.row.format, 'chat');
  assert.equal(r.row.prompt, 'Q1\nQ2');
  assert.equal(r.row.answer, 'A2');
  assert.equal(ev[1]!.kind === 'row' && ev[1]!.row.line, 3);
});

test('instruction JSONL: prompt/response, instruction/input/output, text/label', async () => {
  const ev = await read([
    JSON.stringify({ prompt: 'P', response: 'R' }),
    JSON.stringify({ instruction: 'I', input: 'X', output: 'O' }),
    JSON.stringify({ text: 'T', label: 'urgent' }),
  ].join('\n'));
  const rows = ev.flatMap((e) => (e.kind === 'row' ? [e.row] : []));
  assert.deepEqual(rows.map((r) => [r.format, r.prompt, r.answer]), [['instruction', 'P', 'R'], ['instruction', 'I\nX', 'O'], ['classification', 'T', 'urgent']]);
});

test('malformed JSONL lines become row errors with their line; later rows survive', async () => {
  const good = JSON.stringify({ prompt: 'p', response: 'r' });
  const ev = await read([good, '{bad', '"a string"', JSON.stringify({ foo: 1 }), 'x'.repeat(5000), good].join('\n'));
  assert.deepEqual(ev.map((e) => (e.kind === 'row' ? `row@${e.row.line}` : `${e.error.code}@${e.error.line}`)), [
    'row@1', 'MG_INPUT_INVALID@2', 'MG_INPUT_INVALID@3', 'MG_INPUT_INVALID@4', 'MG_INPUT_TOO_LARGE@5', 'row@6',
  ]);
  const bin = await read(Buffer.concat([Buffer.from(`${good}\n`), Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]), Buffer.from(good)]).toString('latin1'), 3);
  assert.equal(bin.filter((e) => e.kind === 'row').length, 2);
});

test('CSV: RFC 4180 quoting (commas, doubled quotes, newlines) across chunk edges', async () => {
  const csv = 'prompt,response\r\n"Is it safe, doctor?","He said ""yes""\nthen left"\r\nplain,answer\n';
  const ev = await read(csv, 3);
  const rows = ev.flatMap((e) => (e.kind === 'row' ? [e.row] : []));
  assert.deepEqual(rows.map((r) => [r.prompt, r.answer, r.line]), [['Is it safe, doctor?', 'He said "yes"\nthen left', 2], ['plain', 'answer', 4]]);
  assert.equal(rows[0]!.format, 'csv');
});

test('CSV: a stray quote or an over-long record is a row error and parsing resumes', async () => {
  const ev = await read(`prompt,response\nok,fine\nbad"quote,x\n"${'y'.repeat(5000)}",z\nafter,row\n`, 5, 'csv');
  assert.deepEqual(ev.map((e) => (e.kind === 'row' ? `row:${e.row.prompt}` : e.error.code)), ['row:ok', 'MG_INPUT_INVALID', 'MG_INPUT_TOO_LARGE', 'row:after']);
  const open = await read('prompt,response\n"never closed,x\n', 4, 'csv');
  assert.equal(open.at(-1)?.kind === 'error' && open.at(-1)?.kind, 'error');
});
