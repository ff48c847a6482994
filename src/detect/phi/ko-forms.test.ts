import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectPhi } from './index.js';

const found = (text: string): string[] => detectPhi(text).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);

test('Korean dotted dates with spaces, and a month/day after a Korean visit word', () => {
  assert.deepEqual(found('2023. 3. 14. 내원함.'), ['DATE:2023. 3. 14']);
  assert.deepEqual(found('다음 예약 3/28.'), ['DATE:3/28']);
  // Not a date: a version number, a score with no visit word before it.
  assert.deepEqual(found('버전 1. 2. 3, 점수 3/28 미만'), []);
});

test('a Korean road address with a side street written apart ("올림픽로 43길 88")', () => {
  assert.deepEqual(found('서울특별시 송파구 올림픽로 43길 88, 본관 5층'), ['LOCATION:서울특별시 송파구 올림픽로 43길 88']);
});

test('a holiday with its year is a date; without one, or inside another word, it is not', () => {
  assert.deepEqual(found('She had a fall on Thanksgiving Day 2025.'), ['DATE:Thanksgiving Day 2025']);
  assert.deepEqual(found('2023년 추석에 넘어짐'), ['DATE:2023년 추석']);
  assert.deepEqual(found('Christmas tree allergy; 2023년 설명회 참석'), []);
});

test('a transliterated drug before its dose is no Korean name; a progress entry opens with its day', () => {
  assert.deepEqual(found('퇴원 약: 푸로세미드 40mg 1일 2회, 아픽사반 2.5mg 1일 2회.'), []);
  assert.deepEqual(found('11/25 신장내과 협진\n1/2 정 복용'), ['DATE:11/25']);
});

test('a form label is no name, and a partly masked resident number still shows a birth date', () => {
  assert.deepEqual(found('환자 성명: 정하윤'), ['NAME:정하윤']);
  assert.deepEqual(found('주민등록번호: 920315-2******'), ['KR_RRN:920315-2******']);
  assert.deepEqual(found('3*4 = 12, 2x2 matrix'), []);
});
