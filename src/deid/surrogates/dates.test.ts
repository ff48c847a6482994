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
