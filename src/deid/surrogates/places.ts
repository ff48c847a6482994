import type { KeyedStream } from '../keyed.js';
import { nameLists } from './lists.js';
import { choose, styled, type Pick } from './names.js';
import { STATE as US_STATE } from '../../detect/phi/locations-anchored.js';

/**
 * A realistic location surrogate of the same shape: house numbers, postcodes and unit numbers get
 * other digits, the words that make a place a place (Street, Avenue, Calle, Hospital, General, the
 * US state code, 로/길/구/동 ...) stay, and each name word gets a surname-like word, so
 * "12 Elm St, Springfield, IL 62704" reads as an address and "Cleveland Clinic" as a clinic.
 * Each word and each number is chosen from its own keyed hash, so a town keeps its surrogate
 * whether it stands alone or ends an address. `attempt` > 0 asks for another candidate.
 */
export function placeSurrogate(original: string, pick: Pick, attempt: number): string | undefined {
  const spanish = /[áéíóúñÁÉÍÓÚÑºª]/.test(original) || SPANISH_CUE.test(original);
  const lists = nameLists();
  const pool = spanish ? lists.esLast : lists.enLast;
  const cased = original !== original.toLowerCase();
  let bumped = false;
  const out = original.replace(TOKEN, (tok: string, offset: number) => {
    const lower = tok.toLowerCase();
    if (/^\d/.test(tok)) return digits(tok, pick('place-digits', tok), bumped ? 0 : attempt);
    if (/^[\uAC00-\uD7A3]/.test(tok)) {
      const word = koreanPlace(tok, pick, bumped ? 0 : attempt);
      bumped ||= word !== tok;
      return word;
    }
    // Unit letters and ordinals glued to a number (12B, 2nd), structural words and state codes stay,
    // and so do lower-case words in a cased place (en, upon, rosas in "Av. Rios rosas").
    if (/\d$/.test(original.slice(0, offset)) || KEEP.has(lower) || STATE.test(tok) || (cased && tok === lower)) return tok;
    if (tok.length === 1) return styled(String.fromCharCode(65 + pick('place-initial', lower).next(26)), tok);
    const word = choose(pool, pick('place-word', lower), bumped ? 0 : attempt, lower);
    bumped = true;
    return styled(word, tok);
  });
  return out === original ? undefined : out;
}

/** Latin words (with apostrophes and inner hyphens), Hangul words, digit runs. */
const TOKEN = /[A-Za-zÀ-ÖØ-öø-ÿ'’]+(?:-[A-Za-zÀ-ÖØ-öø-ÿ'’]+)*|[\uAC00-\uD7A3]+|\d+/g;
const SPANISH_CUE = /\b(?:calle|avenida|avda|paseo|camino|carretera|universitario|cl[ií]nica|centro de salud)\b|\bC\/ /i;
const STATE = new RegExp(`^${US_STATE}$`);

/** Words that say what kind of place it is, not which one. */
const KEEP = new Set((
  'c street st avenue ave av road rd boulevard blvd lane ln drive dr court ct way place pl terrace ter circle cir parkway pkwy '
  + 'highway hwy square sq trail trl plaza alley aly crescent cres close row walk north south east west n s e w ne nw se sw '
  + 'apt apartment suite ste unit floor fl room rm box po p o bldg building department dept ward wing '
  + 'hospital hosp clinic clinics medical med center centre ctr health healthcare care system general memorial regional '
  + 'university community county city children\'s children’s women\'s women’s veterans saint mount mt infirmary hospice '
  + 'institute rehabilitation nursing home practice office group family urgent emergency cancer heart surgical surgery '
  + 'of the and at in on de del la las los el y da do dos das di du le des van von der '
  + 'calle avenida avda paseo camino carretera ronda travesía traversa piso puerta planta bajo portal escalera '
  + 'universitario universitaria clínica clinica centro salud sanitario comarcal provincial general materno infantil '
  + 'rue chemin allée straße strasse str weg platz via viale piazza corso'
).split(' '));

/** Hangul place suffixes, longest first: the part that stays (강남구 → 솔빛구, 테헤란로 → 한빛로). */
const KO_SUFFIX = ['번길', '대로', '아파트', '오피스텔', '빌딩', '병원', '의원', '센터', '보건소',
  '시', '도', '구', '군', '동', '읍', '면', '리', '로', '길', '호', '층', '가'];
const KO_STEMS = ['한빛', '새솔', '가람', '누리', '하늘', '솔빛', '푸른', '은하', '별빛', '다온', '해솔', '미르', '라온', '초록', '바다',
  '늘봄', '꽃뫼', '달빛', '마루', '아라', '온누리', '새봄', '햇살', '구름', '모란', '참샘', '벚꽃', '은행', '느티', '소나무'];

/** Provinces and metropolitan cities: like a US state, no Safe Harbor location; they stay. */
const KO_PROVINCE = /^(?:서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주)$|(?:특별시|광역시|특별자치시|특별자치도)$|^(?:경기|강원|충청[남북]|전라[남북]|경상[남북])도$/;

function koreanPlace(word: string, pick: Pick, attempt: number): string {
  if (KO_PROVINCE.test(word)) return word;
  const suffix = KO_SUFFIX.find((s) => word.endsWith(s) && word.length > s.length);
  // A suffix alone (시, 동) or a unit word stays; so does a bare 호/층 count word.
  if (suffix === undefined && KO_SUFFIX.includes(word)) return word;
  const stem = suffix === undefined ? word : word.slice(0, -suffix.length);
  return choose(KO_STEMS, pick('place-ko', stem), attempt, stem) + (suffix ?? '');
}

/** Same number of digits; a leading non-zero digit stays non-zero so the number keeps its size. */
function digits(run: string, stream: KeyedStream, attempt: number): string {
  let out = '';
  for (let i = 0; i < run.length; i += 1) {
    const lead = i === 0 && run.length > 1 && run[0] !== '0';
    out += String(lead ? 1 + ((stream.next(9) + attempt) % 9) : stream.next(10));
  }
  // Never the same number: bump the last digit (keeps a non-zero lead).
  return out === run ? out.slice(0, -1) + String((Number(out.slice(-1)) + 1) % 10) : out;
}

