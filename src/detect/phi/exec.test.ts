import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstMatch, nextMatch } from './exec.js';

const viaExec = (re: RegExp, text: string): Array<[number, string]> => {
  const out: Array<[number, string]> = [];
  for (let m = firstMatch(re, text); m; m = nextMatch(re, text, m)) out.push([m.index, m[0]]);
  return out;
};
const viaMatchAll = (re: RegExp, text: string): Array<[number, string]> => [...text.matchAll(re)].map((m) => [m.index, m[0]]);

test('exec loops give exactly matchAll\'s matches, empty ones and surrogate pairs included', () => {
  const cases: Array<[RegExp, string]> = [
    [/\d+/g, 'a1b22c333'],
    [/x*/g, 'axxbx'],
    [/(?:)/gu, 'a\u{1F600}b'],
    [/(?:)/g, 'a\u{1F600}b'],
    [/\b/g, 'ab cd'],
    [/[가-힣]{1,2}/g, '가나다 라'],
  ];
  for (const [re, text] of cases) assert.deepEqual(viaExec(re, text), viaMatchAll(re, text), `${re} on ${text}`);
});

test('a loop left unfinished does not disturb the next one', () => {
  const re = /\d/g;
  const first = firstMatch(re, '12');
  assert.equal(first?.[0], '1');
  assert.deepEqual(viaExec(re, '345'), [[0, '3'], [1, '4'], [2, '5']]);
});
