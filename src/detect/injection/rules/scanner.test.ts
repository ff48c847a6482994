import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTriggerScanner } from './scanner.js';

const hitsOf = (triggers: string[], text: string): Array<[number, string]> => {
  const out: Array<[number, string]> = [];
  createTriggerScanner(triggers).scan(text, (at, t) => out.push([at, t]));
  return out;
};

test('reports the longest trigger at each position, case-insensitively', () => {
  assert.deepEqual(hitsOf(['ignor', 'ignore all'], 'Please IGNORE ALL of it'), [[7, 'ignore all']]);
});

test('word-initial triggers only fire at a word start', () => {
  assert.deepEqual(hitsOf(['ai'], 'maintain the AI'), [[13, 'ai']]);
});

test('non-word triggers fire anywhere, including inside CJK text and overlapping runs', () => {
  assert.deepEqual(hitsOf(['무시'], '지시를무시하고'), [[3, '무시']]);
  assert.deepEqual(hitsOf(['<|'], 'a<|<|'), [[1, '<|'], [3, '<|']]);
  assert.deepEqual(hitsOf(['+'], 'a+b'), [[1, '+']]);
});

test('a trigger at the very end of the text is found', () => {
  assert.deepEqual(hitsOf(['dan'], 'you are dan'), [[8, 'dan']]);
});
