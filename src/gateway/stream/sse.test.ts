import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SseParser, SseTooLarge } from './sse.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

test('events split anywhere (even inside a UTF-8 character) come out whole', () => {
  const bytes = enc('data: {"a":"é"}\r\n\r\n: comment\n\nevent: x\ndata: line1\ndata: line2\n\n');
  for (let cut = 1; cut < bytes.length; cut++) {
    const p = new SseParser();
    const events = [...p.push(bytes.slice(0, cut)), ...p.push(bytes.slice(cut)), ...p.end()];
    assert.deepEqual(events.map((e) => e.data), ['{"a":"é"}', 'line1\nline2'], `cut at ${cut}`);
    assert.equal(events[1]?.event, 'x');
  }
});

test('a final event without its blank line is still delivered at end()', () => {
  const p = new SseParser();
  assert.deepEqual(p.push(enc('data: [DONE]')), []);
  assert.deepEqual(p.end().map((e) => e.data), ['[DONE]']);
});

test('an endless line or event is refused instead of buffered', () => {
  const p = new SseParser(64, 128);
  assert.throws(() => p.push(enc(`data: ${'x'.repeat(100)}`)), SseTooLarge);
  const q = new SseParser(64, 128);
  assert.throws(() => { for (let i = 0; i < 10; i++) q.push(enc(`data: ${'y'.repeat(40)}\n`)); }, SseTooLarge);
});
