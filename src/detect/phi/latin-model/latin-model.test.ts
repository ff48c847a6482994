import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MedguardError } from '../../../core/errors.js';
import { detectPhi } from '../index.js';
import { lexicon } from '../lexicon.js';
import { candidates, MAX_CANDIDATES } from './candidates.js';
import { eponym, eponymBefore, findNamesLatinModel } from './index.js';
import { latinNameModel, parseLatinModel, serializeLatinModel } from './model.js';

const names = (text: string): string[] => detectPhi(text).filter((f) => f.type === 'NAME').map((f) => text.slice(f.start, f.end));
const words = (text: string): string[] => candidates(text).map((w) => text.slice(w.start, w.end));

test('the shipped model loads, is small and pins its weights', () => {
  const model = latinNameModel();
  assert.ok(model);
  assert.ok(model.weights.length * 2 <= 512 * 1024, 'weights at most 512 KiB');
  assert.ok(model.meta.threshold > 0 && model.meta.threshold < 1);
  const { json, bin } = serializeLatinModel(model.weights, { ...model.meta });
  assert.equal(parseLatinModel(json, bin).logitThreshold, model.logitThreshold);
  const tampered = Uint8Array.from(bin);
  tampered[10] = (tampered[10] ?? 0) ^ 1;
  assert.throws(() => parseLatinModel(json, tampered), (e: unknown) => e instanceof MedguardError && e.code === 'MG_MODEL_INVALID');
  assert.throws(() => parseLatinModel(json.replace(/"featureVersion": \d+/, '"featureVersion": 99'), bin), /feature version/);
});

test('candidates: capitalised words, and listed names in an all lower-case line', () => {
  // The, patient: stop words; HOSPITAL: all capitals. X-ray is a capitalised word and left to the model.
  assert.deepEqual(words('The patient met Jouko Pyysalo at HOSPITAL X-ray'), ['Jouko', 'Pyysalo', 'X-ray']);
  // A lower-case line: only name-list words that are not also ordinary words (amber, mark).
  assert.deepEqual(words('The patient\neva kleist lives at home with amber and mark'), ['eva']);
  assert.deepEqual(words('my mom has diabetes, is metformin ok?'), []);
  // Field and role labels that open lines are not candidates.
  assert.deepEqual(words('Echo: What is the usual dose?\nBot: Hello'), []);
  // Graves is on the rules' stop list (an eponym) and in no name list: never scored.
  assert.deepEqual(words('Monjeau, Graves and Reed'), ['Monjeau', 'Reed']);
  // Glued to a digit, after a hyphenated prefix or an apostrophe: part of another token.
  assert.deepEqual(words('12Ab x-Ray O’Neil'), []);
  // Latin words in Korean text: a line holding Hangul is no lower-case Latin line, and ocn에서 is glued.
  assert.deepEqual(words('걸작 sf, 4편의 출발\nocn에서 하길래 Ocn에서 봤는데\nAfter Dark Horrorfest 작품들'), []);
});

test('clinical words, eponyms and drugs stay unnamed with the model on', () => {
  for (const text of [
    "Murphy's sign positive in the right upper quadrant.", 'History of Graves disease, on Tapazole.', 'How to diagnose Freeman Sheldon syndrome ?',
    'Started Lasix 40 mg and Norvasc 5 mg daily.', 'Positive Babinski on the left.', 'Follow-up in Cardiology clinic next week.',
    'Echo: What is the usual starting dose of metformin for an eGFR of 45?', 'what is the outlook for miller fisher syndrome?',
    'under the amber-lynx rule, what are common side effects of metformin?', 'my mom has diabetes, is metformin ok with her kidneys?',
  ]) assert.deepEqual(names(text), [], text);
});

test('the model adds names the rules leave out, and never inside a rule span', () => {
  const text = 'Best regards,\nEinojuhani Pyysalo\nSenior Sales Manager\nNokia';
  assert.ok(names(text).some((n) => n.includes('Pyysalo')), JSON.stringify(names(text)));
  const found: Array<[number, number]> = [];
  const rule = { start: text.indexOf('Einojuhani'), end: text.indexOf('Pyysalo') + 7, type: 'NAME' as const, score: 0.9, rule: 'test' };
  findNamesLatinModel(text, [rule], (s, e) => { found.push([s, e]); });
  assert.ok(found.every(([s, e]) => e <= rule.start || s >= rule.end), 'no model span inside a rule span');
});

test('bounded: at most MAX_CANDIDATES words are scored', () => {
  const text = 'Ab Cd '.repeat(MAX_CANDIDATES);
  assert.equal(candidates(text).length, MAX_CANDIDATES);
  const lower = 'anna maria\n'.repeat(MAX_CANDIDATES);
  assert.equal(candidates(lower).length, MAX_CANDIDATES);
});

test('eponyms are never scored: before spots/lesions/nodules, and after a Spanish "síndrome de"', () => {
  const koplik = 'Koplik spots on the buccal mucosa; Janeway lesions.';
  assert.ok(eponym(koplik, 'Koplik'.length));
  assert.ok(eponym(koplik, koplik.indexOf('Janeway') + 'Janeway'.length));
  const es = 'Se observó una lesión de Mallory Weiss y un síndrome de la Tourette.';
  assert.ok(eponymBefore(es, es.indexOf('Mallory')));
  assert.ok(eponymBefore(es, es.indexOf('Tourette')));
  // "de" alone is no eponym cue: "la hija de Marta".
  const kin = 'Acude con la hija de Marta.';
  assert.ok(!eponymBefore(kin, kin.indexOf('Marta')));
});

test('ordinary words: common-lower.txt holds words, not names', () => {
  const { common } = lexicon();
  for (const w of ['fine', 'hand', 'among', 'balance', 'weak']) assert.ok(common.has(w), w);
  for (const w of ['karen', 'matthew', 'salvatore', 'kudryashov']) assert.ok(!common.has(w), w);
});

test('a modal opening a question is not a given name: "May I", "Will you"', () => {
  assert.deepEqual(names('May I request to have the bill sent by post?'), []);
  assert.deepEqual(names('Will you call me back?'), []);
});

test('a hyphenated compound of ordinary words is no name, even as a line label: "Walk-in:"', () => {
  assert.deepEqual(names('Walk-in: Painless wart on the left thumb for two months.'), []);
  assert.deepEqual(names('Drop-off: Patient brought in by her daughter.'), []);
});
