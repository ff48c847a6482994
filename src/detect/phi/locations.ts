/**
 * Locations below state level: street addresses (US, Spanish, Korean), ZIP/postal codes in an
 * address or after a cue, cities after a locative cue, and facility names (hospitals, clinics).
 */
import { cityStates, generalPlaces, namedStreets, STATE } from './locations-anchored.js';
import { hangulMatches, type HangulLines } from './lines.js';
import type { Sink } from './types.js';
import { firstMatch, nextMatch } from './exec.js';
import { findResidenceTowns } from './locations-residence.js';
import { findCities, namesATerm, programme } from './locations-cities.js';
import { findLowerPlaces } from './locations-lower.js';

// Street names may be ordinals ("2131 W 3rd St").
const US_STREET = /\b\d{1,6}(?: (?:[A-Z][a-zA-Z'.-]{0,20}|\d{1,3}(?:st|nd|rd|th))){1,4} (?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Trl|Plaza)\b\.?(?:,? (?:Apt|Suite|Unit|Ste|#)\.? ?#?\w{1,6})?/g;
const SECONDARY = /\b(?:Apt|Apartment|Suite|Unit|Ste)\.? ?#?\d{1,6}[A-Z]?\b/g;
const STATE_ZIP = new RegExp(String.raw`\b${STATE} \d{5}(?:-\d{4})?\b`, 'g');
// ZIP+4 and the postcode forms of other countries (Poland 12-345, Portugal 1234-567, Latvia LV-1234, Canada, Britain).
const ZIP_CUE = /\b(?:zip(?: ?code)?(?: is)?|postal code|post ?code|CP|C\.P\.|c[oó]digo postal|우편번호)[\s:#.]{1,4}(\d{5}(?:-\d{3,4})?|\d{4}-\d{3}|\d{2}-\d{3}|\d{3} \d{3}|\d{3} \d{2}|[A-Z]{2}-?\d{4}|[A-Z]\d[A-Z] ?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|\d{4,7})\b/gi;
const ES_STREET = /(?<![A-Za-z\u00c0-\u017f])(?:C\/\.? ?|Calle |Av(?:da?)?\. ?|Avenida |Plaza |Pza\. ?|Paseo |Pº ?|Camino |Carretera |Ctra\. ?|Ronda |Traves[ií]a |Urbanizaci[oó]n |Urb\. ?|Barrio |R[uú]a |Carrer |Gran V[ií]a |Pasaje |Glorieta )(?:(?:de |del |la |las |los |el |y |l')|\p{Lu}[\p{Ll}\p{M}'ºª-]{0,20} ?){1,6}(?:, ?)?(?:n[º°]\.? ?)?(?:\d{1,5}[A-Z]?(?:-\d{1,5})?(?:,? \d{1,2}\.? ?[ºªo°] ?[A-Z]?\b)?|s\/n)?/gu;
const NEXT_LABEL = /[.;,]? {1,3}(?:[A-ZÁÉÍÓÚÑ][a-záéíóúñ]{1,20}(?: [a-záéíóúñ]{1,20})?|E-mail|NHC|CP|C\.P\.)[ \t]?:/;
const LABELLED = /(?:\b(?:Domicilio|Direcci[oó]n|Address|Localidad(?: ?\/ ?Provincia)?|Provincia|Municipio|Ciudad|City|Residence)|주소|거주지)[ \t]{0,3}:[ \t]{0,3}([^\n(]{2,80})/gi;
// The unit after the building number, with or without a comma (누리로 47, 120동 1402호); a side
// street may follow the road with a space ("올림픽로 43길 88").
const KO_ADDRESS = /(?:[가-힣]{1,8}(?:특별시|광역시|특별자치시|특별자치도|도) )?(?:[가-힣]{1,8}[시군구] ){1,2}(?:[가-힣]{1,8}[읍면동] )?[가-힣\d]{1,12}(?:로|길)(?: ?\d{1,4}번?길)? ?\d{1,5}(?:-\d{1,5})?(?:,? \d{1,4}층|,? \d{1,4}동 \d{1,5}호)?/g;
// The older lot-number form (지번 주소): a town or village and its lot number, after at least one
// city, county or district unit ("서울시 강남구 역삼동 123-45", "양평군 양서면 목왕리 산 12-3");
// a building's 동 alone ("120동 1402호") has no unit before it. A particle may follow ("825-3에").
const KO_LOT_ADDRESS = /(?:(?:[가-힣]{1,8}(?:특별시|광역시|특별자치시|특별자치도|도)|서울|부산|대구|인천|광주|대전|울산|세종) )?(?:[가-힣]{1,8}[시군구] ){1,2}(?:[가-힣]{1,8}[읍면] )?[가-힣]{1,8}\d{0,2}[동리] (?:산 ?)?\d{1,5}(?:-\d{1,5})?(?:번지)?(?!\d)/g;
const KO_ZIP = /(?:로|길) ?\d{1,5}(?:-\d{1,5})?(?:,? \d{1,4}층|,? \d{1,4}동 \d{1,5}호)? ?\((\d{5})\)/g;
// Found from the suffix backwards: a letter-run-then-suffix pattern would be tried at every syllable.
const KO_FACILITY_SUFFIX = /(?:대학교 ?부속병원|대학교병원|대학병원|요양병원|한방병원|병원|의원|의료원|보건소|한의원|메디컬센터)/g;
const KO_FACILITY_PREFIX = /[가-힣A-Za-z]{2,15}$/;
// A clinic named by its specialty alone (정형외과의원, 재활의학과의원) names no place; one with a
// name before the specialty does (새봄내과의원, 누리정형외과의원). Leftmost match: the longest specialty.
const KO_SPECIALTY = /(?:내과|외과|소아과|산부인과|정신과|피부과|안과|치과|신경과|비뇨기과|비뇨의학과|이비인후과|가정의학과|재활의학과|정신건강의학과|소아청소년과|마취통증의학과|영상의학과|흉부외과|성형외과|정형외과|신경외과)$/;
const KO_SPECIALTY_MODIFIER = /^(?:정형|신경|흉부|성형|일반|소화기|호흡기|순환기|심장|신장|내분비|감염|류마티스|혈액종양|종양|비뇨|이비인후|가정의학|재활의학|정신건강의학|소아청소년|소아|산부인|마취통증의학|영상의학|응급의학|통증의학|동네|개인|해당|전문|인근|근처|지역|가까운|다른|타|큰|작은|일반의)?$/;
const KO_GENERIC = /^(?:대학|종합|상급|요양|동네|개인|해당|전문|타|지역|인근|큰|의뢰|협력|거점|전원|정신|어린이|치과|여성|준종합|일반|본|다른|가까운|근처|상급종합|대형|소형|인근의|주변|외부|해당병원|입원|외래|한방|동일|같은|모든|여러|이|그|저|어느|각|국내|전국|공공|민간|지방|시립|도립|국립|의원급|병원급|한|재활|정형|내과|외과)$/;
const EN_FACILITY = /(?:\b(?:St\.|Saint|Mt\.|Mount) )?(?:\b[A-Z][A-Za-z'’.-]{1,20}(?: (?:and|&|of|the))? ){1,4}(?:Hospital|Medical Center|Medical Centre|Med(?:\.|ical)? Ctr|Med\.? Center|Health Center|Health System|Health Care|Healthcare|Clinic|Infirmary|Hospice|Nursing Home|Rehabilitation Center|Cancer Center|Medical Group|Hosp)\b(?: (?:of|for) [A-Z][a-z]{2,20}(?: [A-Z][a-z]{2,20})?)?/g;
const EN_KNOWN = /\b(?:Johns Hopkins|Cleveland Clinic|Mayo Clinic|UCSF|UCLA|UCSD|UW Med|Cedars?[- ]Sinai|Mount Sinai|Mt\. Sinai|Mass General|MGH|Baylor|Stanford|NYU Langone|MD Anderson|Kaiser Permanente|Sloan[- ]Kettering|Memorial Sloan Kettering|Emory|Vanderbilt|Northwestern|Brigham(?: and|&| &) Women['’]s|Beth Israel|Dana[- ]Farber|Bellevue|Montefiore|Lenox Hill|Geisinger|Intermountain|Ochsner|New ?York[- ]Presbyterian|NY Presbyterian|BronxCare|(?:the )?Bronx|Brooklyn|Manhattan|Staten Island|St\. Jude['’]s|St\.? [A-Z][a-z]{2,12}['’]s|UPMC|Northwell|Sutter Health|Cedars|Parkland|Grady|Harborview|Moffitt|Lurie Children['’]s|CHOP|OHSU|MUSC|UTSW|UT Southwestern|Fred Hutch(?:inson)?|City of Hope|Roswell Park|Fox Chase|Loma Linda|Scripps|Hoag|Barnes-Jewish|Froedtert|Beaumont|Inova|MedStar|Walter Reed|Henry Ford|Yale New Haven|Penn Medicine|Michigan Medicine|Jackson Memorial|Houston Methodist|Texas Children['’]s|Boston Children['’]s|Nationwide Children['’]s|Cincinnati Children['’]s|Seattle Children['’]s|Lahey|Tufts Medical|Atrium Health|Duke (?:Health|University Hospital|Medicine)|Mayo|Hopkins|San Fran|Philly|NYC|the Big Apple|(?:the )?(?:Bay Area|Twin Cities)|county hospital)\b(?: (?:University )?(?:Hospital|Medical Center|Health(?: Care)?|Med Ctr|Clinic))?/g;
// The same names typed in lower case: only those of two or more words, since one-word ones are
// words too in lower case (mayo, grady, scripps).
const EN_KNOWN_LOWER = /\b(?:johns hopkins|cleveland clinic|mayo clinic|mount sinai|mt\. sinai|mass general|massachusetts general|md anderson|kaiser permanente|(?:memorial )?sloan[- ]kettering|cedars[- ]sinai|nyu langone|beth israel|dana[- ]farber|lenox hill|new ?york[- ]presbyterian|fred hutch(?:inson)?|city of hope|roswell park|fox chase|loma linda|barnes[- ]jewish|walter reed|henry ford|yale new haven|jackson memorial|houston methodist|(?:texas|boston|seattle|cincinnati|nationwide) children['’]s|st\.? jude['’]s|ut southwestern|brigham and women['’]s)(?: (?:university )?(?:hospital|medical center|health|clinic))?\b/g;
const ES_FACILITY = /(?<![A-Za-z\u00c0-\u017f])(?:Hospital|Cl[ií]nica|Centro de Salud|Centro M[eé]dico|Complejo Hospitalario|Policl[ií]nica|Sanatorio|Consultorio|Ambulatorio|CAP)(?: (?:Universitario|Universitari|General|Cl[ií]nico|Regional|Comarcal|Provincial|Infantil|Materno-Infantil|de|del|la|las|los|y|[\p{Lu}][\p{Ll}\p{M}'-]{1,20}))+/gu;
const OUR_PLACE = /\b(?:our|the|at|in|to) ((?:[A-Z][A-Za-z'’-]{1,20} ){1,3})(?:clinic|office|facility|branch|hospital|center|practice)\b/g;
// A postal code followed by a town ("28007 Madrid", "(27003) Lugo", "16002-Cuenca").
const POSTAL_TOWN = /(?<![\d.,-])(?:E-)?\(?(\d{5})\)?(?:,? |-)(?=[A-Z\u00c0-\u00de][a-z\u00df-\u017f])/g;
const ADDRESS_CUE = /\b(?:lives at|living at|lives on|resides at|address is|located at|moved to|ship(?:ped)? to|send (?:it|them|a new one) to|mail(?:ed)? to)[ \t]{1,3}([^\n.;!?]{3,80})/gi;
const FOREIGN_STREET = /\b(?:(?:Rue|Rua|Via|Ul\.|ul\.|Viale|Chemin|Piazza|Praça|Strada) (?:(?:de|da|do|des|du|la|le|del|di|Al) )?[A-Z\u00c0-\u017f][A-Za-z\u00c0-\u017f'-]{1,25}(?: [A-Z\u00c0-\u017f][A-Za-z\u00c0-\u017f'-]{1,25}){0,3},? \d{1,5}|[A-Z\u00c0-\u00de][a-z\u00df-\u017f]{1,25}(?:vej|gade|vägen|vegen|veien|straße|strasse|stræde|gatan|katu|tie|weg|laan|straat|utca|allee|platz|gasse|vei|väg|torget|gränd|bakken|stien) \d{1,5}[A-Za-z]?|\d{1,5} [A-Z\u00c0-\u00de][a-z\u00df-\u017f]{1,25}(?: [A-Z\u00c0-\u00de][a-z\u00df-\u017f]{1,25}){0,2} (?:Terrace|Turnpike|Crescent|Close|Gardens|Parade|Mews|Row|Walk))\b/g;
const MILITARY = /\b(?:PSC \d{4}, Box \d{4}|Unit \d{4} Box \d{4}|US(?:NS|NV|CGC|S) [A-Z][a-z]+)\s{0,3}[AF]PO A[AEP] \d{5}\b/g;
const COUNTRY_POSTAL = /\b(?:[A-Z][a-z]{2,20} ){0,2}[A-Z][a-z]{2,20} (\d{4,6})[ \t]*(?=\n|$)/g;
const TOWN = /[A-Z\u00c0-\u00de][a-z\u00df-\u017f]{1,25}(?:(?: | de | del | de la | de los | de las )[A-Z\u00c0-\u00de][a-z\u00df-\u017f]{1,25}){0,3}/y;

const TRAILING = /(?: (?:de|del|la|las|los|y|el|and|of|the|&))+$/;

// A PO box, and a street named by its corner ("the corner of Dalbraut 99 and Frederikke Coves").
const PO_BOX = /\b(?:P\.? ?O\.? ?Box|Postbox|Apartado(?: de Correos)?) \d{1,6}\b/gi;
const CORNER = /\bthe corner of [^\n.?!;]{3,60}? and [^\n.?!;,]{3,40}/gi;
const CONT_STREET = /\b[A-Z\u00c0-\u00de][a-z\u00df-\u017f]{1,25} (?:tér|út|utca|körút|sor|ulica|náměstí|gata|vej|gade) \d{1,5}\b|\b[A-Z\u00c0-\u00de][a-z\u00df-\u017f]{1,25}(?:braut|ntie|stræde|straat|strasse|straße) \d{1,5}\b/g;
// A line under a street in an address block that ends in a postal code ("ASKER nan 1386", "    700",
// "belgium 97466"): letters only before it, so phone and fax lines (digits, colons) never match.
const BLOCK_POSTAL = /^[ \t>?]{0,6}(?:[^\n\d:;!?@+()]{1,40}? )?(\d{3,6}(?: \d{2,3})?)[ \t]*$/;
const NUMBER_BEFORE = /(?<![\d.,-])\d{1,6}[ ,]{1,2}$/;

/** `ko`: the text's Hangul lines, given only when it has Hangul. */
export function findLocations(text: string, outer: Sink, ko?: HangulLines): void {
  const hasDigit = /\d/.test(text);
  // Street spans are remembered so a number written before them ("4844 Søndergade 52", "17151 2450
  // Crown St": building or unit numbers in international formats) can join them.
  const streets: number[] = [];
  const sink: Sink = (start, end, type, score, rule) => {
    if (hasDigit && rule !== 'loc.city' && rule !== 'loc.city.es' && /\d/.test(text.slice(start, end))) streets.push(start, end, score);
    outer(start, end, type, score, rule);
  };
  if (hasDigit) {
    for (let m = firstMatch(PO_BOX, text); m; m = nextMatch(PO_BOX, text, m)) sink(m.index, m.index + m[0].length, 'LOCATION', 0.8, 'loc.po_box');
    for (let m = firstMatch(CONT_STREET, text); m; m = nextMatch(CONT_STREET, text, m)) sink(m.index, m.index + m[0].length, 'LOCATION', 0.7, 'loc.street_intl');
  }
  if (text.includes('corner of')) for (let m = firstMatch(CORNER, text); m; m = nextMatch(CORNER, text, m)) sink(m.index, m.index + m[0].length, 'LOCATION', 0.7, 'loc.corner');
  if (hasDigit) {
    for (let m = firstMatch(US_STREET, text); m; m = nextMatch(US_STREET, text, m)) sink(m.index, m.index + m[0].length, 'LOCATION', 0.85, 'loc.us_street');
    for (let m = firstMatch(SECONDARY, text); m; m = nextMatch(SECONDARY, text, m)) sink(m.index, m.index + m[0].length, 'LOCATION', 0.7, 'loc.secondary');
    for (let m = firstMatch(STATE_ZIP, text); m; m = nextMatch(STATE_ZIP, text, m)) sink(m.index, m.index + m[0].length, 'LOCATION', 0.85, 'loc.state_zip');
    for (let m = firstMatch(ZIP_CUE, text); m; m = nextMatch(ZIP_CUE, text, m)) {
      const v = m[1] ?? '';
      sink(m.index + m[0].length - v.length, m.index + m[0].length, 'LOCATION', 0.8, 'loc.zip');
    }
  }
  for (const m of namedStreets(text)) sink(m.index, m.index + m[0].length, 'LOCATION', 0.7, 'loc.street_name');
  for (const m of cityStates(text)) sink(m.index, m.index + m[0].length, 'LOCATION', 0.8, 'loc.city_state');
  for (let m = firstMatch(ES_STREET, text); m; m = nextMatch(ES_STREET, text, m)) {
    const v = m[0].replace(/[ ,]+$/, '').replace(TRAILING, '');
    if (v.length > 4) sink(m.index, m.index + v.length, 'LOCATION', 0.75, 'loc.es_street');
  }
  for (let m = firstMatch(LABELLED, text); m; m = nextMatch(LABELLED, text, m)) {
    let raw = m[1] ?? '';
    // The label's value ends where a sentence with no number begins (". Ingresa en el Hospital"),
    // not 80 characters on; after an abbreviation the street goes on ("Av. Fuente el saz 15").
    const sentence = /\. [A-ZÁÉÍÓÚÑ][a-záéíóúñ]+ [a-záéíóúñ]/.exec(raw);
    if (sentence && !/\d/.test(raw.slice(sentence.index))) raw = raw.slice(0, sentence.index);
    // Nor does it run into the next label ("28009 Madrid. Teléfono: 91 555 12 34").
    const label = NEXT_LABEL.exec(raw);
    if (label) raw = raw.slice(0, label.index);
    raw = raw.replace(/[\s.,;]+$/, '');
    if (raw.length < 2 || /^\d{1,3}$/.test(raw)) continue;
    sink(m.index + m[0].length - (m[1] ?? '').length, m.index + m[0].length - (m[1] ?? '').length + raw.length, 'LOCATION', 0.8, 'loc.labelled');
  }
  for (let m = firstMatch(EN_FACILITY, text); m; m = nextMatch(EN_FACILITY, text, m)) {
    if (namesATerm(text, m.index + m[0].length)) continue;
    const v = m[0].replace(/^(?:The|At|In|From|To|Seen|Admitted|the) /, '');
    sink(m.index + m[0].length - v.length, m.index + m[0].length, 'LOCATION', 0.75, 'loc.facility');
  }
  for (let m = firstMatch(EN_KNOWN, text); m; m = nextMatch(EN_KNOWN, text, m)) {
    const end = m.index + m[0].length;
    // Part of a compound eponym ("Pitt-Hopkins-like syndrome") or of a classification, score or
    // protocol named after the place ("Stanford type A", "Cleveland Clinic Continence Score").
    if (text.charCodeAt(m.index - 1) === 45 || text.charCodeAt(end) === 45 || namesATerm(text, end)) continue;
    sink(m.index, end, 'LOCATION', 0.85, 'loc.known_facility');
  }
  for (let m = firstMatch(EN_KNOWN_LOWER, text); m; m = nextMatch(EN_KNOWN_LOWER, text, m)) sink(m.index, m.index + m[0].length, 'LOCATION', 0.8, 'loc.known_facility');
  for (let m = firstMatch(ES_FACILITY, text); m; m = nextMatch(ES_FACILITY, text, m)) {
    const v = m[0].replace(TRAILING, '');
    if (v.includes(' ')) sink(m.index, m.index + v.length, 'LOCATION', 0.8, 'loc.es_facility');
  }
  if (ko) {
    for (const m of hangulMatches(ko, KO_ADDRESS)) sink(m.index, m.index + m[0].length, 'LOCATION', 0.85, 'loc.ko_address');
    for (const m of hangulMatches(ko, KO_LOT_ADDRESS)) sink(m.index, m.index + m[0].length, 'LOCATION', 0.85, 'loc.ko_lot_address');
    for (const m of hangulMatches(ko, KO_ZIP)) {
      const end = m.index + m[0].length - 1;
      sink(end - 5, end, 'LOCATION', 0.8, 'loc.ko_zip');
    }
    for (const m of hangulMatches(ko, KO_FACILITY_SUFFIX)) {
      const p = KO_FACILITY_PREFIX.exec(text.slice(Math.max(0, m.index - 15), m.index));
      const prefix = p?.[0];
      if (!prefix) continue;
      const specialty = KO_SPECIALTY.exec(prefix);
      if (KO_GENERIC.test(prefix) || (specialty && KO_SPECIALTY_MODIFIER.test(prefix.slice(0, specialty.index)))) continue;
      sink(m.index - prefix.length, m.index + m[0].length, 'LOCATION', 0.75, 'loc.ko_facility');
    }
  }
  for (let m = firstMatch(OUR_PLACE, text); m; m = nextMatch(OUR_PLACE, text, m)) {
    const start = m.index + m[0].indexOf(m[1] ?? '');
    sink(start, m.index + m[0].length, 'LOCATION', 0.7, 'loc.our_place');
  }
  for (const m of generalPlaces(text)) {
    if (/^(?:The|A|An|In|At|Public|Mental|Global|Behavioral|Occupational|Home|Community|Primary|Attorney|Surgeon|Veterans) /.test(m[0])) continue;
    if (programme(text, m.index, m[0])) continue;
    sink(m.index, m.index + m[0].length, 'LOCATION', 0.6, 'loc.general');
  }
  if (hasDigit) {
    for (let m = firstMatch(POSTAL_TOWN, text); m; m = nextMatch(POSTAL_TOWN, text, m)) {
      const v = m[1] ?? '';
      const start = m.index + m[0].indexOf(v);
      sink(start, start + v.length, 'LOCATION', 0.7, 'loc.postal');
      // The town after a postal code ("31200 Estella", "46520 Puerto de Sagunto").
      TOWN.lastIndex = m.index + m[0].length;
      const town = TOWN.exec(text);
      if (town) sink(town.index, town.index + town[0].length, 'LOCATION', 0.7, 'loc.postal_town');
    }
  }
  for (let m = firstMatch(ADDRESS_CUE, text); m; m = nextMatch(ADDRESS_CUE, text, m)) {
    // The place ends before a time phrase ("moved to Springfield in 2019", "... last year").
    const v = (m[1] ?? '').replace(/,? (?:in|since|until|by|during|from) (?:19|20)\d\d\b.*$| (?:last|this|next) (?:year|month|week|spring|summer|fall|autumn|winter)\b.*$/i, '').replace(/[\s,]+$/, '');
    if (!/^[\dA-Z\u00c0-\u00de\uac00-\ud7a3]/.test(v)) continue;
    const start = m.index + m[0].length - (m[1] ?? '').length;
    sink(start, start + v.length, 'LOCATION', 0.7, 'loc.address_cue');
  }
  for (let m = firstMatch(FOREIGN_STREET, text); m; m = nextMatch(FOREIGN_STREET, text, m)) sink(m.index, m.index + m[0].length, 'LOCATION', 0.7, 'loc.street_intl');
  if (hasDigit) {
    for (let m = firstMatch(MILITARY, text); m; m = nextMatch(MILITARY, text, m)) sink(m.index, m.index + m[0].length, 'LOCATION', 0.85, 'loc.military');
    for (let m = firstMatch(COUNTRY_POSTAL, text); m; m = nextMatch(COUNTRY_POSTAL, text, m)) {
      const end = m.index + m[0].trimEnd().length;
      sink(end - (m[1] ?? '').length, end, 'LOCATION', 0.6, 'loc.postal_eol');
    }
  }
  findCities(text, sink);
  findResidenceTowns(text, sink);
  findLowerPlaces(text, sink);
  for (let i = 0; i < streets.length; i += 3) blockPostcode(text, streets[i + 1] ?? 0, outer);
  for (let i = 0; i < streets.length; i += 3) {
    const start = streets[i] ?? 0;
    const lead = NUMBER_BEFORE.exec(text.slice(Math.max(0, start - 8), start));
    if (lead) outer(start - lead[0].length, streets[i + 1] ?? start, 'LOCATION', streets[i + 2] ?? 0.7, 'loc.street_number');
  }
}

/** The postal code on one of the (up to four, blank ones skipped) lines under a street. */
function blockPostcode(text: string, streetEnd: number, sink: Sink): void {
  // The street's own line ends soon in an address block; a search to the text's end from every
  // street of a long line with no break was quadratic.
  let pos = text.slice(streetEnd, streetEnd + 120).indexOf('\n');
  if (pos >= 0) pos += streetEnd;
  for (let k = 0; k < 4 && pos >= 0; k++) {
    const next = text.indexOf('\n', pos + 1);
    const line = text.slice(pos + 1, next < 0 ? text.length : next);
    if (line.length > 60) return;
    const m = BLOCK_POSTAL.exec(line);
    if (m?.[1]) {
      const start = pos + 1 + m[0].lastIndexOf(m[1]);
      sink(start, start + m[1].length, 'LOCATION', 0.65, 'loc.block_postal');
      return;
    }
    pos = next;
  }
}
