import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectPhi } from './index.js';

const names = (text: string): string[] => detectPhi(text).filter((f) => f.type === 'NAME').map((f) => text.slice(f.start, f.end));

test('surname + given names with no cue: 하/해 opening a given name, known given names ending in 은', () => {
  assert.deepEqual(names('오늘 박해진 코치가 왔다'), ['박해진']);
  assert.deepEqual(names('최지은 내원 예정'), ['최지은']);
  // 위하여, 위해서: 하/해 followed by a verb ending stays a verb.
  assert.deepEqual(names('환자를 위하여 노력했다'), []);
});

test('a name glued to the word after it, but not 지역/영역', () => {
  assert.deepEqual(names('어제 본 한민수감독님 영화'), ['한민수']);
  assert.deepEqual(names('정수영역 연기가 좋았다'), ['정수영']);
  assert.deepEqual(names('강서지역으로 분류됐다'), []);
});

test('the familiar 이 after a given name, repeats and given-name mentions of a found name', () => {
  assert.deepEqual(names('오늘 민석이는 학교에 갔다'), ['민석']);
  assert.deepEqual(names('보호자 김서준 씨가 왔다. 서준은 아들이다'), ['김서준', '서준']);
});

test('a hidden given name (김모 과장) and a Han spelling with an age', () => {
  assert.deepEqual(names('김모 과장이 말했다'), ['김']);
  assert.deepEqual(names('이수진(李秀珍·45) 씨'), ['이수진', '李秀珍']);
});

test('clinical words that start with a surname syllable stay words', () => {
  assert.deepEqual(names('신경과 정상 소견, 조영제 투여 후 이상 없음. 신장 기능 정상.'), []);
  assert.deepEqual(names('고모와 이모가 보호자로 왔다'), []);
});

test('a performer before acting nouns, but not smoke, postponement or the verbs', () => {
  assert.deepEqual(names('마리옹의 연기는 예술이다'), ['마리옹']);
  assert.deepEqual(names('어제 본 영화, 로버트슨 주연 작품'), ['로버트슨']);
  assert.deepEqual(names('환자의 연기 흡입 소견, 수술 연기 후 재입원'), []);
  assert.deepEqual(names('결국 출연이 불발됐다'), []);
});

test('a Han spelling in brackets with an age or a title after it names the word before it too', () => {
  assert.deepEqual(names('배우 외에 왕샤오밍(王小明·52) 감독도 왔다'), ['왕샤오밍', '王小明']);
  assert.deepEqual(names('정부(政府) 대변인이 말했다'), []);
});
