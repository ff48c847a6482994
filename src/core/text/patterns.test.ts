import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PATTERNS, pattern, type PatternName } from './patterns.js';
import { createRootView } from './view.js';
import { decodeLayers, DEFAULT_DECODE_LIMITS } from './decode.js';

// A guard against super-linear blow-up, not a speed test: a catastrophic pattern takes minutes on
// these inputs, a linear one milliseconds, so the bound is deliberately generous.
const BOUND_MS = 2000;
const SIZE = 100 * 1024;

const fill = (unit: string, tail = ''): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE) + tail;

const ADVERSARIAL: readonly string[] = [
  fill('a'), fill('A', '!'), fill('A1+/', '='.repeat(9)), fill('ab-_'), fill('0'), fill('f0', 'g'),
  fill('\\x4', 'z'), fill('\\x41'), fill('0x4 '), fill('0x41'), fill('41 '), fill('41:4'), fill('%4'), fill('%41'),
  fill('&#1'), fill('&#x'), fill('&a'), fill('=4'), fill('=\r'), fill('\uDB40'), fill('\uDB40\uDC41'), fill('rot1'),
  fill('gu'), fill('gur '), fill('I g '), fill('i.'), fill(' '), fill('\u200B'), fill('\u0430b'),
];

for (const name of Object.keys(PATTERNS) as PatternName[]) {
  test(`pattern ${name} stays linear on hostile input`, () => {
    for (const input of ADVERSARIAL) {
      const re = pattern(name);
      const t0 = performance.now();
      if (re.global) for (const _ of input.matchAll(re)) { /* drain */ }
      else re.test(input);
      input.split(re);
      assert.ok(performance.now() - t0 < BOUND_MS, `${name} on ${JSON.stringify(input.slice(0, 8))}...`);
    }
  });
}

test('normal forms and decoding stay bounded on hostile input', () => {
  for (const input of ADVERSARIAL) {
    const t0 = performance.now();
    const root = createRootView(input);
    root.form('folded');
    decodeLayers(root, DEFAULT_DECODE_LIMITS);
    assert.ok(performance.now() - t0 < BOUND_MS, JSON.stringify(input.slice(0, 8)));
  }
});
