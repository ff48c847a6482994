import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectPhi } from './index.js';

const names = (text: string): string[] => detectPhi(text).filter((f) => f.type === 'NAME').map((f) => text.slice(f.start, f.end));

test('names coordinated with a found name, or two listed names joined by "and", are names', () => {
  assert.deepEqual(names('Our founders: Morrison, Rogers and Torres.'), ['Morrison', 'Rogers', 'Torres']);
  assert.deepEqual(names('Marrero and Murphy were there.'), ['Marrero', 'Murphy']);
});

test('two-item comma pairs and lists of places or terms do not join', () => {
  assert.ok(!names('52-year-old male with Type 1 Diabetes, Paul Winters, who').includes('Diabetes'));
  assert.deepEqual(names('Referred by Dr. Juan Blanco, Sección de Nefrología.'), ['Juan Blanco']);
  assert.deepEqual(names('They flew to Boston, Chicago and Denver.'), []);
});

test('surname shape and letters foreign to English and Spanish mark a two-word name', () => {
  assert.deepEqual(names('Maybe it is under Rubija Liberšar'), ['Rubija Liberšar']);
  assert.deepEqual(names('Przemek Kucharski wrote back.'), ['Przemek Kucharski']);
});

test('person-only context: creator nouns, ex- membership, personality adjectives, quoted speakers', () => {
  assert.deepEqual(names('Unlike the Sokolov novel, it is short.'), ['Sokolov']);
  assert.deepEqual(names('This song by ex-Zombie Kastner is fine.'), ['Kastner']);
  assert.deepEqual(names('Irenka is very reliable.'), ['Irenka']);
  assert.deepEqual(names('Gijsbrecht: "Who are you?"'), ['Gijsbrecht']);
});

test('eponyms stay out: Spanish noun-first eponyms and clinical nouns before a colon', () => {
  assert.deepEqual(names('Se observó una lesión de Mallory Weiss.'), []);
  assert.deepEqual(names('Síndrome de Mayer-Rokitansky-Kuster-Hauser.'), []);
  assert.deepEqual(names('The Foley catheter version was replaced. Pain is very severe.'), []);
  assert.deepEqual(names('Plan: "continue lisinopril"'), []);
});

test('lower-case names: a name line heading a block, and lists of listed given names', () => {
  assert.deepEqual(names('naomi ryan\nsewer pipe cleaner\n12 main st'), ['naomi ryan']);
  assert.deepEqual(names('they had 6: silvana, adam, christopher and caleb.'), ['silvana', 'adam', 'christopher', 'caleb']);
  assert.deepEqual(names('pain, nausea and vomiting since monday\nfollow up\nblood pressure'), []);
});

test('lower-case titles take a name, but not a unit (2,85 ms. Respecto)', () => {
  assert.deepEqual(names('join accounts with ms. Marcela'), ['Marcela']);
  assert.deepEqual(names('una latencia de 2,85 ms. Respecto al electromiograma'), []);
});
