import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanPhi } from './scan.js';

// Every rule module runs inside scanPhi, so hostile inputs through it exercise every regex.
// The bound is deliberately generous (linear work over 100 KB takes milliseconds); a
// super-linear pattern would take minutes, not seconds.
const SIZE = 100_000;
const fill = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

const ADVERSARIAL: Readonly<Record<string, string>> = {
  digits: fill('1'),
  'digit-dash': fill('1-'),
  'digit-space': fill('12 '),
  'digit-dot': fill('1.'),
  'digit-slash': fill('1/'),
  'capitalised words': fill('Ab '),
  'capital run': fill('A'),
  'title runs': fill('Dr. Ab '),
  hangul: fill('가'),
  'hangul words': fill('김민 '),
  'hangul digits': fill('1가'),
  at: fill('@'),
  'at-alnum': fill('a@'),
  dots: fill('.'),
  colons: fill('a:'),
  plus: fill('+1 '),
  hashes: fill('MRN #1'),
  'street-like': fill('1 Ab '),
  'calle-like': fill('Calle Ab '),
  'korean surname + 씨': fill('김씨 '),
  'korean listed names': fill('박규리, '),
  'korean titles': fill('오바마 대통령 '),
  'hangul foreign names': fill('존 메이어 '),
  'latin initials': fill('A씨 '),
  'lower-case name cues': fill('my name is ab '),
  'corner of': fill('the corner of ab and '),
  'address blocks': fill('Ab Cd\n1 '),
  'street tails': fill('Via Ab 1, Cd 12-345, '),
  'street units': fill('Ab Strasse 1 m. 2 4.em 3 ajtó '),
  'english streets': fill('1 Ab Cd Lane, Ab '),
  'postcode blocks': fill('Ab Cd\nAb 1 Zimmer 2\nAb\n1234 Ab\n'),
  'residence cues': fill('lives in Ab im Cd '),
  'german prepositions': fill('An der Ab Cd 1 '),
  'house-number words': fill('Calle Ab s/n Jalan Ab no 1 Aleea Ab, Bloc '),
  'ex- prefixes': fill('ex-Ab Cd '),
  'coordinated names': fill('Ab, Cd and '),
  // names-coordinated.ts: list separators and words after every found name.
  'listed name lists': fill('Anna, Maria and '),
  'name lists with conjunctions': fill('Dr. Ab und Cd y Ef & '),
  'long capitalised list words': fill('Abcdefghijklmnopqrstuvwxyzabcdefgh, Anna and '),
  // names-vocative.ts: a window before every '!' and '?'.
  vocatives: fill(', Mark!'),
  'question marks after words': fill('abcdefghijklmnopqrstuvwxyz?'),
  'modal questions': fill('May I '),
  'foreign letters': fill('Šab Łcd '),
  'surname endings': fill('Ab Kowalski '),
  'speaker quotes': fill('Ab: "x\n'),
  'creator nouns': fill('the Ab Cd novel '),
  'person adjectives': fill('Ab is very reliable '),
  'lower-case lists': fill('they had 6: ab, '),
  'lower-case list items': fill('ab, cd, ef and '),
  'long words before commas': fill('abcdefghijklmnopqrstuvwxyz, x and '),
  // Literal-anchored scans (anchors.ts): dense anchors, overlapping windows.
  'street suffixes': fill('Ab Cd Street '),
  'general words': fill('Ab General Health '),
  'month names': fill('3 de marzo Mar 3rd of May '),
  'state codes': fill('Ab Cd, CA '),
  'e-mail and domain runs': fill('a.b@c.d.com '),
};

for (const [name, input] of Object.entries(ADVERSARIAL)) {
  test(`linear on 100 KB of ${name}`, () => {
    const t0 = process.hrtime.bigint();
    scanPhi(input);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.ok(ms < 5000, `${name} took ${ms.toFixed(0)} ms`);
  });
}
