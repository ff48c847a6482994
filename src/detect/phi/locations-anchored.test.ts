import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ANCHORED_PATTERNS, cityStates, generalPlaces, namedStreets } from './locations-anchored.js';

const SCANS = { NAMED_STREET: namedStreets, GENERAL: generalPlaces, CITY_STATE: cityStates };

// Words of every length the bounds allow (up to 26 letters), the literals, joiners and digits.
const PIECES = [
  'Ab', 'Maple', 'Søndergade', 'Oak' + 'x'.repeat(18), 'Big' + 'y'.repeat(24), 'Élan', 'ab', 'the', 'our', 'at', 'St.', 'Saint', 'Mount', 'and', '&', 'of',
  'Street', 'Avenue', 'Road', 'Lane', 'Drive', 'Hospital', 'Medical Center', 'Med Ctr', 'Healthcare', 'Clinic', 'Hosp', 'General', 'Health', 'Memorial',
  'clinic', 'office', 'center', 'Rue', 'Via', 'ul.', 'Strada', 'Nørre' + 'gade', 'Hauptstraße', 'Kirkevej', 'Terrace', 'Row', 'Walk', 'utca', 'tér', 'sor',
  'Ring' + 'braut', 'Springfield,', 'Boston', 'IL', 'CA', 'HR', 'MAx', '12', '4', '12345', '123456', ',', '.', '-', "'", '\n', 'x1',
];

function rand(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

test('anchored scans find exactly the matches of the global patterns', () => {
  const next = rand(3);
  for (let k = 0; k < 4000; k++) {
    const n = 1 + Math.floor(next() * 9);
    const words = Array.from({ length: n }, () => PIECES[Math.floor(next() * PIECES.length)] ?? '');
    const text = words.join(next() < 0.8 ? ' ' : '');
    for (const [name, re] of Object.entries(ANCHORED_PATTERNS)) {
      const scan = SCANS[name as keyof typeof SCANS];
      const want = [...text.matchAll(new RegExp(re))].map((m) => [m.index, m[0]]);
      const got = [...scan(text)].map((m) => [m.index, m[0]]);
      assert.deepEqual(got, want, `${name}: ${JSON.stringify(text)}`);
    }
  }
});

test('the longest shape each pattern allows is still found (the distance bounds are not too tight)', () => {
  const w = (n: number, up = 'A'): string => up + 'b'.repeat(n - 1);
  const cases: Array<[keyof typeof SCANS, string]> = [
    ['NAMED_STREET', `x ${w(21)} ${w(21)} Street.`],
    ['GENERAL', `x ${w(21)} ${w(21)} General.`],
    ['CITY_STATE', `x ${w(21)} ${w(21)} ${w(21)}, IL.`],
    ['CITY_STATE', 'Abc, CA'],
  ];
  for (const [name, text] of cases) {
    const want = [...text.matchAll(new RegExp(ANCHORED_PATTERNS[name]))].map((m) => [m.index, m[0]]);
    assert.equal(want.length, 1, `${name} should match ${text}`);
    assert.deepEqual([...SCANS[name](text)].map((m) => [m.index, m[0]]), want, name);
  }
});
