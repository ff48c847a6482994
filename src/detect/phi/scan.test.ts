import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from './scan.js';
import type { PhiSpan } from './types.js';

const span = (text: string, value: string, type: PhiSpan['type'], score: number): PhiSpan => {
  const start = text.indexOf(value);
  return { start, end: start + value.length, type, score, rule: 'test' };
};
const shown = (text: string, spans: PhiSpan[]): string[] => spans.map((s) => `${s.type}:${text.slice(s.start, s.end)}`);

test('an overlap keeps the higher score, and the loser of another type keeps its uncovered pieces with digits', () => {
  const t = 'lives at Kim Road 12, Seoul 04524 now';
  const out = resolve(t, [span(t, 'Kim Road 12, Seoul 04524', 'LOCATION', 0.7), span(t, 'Kim', 'NAME', 0.9)]);
  assert.deepEqual(shown(t, out), ['NAME:Kim', 'LOCATION:Road 12, Seoul 04524']);
});

test('two readings of one type that only overlap: the better one, no leftovers; pieces without a digit are dropped', () => {
  const t = 'Servicio Hospital Universitario La Paz Madrid';
  const out = resolve(t, [span(t, 'Servicio Hospital Universitario', 'LOCATION', 0.7), span(t, 'Hospital Universitario La Paz', 'LOCATION', 0.8)]);
  assert.deepEqual(shown(t, out), ['LOCATION:Hospital Universitario La Paz']);
  const u = 'Dra. Laura Melloni, Hospital';
  assert.deepEqual(shown(u, resolve(u, [span(u, 'Dra. Laura Melloni, Hospital', 'LOCATION', 0.6), span(u, 'Laura Melloni', 'NAME', 0.9)])), ['NAME:Laura Melloni']);
});

test('a wider reading of one type that holds the winners replaces them, at their best score', () => {
  // A labelled address around its state and ZIP: before, the street went out in the clear.
  const t = 'Address: 4521 N OAK AVE, BOISE, ID 83702';
  const out = resolve(t, [span(t, '4521 N OAK AVE, BOISE, ID 83702', 'LOCATION', 0.8), span(t, 'ID 83702', 'LOCATION', 0.85)]);
  assert.deepEqual(shown(t, out), ['LOCATION:4521 N OAK AVE, BOISE, ID 83702']);
  assert.equal(out[0]?.score, 0.85);
  const f = 'seen at Baylor Med. Center on Feb 2';
  assert.deepEqual(shown(f, resolve(f, [span(f, 'Baylor Med. Center', 'LOCATION', 0.75), span(f, 'Baylor', 'LOCATION', 0.85)])), ['LOCATION:Baylor Med. Center']);
  // Pieces that together make the wider span are joined into it: one address, not four values.
  const a = 'Address: 1600 Pennsylvania Ave NW, Washington, DC 20500';
  const pieces = [span(a, '1600 Pennsylvania Ave', 'LOCATION', 0.85), span(a, 'Washington', 'LOCATION', 0.6), span(a, 'DC 20500', 'LOCATION', 0.85)];
  assert.deepEqual(shown(a, resolve(a, [span(a, '1600 Pennsylvania Ave NW, Washington, DC 20500', 'LOCATION', 0.8), ...pieces])), ['LOCATION:1600 Pennsylvania Ave NW, Washington, DC 20500']);
  // Only a trailing full stop more is no wider reading: the winner's span stays.
  const g = 'Domicilio: Ronda de Toledo, 21.';
  const kept = resolve(g, [span(g, 'Ronda de Toledo, 21.', 'LOCATION', 0.7), span(g, 'Ronda de Toledo, 21', 'LOCATION', 0.75)]);
  assert.deepEqual(shown(g, kept), ['LOCATION:Ronda de Toledo, 21']);
});
