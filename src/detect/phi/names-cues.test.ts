import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectPhi } from './index.js';

const names = (text: string): string[] => detectPhi(text).filter((s) => s.type === 'NAME').map((s) => text.slice(s.start, s.end));

test('a cued surname, a comma and a given name are one name; a list of surnames is not', () => {
  assert.deepEqual(names('Pt Kowalczyk, Anna seen on 2026-12-01 in room 4B.'), ['Kowalczyk, Anna']);
  assert.ok(names('Patient Brennan, Margaret J. was admitted.').includes('Brennan, Margaret J.'));
  // "founders: Morrison, Rogers and Torres": names one by one, never a "Surname, Given" pair.
  assert.ok(!names('The idea came from our founders: Morrison, Karen and Torres.').some((n) => n.includes(',')));
  // A month or an ordinary word after the comma is no given name.
  assert.deepEqual(names('Patient Brennan, April 3 follow-up.'), ['Brennan']);
});

test('a clinician credential before an unlisted surname marks a name; not before ordinary words', () => {
  assert.deepEqual(names('Seen by NP Garcia in room 4B.'), ['Garcia']);
  assert.deepEqual(names('Discussed with RN Okafor today.'), ['Okafor']);
  // No credential cue here (the Latin name model, a separate rule, may still score "Swab").
  const t = 'NP Swab sent. PA Chest film clear. NP Airway placed. RN Note reviewed.';
  assert.deepEqual(detectPhi(t).filter((s) => s.rule === 'name.cue').map((s) => t.slice(s.start, s.end)), []);
});

test('a listed given name addressed at the end of a sentence after a number', () => {
  assert.deepEqual(names('Call me at 010-1234-5678, John.'), ['John']);
  assert.deepEqual(names('Take 2 tablets at 8, Grace period ends today.'), []);
});

test('lower case: "named" announces a listed name, and surnames are found without their accents', () => {
  assert.deepEqual(names('pt is a 45yo male named carlos mendez, dob 4/5/1981'), ['carlos mendez']);
  assert.deepEqual(names('a girl named isabella plays rough'), ['isabella']);
  assert.deepEqual(names('a drug named metformin was started'), []);
  assert.deepEqual(names('my daughter lucia jimenez called'), ['lucia jimenez']);
});

test('elided prefixes are part of a name: O\'Brien, D’Angelo', () => {
  assert.deepEqual(names("Mr. O'Brien (DOB 3/15/48) presented."), ["O'Brien"]);
  assert.deepEqual(names('Patient Mary O’Connor, 45.'), ['Mary O’Connor']);
  assert.deepEqual(names("Seen by Dr. D'Angelo today."), ["D'Angelo"]);
});

test('a quoted nickname inside a name keeps the name whole', () => {
  assert.deepEqual(names('Discharge summary for Robert "Bob" Delgado, age 71.'), ['Robert "Bob" Delgado']);
  assert.deepEqual(names('Patient Elizabeth “Liz” Warren was seen.'), ['Elizabeth “Liz” Warren']);
  assert.deepEqual(names('He said "Hello" to the team.'), []);
});

test('lower case: "dr" without its dot, "this is", "i am" and "her name is" before listed names', () => {
  assert.deepEqual(names('hi dr patel this is maria lopez, my dad jose lopez fell'), ['patel', 'maria lopez', 'jose lopez']);
  assert.deepEqual(names('her name is rosa gutierrez and she lives in fresno'), ['rosa gutierrez']);
  // Not before ordinary words or drugs.
  assert.deepEqual(names('this is lisinopril 10 mg; i am worried; this is mark the spot'), []);
});

test('a relative named after the kin word, in parentheses or not, also with a name that is a word too', () => {
  assert.deepEqual(names("Mr. Baker's wife (Linda) and son (Mark, 34) visited."), ['Baker', 'Linda', 'Mark']);
  assert.deepEqual(names('Please call his daughter Sue today.'), ['Sue']);
  // Lower-case words after kin words stay words.
  assert.deepEqual(names('Her daughter will call; his son (age 4) is well.'), []);
});

test('markdown: a name in a code span after a label, and a Patient column', () => {
  assert.deepEqual(names('- Name: `Delgado, Robert`'), ['Delgado, Robert']);
  assert.deepEqual(names('| Patient | Room |\n|---|---|\n| J. Smith | 4B |\n| K. Jones | 5A |'), ['J. Smith', 'K. Jones']);
});
