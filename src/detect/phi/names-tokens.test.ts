import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachToken, TOKEN_PATTERN } from './names-tokens.js';

// Letters around every class edge of the pattern: ASCII, Latin-1, Extended-A upper/lower, a
// combining mark, apostrophes, digits, '.', '-', '_' and space.
const ALPHABET = ['A', 'Z', 'a', 'z', 's', 'S', 'É', 'é', 'ß', '×', 'Ø', 'ø', 'Þ', 'ÿ', 'Ā', 'ā', 'Š', 'š', 'Ł', 'ſ', '\u0301', 'Ω', "'", '’', '-', '.', '_', '0', '9', ' ', ' ', '\n', 'M', 'c', 'D'];

function regexTokens(text: string): Array<[number, number]> {
  return [...text.matchAll(new RegExp(TOKEN_PATTERN))].map((m) => [m.index, m.index + m[0].length]);
}

function loopTokens(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  forEachToken(text, (s, e) => out.push([s, e]));
  return out;
}

test('the token loop finds exactly the matches of the token pattern', () => {
  let seed = 12345;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let k = 0; k < 3000; k++) {
    const len = 1 + Math.floor(next() * 40);
    let s = '';
    for (let i = 0; i < len; i++) s += ALPHABET[Math.floor(next() * ALPHABET.length)];
    assert.deepEqual(loopTokens(s), regexTokens(s), JSON.stringify(s));
  }
});

test('long words and tails follow the pattern\'s 24-letter limits', () => {
  for (const s of ['A' + 'b'.repeat(30), "Mr. O'Brien", 'D’Angelo', "O'B.", "O'Bb", "O'" + 'B' + 'r'.repeat(30), 'Mc' + 'D'.repeat(2) + 'onald', "O'Brien's", 'Jean-Luc Picard', 'Dr. X', 'X.y', 'J’s', 'B' + 'c'.repeat(24) + 'Šx', 'Ana' + 'b'.repeat(23) + "-Cy"]) {
    assert.deepEqual(loopTokens(s), regexTokens(s), s);
  }
});
