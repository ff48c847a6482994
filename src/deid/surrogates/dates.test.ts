import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shiftDate } from './dates.js';

test('compact dates (HL7 TS, ISO basic) shift in their own format, the time of day kept', () => {
  assert.equal(shiftDate('19480315', 10), '19480325');
  assert.equal(shiftDate('19481225', 10), '19490104');
  assert.equal(shiftDate('202602281230', 1), '202603011230');
  assert.equal(shiftDate('20240228153000', 1), '20240229153000');
  // Not a calendar date: no shifted form (the caller then uses a tag).
  assert.equal(shiftDate('19480231', 1), undefined);
});

test('a month and a year move as the middle of that month would', () => {
  assert.equal(shiftDate('2026년 10월', 30), '2026년 11월');
  assert.equal(shiftDate('March 2023', -20), 'February 2023');
  assert.equal(shiftDate('Dec 2024', 20), 'Jan 2025');
  assert.equal(shiftDate('diciembre de 2024', 20), 'enero de 2025');
});

test('a two-digit month is not padded where the original was not', () => {
  assert.equal(shiftDate('2026년 10월', 120), '2027년 2월');
  assert.equal(shiftDate('2026년 09월', 30), '2026년 10월');
});
