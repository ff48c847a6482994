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

test('two readings of one type: the better one only, no leftovers; pieces without a digit are dropped', () => {
  const t = 'Servicio de Medicina Interna Hospital Universitario La Paz';
  const out = resolve(t, [span(t, 'Medicina Interna Hospital Universitario La Paz', 'LOCATION', 0.7), span(t, 'Hospital Universitario La Paz', 'LOCATION', 0.8)]);
  assert.deepEqual(shown(t, out), ['LOCATION:Hospital Universitario La Paz']);
  const u = 'Dra. Laura Melloni, Hospital';
  assert.deepEqual(shown(u, resolve(u, [span(u, 'Dra. Laura Melloni, Hospital', 'LOCATION', 0.6), span(u, 'Laura Melloni', 'NAME', 0.9)])), ['NAME:Laura Melloni']);
});
