import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findNamesCoordinated } from './names-coordinated.js';
import type { PhiSpan } from './types.js';

/** The words the list rule adds, given the names already found (by their text). */
function added(text: string, ...found: string[]): string[] {
  const spans: PhiSpan[] = found.map((f) => {
    const start = text.indexOf(f);
    assert.ok(start >= 0, f);
    return { start, end: start + f.length, type: 'NAME', score: 0.8, rule: 'test' };
  });
  const out: string[] = [];
  findNamesCoordinated(text, spans, (s, e) => { out.push(text.slice(s, e)); });
  return out;
}

test('a stop-list word between two names of one list is a name', () => {
  assert.deepEqual(added('our 3 founders: Monjeau, Graves and Reed.', 'Monjeau', 'Reed'), ['Graves']);
  assert.deepEqual(added('Kudryashov, Graves, Petrosyan and Reed won.', 'Kudryashov', 'Reed'), ['Graves', 'Petrosyan']);
});

test('a listed surname joined to a name by "and" is a name', () => {
  assert.deepEqual(added('Bowman and White were precision engineers.', 'Bowman'), ['White']);
  assert.deepEqual(added('White and Bowman were precision engineers.', 'Bowman'), ['White']);
  assert.deepEqual(added('Šušulić, Bowman and White.', 'Šušulić', 'Bowman'), ['White']);
  assert.deepEqual(added('Dres. García y Molina', 'García'), ['Molina']);
});

test('no list, no conjunction, eponyms, companies, places, labels: nothing added', () => {
  // ", " alone joins no list: "Smith, Will you call me?"
  assert.deepEqual(added('Dr. Smith, Will you call me?', 'Smith'), []);
  assert.deepEqual(added('Seen with Smith and Graves disease was discussed.', 'Smith'), []);
  assert.deepEqual(added('Seen by Smith and Parkinson disease was discussed.', 'Smith'), []);
  assert.deepEqual(added('Smith and Jones Ltd sent the bill.', 'Smith'), []);
  assert.deepEqual(added('Ana García and Madrid staff', 'Ana García'), []);
  assert.deepEqual(added('Smith and The team', 'Smith'), []);
  assert.deepEqual(added('Smith, Monday and Tuesday', 'Smith'), []);
  // One name alone: an unlisted word next to it is not enough (Smith and Cardiology).
  assert.deepEqual(added('Seen by Smith and Cardiology today.', 'Smith'), []);
  assert.deepEqual(added('john and mark', 'john'), []);
});

test('a cut word at the window edge is not taken for a list item', () => {
  const text = `${'x'.repeat(30)}Abcdefghijklmnopqrstuvwxyzabcd, Smith and Jones`;
  assert.deepEqual(added(text, 'Smith'), ['Jones']);
});
