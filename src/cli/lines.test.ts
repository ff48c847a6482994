import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitLines, type LineEvent } from './lines.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

async function collect(chunks: readonly string[], max: number): Promise<string[]> {
  const out: string[] = [];
  const source = (async function* () { for (const c of chunks) yield enc.encode(c); })();
  for await (const batch of splitLines(source, max)) out.push(...batch.map(show));
  return out;
}

const show = (e: LineEvent): string => (e.kind === 'line' ? `${e.line}:${dec.decode(e.bytes)}` : `${e.line}:TOO_LONG(${e.length})`);

test('splits on LF, strips CR, keeps a final unterminated line', async () => {
  assert.deepEqual(await collect(['a\r\nbb\n', 'ccc'], 100), ['1:a', '2:bb', '3:ccc']);
});

test('joins a line split across many chunks', async () => {
  assert.deepEqual(await collect(['ab', 'c', 'd\ne', 'f\n'], 100), ['1:abcd', '2:ef']);
});

test('empty lines are reported with their numbers; no phantom line after a final newline', async () => {
  assert.deepEqual(await collect(['\n\nx\n'], 100), ['1:', '2:', '3:x']);
});

test('a line longer than the limit is reported as too long and the next line is intact', async () => {
  assert.deepEqual(await collect(['12345', '6789', '0\nok\n'], 5), ['1:TOO_LONG(10)', '2:ok']);
});

test('a line of exactly the limit passes, with or without CR', async () => {
  assert.deepEqual(await collect(['12345\n12345\r\n123456\n'], 5), ['1:12345', '2:12345', '3:TOO_LONG(6)']);
});

test('an over-long final line without newline is still reported', async () => {
  assert.deepEqual(await collect(['ok\n', 'xxxxxxxx'], 4), ['1:ok', '2:TOO_LONG(8)']);
});

test('lines completed by one chunk arrive as one batch', async () => {
  const source = (async function* () { yield enc.encode('a\nb\nc'); yield enc.encode('\nd'); })();
  const sizes: number[] = [];
  for await (const batch of splitLines(source, 10)) sizes.push(batch.length);
  assert.deepEqual(sizes, [2, 1, 1]);
});
