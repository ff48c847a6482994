/**
 * Korean personal names: a common surname + one or two given-name syllables, standing alone or
 * followed by a particle or honorific. A role cue (환자, 보호자, 교수, 님, 씨, "성명:") makes it
 * confident; without one, both given syllables must be typical and the word must not be a known
 * clinical or everyday word that merely starts with a surname syllable (정상, 조영제, 신장 ...).
 */
import { lexicon } from './lexicon.js';
import type { Sink } from './types.js';

const HANGUL_RUN = /[\uac00-\ud7a3]{2,14}/g;

const PARTICLES = new Set(['', '이', '가', '은', '는', '을', '를', '의', '에게', '께', '께서', '와', '과', '도', '만', '이가', '이는', '이를', '이의', '이와', '이도', '이란', '이라는', '이다', '이었다', '이며', '이고', '에', '한테', '랑', '이랑', '님', '씨', '군', '양', '님께', '님은', '님이', '님의', '님을', '씨는', '씨가', '씨의', '씨와', '님과', '님께서', '이에게', '으로', '로', '에서', '이가요', '환자', '환아', '교수', '선생님', '원장', '간호사', '의사', '보호자', '님이며', '측', '라고', '이라고', '라는', '에게서', '한테서', '처럼', '보다', '까지', '부터', '마저', '조차', '하고', '이나', '나', '이든', '든', '이야', '야', '이여', '이지만', '지만', '였다', '이었다', '이죠', '죠', '이네', '네', '이다', '다', '이랑', '에겐', '이에요', '예요', '이었고', '였고', '이며', '며', '이고', '고', '이와의', '와의', '과의', '의원', '대표', '감독', '선수', '회장', '사장', '장관', '대통령', '총리', '후보', '기자', '배우', '작가', '씨를', '씨에게']);
const SUFFIX_CUE = /^(?:님|씨|군|양|환자|환아|교수|선생|원장|간호사|의사|전공의|보호자|과장|부장|팀장|실장|할머니|할아버지|어르신)/;
const BEFORE_CUE = /(?:환자|환아|보호자|성명|이름|교수|의사|주치의|담당의|담당|간호사|전공의|수련의|원장|작성자|작성|의뢰의|판독의|집도의|마취의|(?<![가-힣])(?:딸|아들|남편|아내|배우자|부인|모|부|형)|어머니|아버지|엄마|아빠|누나|언니|오빠|동생|손자|손녀|할머니|할아버지|며느리|사위|S\)|Dr\.?|[:：])\s{0,2}\(?$/;

// Words that start with a surname syllable but are not names (clinical and everyday vocabulary).
const KO_NOT_NAMES = new Set(`피해자 가해자 공무원 배신자 사형수 원시인 소나무 도무지 이중주 조형미 노동일 하나하 전화나 임해서 여서 명이서 반대 인분 이영화 지하철 변호인 연예인 진지한 지나서 주연인 조수석 이하인 감수성 국정화 구경하 부인인 어린 우리 형식상 현지인 현미경 표현하 최정상 최우선 천재성 채택하 차지한 차지하 차별화 지명자 지나지 주재하 조합원 조정하 조연인 정치적 전용기 전산망 인턴십 유아용 유명인 위해 위한 우주인 우승자 오라버 연하인 여신 여기서 신기술 소지한 소지자 선교사 사건 사이 문화재 목소리 목사 모니터 명연기 마진율 권태기 국정 국유화 공정성 고속도 감정선 감상하 감독관 정상 배우자 보호자 간호사 교수님 선생님 원장님 주치의 전공의 이상 조영제 신장 안정 오심 서맥 전신 장기 강직 한방 문진 유방 이번 이후 이전 이미 이제 이런 이렇 이와 이어 이용 이유 이름 이번에 정도 정말 정부 정책 정보 정확 정리 정신 정맥 정기 조금 조기 조절 조직 조사 조치 김치 박수 최근 최고 최대 최소 최종 최선 강화 강조 강도 장애 장소 장면 장관 전체 전문 전혀 전반 전에 전원 전과 전후 한번 한편 한국 한다 한테 한두 오늘 오른 오후 오전 오래 오히려 서울 서로 서비스 신경 신체 신규 신청 권리 권고 황달 안전 안과 안내 송년 유지 유발 유사 유형 고혈압 고열 고지혈증 고령 고통 문제 문의 문서 양성 양쪽 양측 손상 손목 배뇨 배변 배액 백혈구 허리 남성 남자 남편 심장 심근 심전도 심한 심하 노인 노출 하루 하지 하부 하기 하고 하는 하여 하며 하다 하였 곽란 성인 성별 성장 차이 차례 주의 주사 주기 주요 주간 주로 주변 주치의 우측 우선 구토 구강 민감 류마티스 나이 나중 진단 진료 진행 진통 진찰 지난 지속 지금 지역 지원 지방 지시 엄마 채혈 원인 원래 원장 천식 방문 방법 방사선 공복 현재 현병력 함께 변비 변화 염증 여러 여성 여자 추가 추적 도움 도착 소견 소변 소아 석회 선생 설사 설명 마취 마비 길이 연락 연령 위험 위치 위장 표시 명확 기간 기침 기능 기록 기준 반응 반복 라면 왕복 금식 금기 옥시 육류 인정 인슐린 맹장 제거 제한 모두 모든 탁월 국내 어제 어떤 은행 편안 용량 용법 예정 예방 경우 경과 경향 봉합 사용 사항 부작용 부위 부분 가능 가족 가슴 가장 복용 복부 복통 태아 목적 형태 피부 피로 두통 감염 감소 감기`.split(/\s+/));

const CORE_GIVEN = new Set('민서준지현영수은진희성호우정경미숙자순혜연윤재동훈철석태상용원혁승하유예채아나주선옥남기광종병명창규찬빈건범섭식길춘란애화덕근택인환욱열웅균휘솔람결별봄율온슬린담효련령시해중일형무신정완규');
const PARTICLE_SYLLABLE = new Set('이가은는을를의도과와만에로');
// Verb stems (추진하고, 인용해): a final 하/해 without a cue is a verb, not a given name.
const VERB_SYLLABLE = new Set('하해');

export function findNamesKorean(text: string, sink: Sink): void {
  const lex = lexicon();
  for (const m of text.matchAll(HANGUL_RUN)) {
    const run = m[0];
    const at = m.index;
    const compound = run.length >= 3 && lex.koSurnames.has(run.slice(0, 2));
    const sLen = compound ? 2 : 1;
    if (!compound && !lex.koSurnames.has(run[0] ?? '')) continue;
    const before = text.slice(Math.max(0, at - 8), at);
    const cueBefore = BEFORE_CUE.test(before);
    for (const gLen of [2, 1]) {
      const nameLen = sLen + gLen;
      if (run.length < nameLen) continue;
      const name = run.slice(0, nameLen);
      const rest = run.slice(nameLen);
      const given = name.slice(sLen);
      const restIsParticle = PARTICLES.has(rest);
      const cueAfter = SUFFIX_CUE.test(rest) || (rest === '' && SUFFIX_CUE.test(text.slice(at + run.length).replace(/^\s{1,2}/, '')));
      if (!restIsParticle && !SUFFIX_CUE.test(rest)) continue;
      if (KO_NOT_NAMES.has(name) || KO_NOT_NAMES.has(name.slice(0, 2))) {
        if (!(cueBefore && cueAfter)) continue;
      }
      const typical = [...given].every((ch) => lex.koGivenSyllables.has(ch)) || lex.koGiven.has(given);
      // "정황을", "사람이": the last syllable is a particle on an ordinary word, not part of a name.
      if (rest === '' && gLen === 2 && PARTICLE_SYLLABLE.has(given[1] ?? '') && !cueAfter) continue;
      let score = 0;
      if ((cueBefore || cueAfter) && typical) score = 0.9;
      // Without a cue: a known given name, or two core given-name syllables where the last one is not
      // itself a particle (사람+이, 여운+을 are words with a particle, not names).
      else if (gLen === 2 && (lex.koGiven.has(given) || ([...given].every((ch) => CORE_GIVEN.has(ch)) && !(rest === '' && PARTICLE_SYLLABLE.has(given[1] ?? '')) && !VERB_SYLLABLE.has(given[1] ?? '')))) score = 0.6;
      if (score === 0) continue;
      sink(at, at + nameLen, 'NAME', score, cueBefore || cueAfter ? 'name.ko.cue' : 'name.ko.list');
      break;
    }
  }
}
