import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectPhi } from './index.js';
import { listMatchesIn, LOWER_LIST } from './names-lower.js';

/** The global pass that listMatchesIn replaces. */
function globalPass(line: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  const re = new RegExp(LOWER_LIST);
  for (let m = re.exec(line); m; m = re.exec(line)) out.push([m.index, m[0]]);
  return out;
}

const anchored = (line: string): Array<[number, string]> => [...listMatchesIn(line)].map((m) => [m.index, m[0]]);

test('lower-case lists: the comma-anchored scan gives the global pass its matches', () => {
  const fixed = [
    'silvana, adam, christopher and caleb came',
    'we saw ana, bo, and cy, then dee, eve and fay',
    'x, ab, cd and ef', // a one-letter first word is no start; the match begins at ab
    'abcdefghijklmnopqrstuvwxyz, ab and cd', // a 26-letter first word: no start there
    'abcdefghijklmnopqrstuvwx, ab and cd', // exactly 24 letters
    'Ana, bo and cy', // capital before the run: the run still starts a match
    'éric, zoë and ñoño',
    'ab,cd, ef and gh',
    'ab, cd, ef, gh, ij, kl, mn, op, qr, st, uv, wx, yz, ab and cd', // more items than the 12 repeats
  ];
  for (const line of fixed) assert.deepEqual(anchored(line), globalPass(line), line);
  // Random lines alternating the words and separators the pattern reacts to.
  const words = ['ab', 'c', 'de', 'éa', 'abcdefghijklmnopqrstuvwxyz', 'abcdefghijklmnopqrstuvwx', 'Xy', '1', "o'"];
  const seps = [', ', ', ', ' and ', ',', ' ', ', and ', ',  '];
  let seed = 7;
  const pick = (xs: readonly string[]): string => xs[((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % xs.length] ?? '';
  let matched = 0;
  for (let n = 0; n < 3000; n++) {
    let line = '';
    const len = 2 + (n % 20);
    for (let i = 0; i < len; i++) line += pick(words) + pick(seps);
    const want = globalPass(line);
    matched += want.length;
    assert.deepEqual(anchored(line), want, line);
  }
  assert.ok(matched > 100, `the random lines must hold matches (${matched})`);
});

test('lower-case lists: offsets are shifted by the line start', () => {
  const [m] = [...listMatchesIn('ab, cd and ef', 100)];
  assert.equal(m?.index, 100);
});

test('an ordinary word after a name cue is no name: "call me back", "name: none"', () => {
  const found = (text: string): string[] => detectPhi(text).filter((f) => f.type === 'NAME').map((f) => text.slice(f.start, f.end));
  assert.deepEqual(found('will you call me back?'), []);
  assert.deepEqual(found('please call me later'), []);
  assert.deepEqual(found('name: none'), []);
  assert.deepEqual(found('everyone calls me lena'), ['lena']);
});
