import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodedRun, needsInjectionScan } from './screen.js';

test('encodedRun finds a run of 28 payload characters exactly where the plain regex does', () => {
  const regex = /[A-Za-z0-9+/=_-]{28}/;
  let s = 12345;
  const rand = (n: number): number => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return (s >>> 0) % n; };
  // Mostly payload characters with separators now and then, so runs end near 28 in both directions.
  const alphabet = 'aZ09+/=_-'.split('').concat([' ', '.', '\u00e9', '\n']);
  for (let k = 0; k < 20_000; k++) {
    const len = rand(80);
    let t = '';
    for (let i = 0; i < len; i++) t += alphabet[rand(100) < 96 ? rand(9) : 9 + rand(4)]!;
    assert.equal(encodedRun(t), regex.test(t), JSON.stringify(t));
  }
  assert.equal(encodedRun(`${'a'.repeat(27)} ${'b'.repeat(27)}`), false);
  assert.equal(encodedRun(`xx ${'Q'.repeat(28)}`), true);
});

test('the instruction screen ignores case as matching the lower-cased text did', () => {
  for (const t of ['IGNORE the rest', 'Your dose', 'Ask The Assistant', 'From Now On', 'EXFILTRATED', 'the URL', 'Unrestricted API KEY']) assert.equal(needsInjectionScan(t), true, t);
  for (const t of ['Take it with food.', 'Renal function at BASELINE', 'AIDS clinic', 'Userland tools']) assert.equal(needsInjectionScan(t), false, t);
});
