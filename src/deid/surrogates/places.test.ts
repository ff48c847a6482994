import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyedStream } from '../keyed.js';
import { placeSurrogate } from './places.js';

const KEY = Buffer.from('places-test-key-0123456789abcdef');
const pick = (label: string, value: string): KeyedStream => new KeyedStream(KEY, label, value);
const surrogate = (place: string, attempt = 0): string | undefined => placeSurrogate(place, pick, attempt);

test('an address keeps its shape: numbers of the same length, street type, unit word and state code', () => {
  const s = surrogate('4521 N Oak Avenue Apt 3B, Boston, MA 02118') ?? '';
  assert.match(s, /^\d{4} N [A-Z][a-z'’-]+ Avenue Apt \dB, [A-Z][a-z'’-]+, MA \d{5}$/);
  assert.ok(!s.includes('Oak') && !s.includes('Boston') && !s.includes('02118') && !s.startsWith('4521 '));
});

test('a town keeps its surrogate alone and at the end of an address; facilities keep their kind', () => {
  const town = surrogate('Springfield') ?? '';
  assert.ok(town !== 'Springfield' && /^[A-Z]/.test(town));
  assert.ok((surrogate('12 Elm St, Springfield') ?? '').endsWith(`, ${town}`));
  assert.match(surrogate('Cleveland Clinic') ?? '', /^[A-Z][a-z'’-]+ Clinic$/);
  assert.match(surrogate('Hospital Universitario La Paz') ?? '', /^Hospital Universitario La [A-ZÁÉÍÓÚÑ]/);
  assert.equal(surrogate('chicago'), (surrogate('Chicago') ?? '').toLowerCase());
});

test('Korean addresses: province kept, district and road renamed with their suffixes, numbers replaced', () => {
  const s = surrogate('서울특별시 강남구 테헤란로 123, 120동 1402호') ?? '';
  assert.match(s, /^서울특별시 [가-힣]+구 [가-힣]+로 \d{3}, \d{3}동 \d{4}호$/);
  assert.ok(!s.includes('강남') && !s.includes('테헤란'));
});

test('another attempt gives another candidate; a place with nothing to rename has none', () => {
  assert.notEqual(surrogate('Springfield', 1), surrogate('Springfield', 0));
  assert.equal(surrogate('General Hospital'), undefined);
});
