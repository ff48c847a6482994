import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOMAIN, EMAIL } from './contact.js';
import { domainStarts, emailStarts, stickyMatches, type StartFinder } from './contact-windows.js';

function rand(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function strings(alphabet: readonly string[], count: number, maxLen: number, seed: number): string[] {
  const next = rand(seed);
  return Array.from({ length: count }, () => {
    let s = '';
    const len = 1 + Math.floor(next() * maxLen);
    for (let i = 0; i < len; i++) s += alphabet[Math.floor(next() * alphabet.length)];
    return s;
  });
}

const globalMatches = (re: RegExp, s: string): Array<[number, number]> => [...s.matchAll(new RegExp(re))].map((m) => [m.index, m.index + m[0].length]);

function check(re: RegExp, starts: StartFinder, inputs: readonly string[]): void {
  const sticky = new RegExp(re.source, 'y');
  for (const s of inputs) assert.deepEqual([...stickyMatches(s, sticky, starts)], globalMatches(re, s), JSON.stringify(s));
}

// Pieces of addresses and their edge characters, so random strings often hold near-matches.
const PIECES = ['a', 'b', 'Z', '0', '9', '_', '.', '-', '%', '+', '@', ' ', '/', 'com', 'co.kr', 'kr', 'net', 'mail', 'x.y', '\n', 'é'];

test('e-mail starts: sticky tries at them find exactly the global matches', () => {
  check(EMAIL, emailStarts, strings(PIECES, 4000, 24, 7));
  check(EMAIL, emailStarts, ['john.doe@example.com', 'a'.repeat(64) + '@b.com', 'a'.repeat(65) + '@b.com', '.a@b.com x_y@c.org']);
});

test('domain starts: sticky tries at them find exactly the global matches', () => {
  check(DOMAIN, domainStarts, strings(PIECES, 4000, 24, 11));
  check(DOMAIN, domainStarts, ['see www.example.com/a,b.org', '_x.com @y.com -z.com a-.b.com', 'a.b.c.d.e.com']);
});
