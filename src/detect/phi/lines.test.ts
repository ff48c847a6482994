import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hangulLines, hangulMatches } from './lines.js';

const spans = (it: Iterable<RegExpExecArray>): string[] => [...it].map((m) => `${m.index}:${m[0]}`);

test('matches on the Hangul lines are those of a whole-text pass, at input offsets', () => {
  const english = 'Seen on 3/14/2023 at the clinic, 12 days later.\n'.repeat(6);
  const text = `${english}2023년 3월 14일 입원\nBP 130/85\n환자 92세, 10일 후 재진\r\n${english}끝 5월`;
  for (const re of [/(?<!\d)(?:\d{2,4} ?년 ?)?(?:1[0-2]|0?[1-9]) ?월/g, /(?<![\d.~-])(?:[12]\d|3[01]|[1-9]) ?일/g, /(?<!\d)9\d ?세(?![가-힣])/g]) {
    const lines = hangulLines(text);
    assert.ok(lines.text.length < text.length / 2);
    assert.deepEqual(spans(hangulMatches(lines, re)), spans(text.matchAll(re)));
  }
});

test('mostly Korean text is scanned whole, and text without Hangul yields nothing', () => {
  assert.equal(hangulLines('김민수 3월\n박지영 4월').text, '김민수 3월\n박지영 4월');
  assert.deepEqual(spans(hangulMatches(hangulLines('March 3\nApril 4'), /\d월/g)), []);
});

test('lowerLines: the lines with no capital letter, as [start, end) pairs', async () => {
  const { lowerLines } = await import('./lines.js');
  const text = 'pt mary smith\nSeen by Dr. Lee\n\nseen at ucla, née Ünal?\nÉcole';
  const lines = lowerLines(text);
  const got: string[] = [];
  for (let k = 0; k < lines.length; k += 2) got.push(text.slice(lines[k], lines[k + 1]));
  assert.deepEqual(got, ['pt mary smith']);
  assert.deepEqual(lowerLines('all lower\nstill lower'), [0, 9, 10, 21]);
  assert.deepEqual(lowerLines(''), []);
});
