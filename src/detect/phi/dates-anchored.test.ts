import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesAt } from './anchors.js';
import { MONTH_PATTERNS, monthScans } from './dates.js';

const PIECES = ['3', '14', '31', '2023', "'21", 'of', 'de', 'del', 'st', 'th', '3rd', 'en', 'desde', 'finales de', 'last', 'this past', 'next', 'Monday',
  'March', 'Mar', 'Mar.', 'MAR', 'SEPT', 'Sept', 'September', 'May', 'June', 'marzo', 'Marzo', 'septiembre', 'Setiembre', 'mayo', 'enero', 'año', 'mismo', ',', '-', '.', 'x', 'ab'];

function rand(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const spans = (it: Iterable<RegExpExecArray>): Array<[number, string]> => [...it].map((m) => [m.index, m[0]]);

test('month scans from their month words find exactly the global matches', () => {
  const next = rand(9);
  for (let k = 0; k < 5000; k++) {
    const n = 1 + Math.floor(next() * 7);
    const text = Array.from({ length: n }, () => PIECES[Math.floor(next() * PIECES.length)] ?? '').join(next() < 0.85 ? ' ' : '');
    const scans = monthScans(text);
    const pairs: Array<[RegExp, readonly [RegExp, readonly number[]]]> = [
      ...MONTH_PATTERNS.words.map((re, i) => [re, scans.words[i]] as [RegExp, readonly [RegExp, readonly number[]]]),
      [MONTH_PATTERNS.alone, scans.alone],
      ...MONTH_PATTERNS.monthYear.map((re, i) => [re, scans.monthYear[i]] as [RegExp, readonly [RegExp, readonly number[]]]),
    ];
    for (const [re, scan] of pairs) {
      assert.ok(scan, re.source);
      assert.deepEqual(spans(matchesAt(text, scan[0], scan[1])), spans(text.matchAll(new RegExp(re))), `${re.source.slice(0, 40)}: ${JSON.stringify(text)}`);
    }
  }
});

test('the widest day-first forms are found', () => {
  for (const text of ['on 31st of Sept 2020', '31 de septiembre de 2020', '9 setiembre', 'x 12 de Enero']) {
    const scans = monthScans(text);
    const found = [...scans.words].flatMap(([re, starts]) => spans(matchesAt(text, re, starts)));
    assert.ok(found.length > 0, text);
  }
});

test('month-first forms of both Spanish spellings of September are found', () => {
  for (const text of ['septiembre 2020', 'Setiembre de 2020', 'en septiembre', 'desde Setiembre del mismo año']) {
    const scans = monthScans(text);
    const found = [scans.alone, ...scans.monthYear].flatMap(([re, starts]) => spans(matchesAt(text, re, starts)));
    assert.equal(found.length, 1, text);
  }
});
