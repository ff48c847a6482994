/**
 * Places in lines typed wholly in lower case, as chat questions to a model often are ("seen at st.
 * mary's hospital", "a patient from chicago"), where the capitalised-run rules see nothing. Only in
 * such lines: in cased text a lower-case "in mobile apps" is a phrase, not a town.
 *  - a listed town after a preposition (the longest of up to three words); a one-word town only
 *    when it is no ordinary word and not one of the towns named like words (mobile, reading);
 *  - a facility: one to four words before hospital / medical center / clinic ... after a
 *    preposition, unless every word is generic ("the local hospital", "our clinic").
 * Countries and US states are not Safe Harbor locations and are left alone.
 */
import { lexicon } from './lexicon.js';
import { firstMatch, nextMatch } from './exec.js';
import { EPONYM_FOLLOWERS, NEVER_NAME } from './stopwords.js';
import type { Sink } from './types.js';
import { cuedTowns, isCountryOrState } from './locations-residence.js';
import { lowerLines } from './lines.js';

const W = "[a-zß-öø-ÿ][a-zß-öø-ÿ'’.-]{0,24}";
// Not "district of columbia" or "republic of georgia": of there names a state or a country.
const CUE = '(?:in|from|at|to|near|visiting|visited|attended|(?<!district |republic |state )of)';
const TOWN = new RegExp(`\\b${CUE} (?:the )?(${W}(?: ${W}){0,2})`, 'g');
// A visit verb before the facility ("seen at coastal health clinic") lets ordinary words name it.
const VISIT = '(?:seen|treated|admitted|presented|evaluated|followed|assessed|operated on|hospitali[sz]ed|referred|transferred|discharged) (?:at|to|from|in)|f/u at|visited|attended';
// After a visit verb: a saint's hospital without its type word (admitted to st. vincent's) and the
// one-word names of large US centres, which in lower case are words only elsewhere.
const KNOWN_ONE = 'ucsf|ucla|ucsd|uw med|stanford(?: health(?: care)?)?|baylor(?: med\\.? center)?|emory|vanderbilt|northwestern|mgh|upmc|ohsu|musc|utsw|nyu|geisinger|intermountain|ochsner|montefiore|bellevue|cedars?[- ]sinai|ny presbyterian|kaiser';
const VISIT_KNOWN = new RegExp(`\\b(?:${VISIT}) (?:the )?(st\\.? [a-z]{2,20}['’]s(?: (?:hosp|hospital|health|medical center|clinic))?|(?:${KNOWN_ONE}))(?![a-z])`, 'g');
const FACILITY = new RegExp(`\\b(${VISIT}|${CUE}) (?:the )?((?:${W} ){1,4})(hospital|medical center|medical centre|med center|med ctr|health center|health system|clinic|infirmary|hospice|medical group|cancer center)(?![a-z])`, 'g');
/** A specialty or kind of service (neurooncology, subspecialty, geriatrics): no facility's name. */
const SPECIALTY = /(?:logy|iatry|iatrics|specialty|surgery|medicine|care)$/;
/** Listed towns that are ordinary words in lower case. */
const WORDLIKE = new Set('mobile reading bath orange split normal commerce surprise paradise independence liberty unity hope plains eden enterprise opportunity florence'.split(' '));
/** Words of facility names that name no particular one by themselves (saint, general, memorial). */
const FACILITY_WORD = new Set("st. st saint mt. mt mount general memorial regional university medical community county district city children's children’s women's women’s veterans".split(' '));
/** Determiners, pronouns and function words: a run holding one is a phrase, not a name. */
const FUNCTION = new Set('the a an our my your his her their its this that these those same another other any some be been being to of and or in on at for with by from as is was are were will would can could may might must has have had do does did not no'.split(' '));
/** Words that name no particular facility. */
const GENERIC = new Set(("the a an our my your his her their this that same another other local nearby community county general regional university children's children’s women's women’s veterans' main new private public state city rural urban teaching veterans emergency walk-in urgent care primary outpatient inpatient specialty cancer heart eye dental mental health medical family pediatric free big small large nearest closest good best any some "
  + 'hematology oncology cardiology neurology dermatology pediatrics orthopedic orthopaedic psychiatric psychiatry surgical surgery diabetes dialysis fertility sleep pain wound allergy rheumatology gastroenterology endocrinology nephrology pulmonary urology gynecology maternity rehab rehabilitation therapy vision hearing travel vaccine flu memory stroke spine sports weight lipid anticoagulation infusion transplant breast imaging radiology lab').split(' '));

const VISIT_ONLY = new RegExp(`^(?:${VISIT})$`);

export function findLowerPlaces(text: string, sink: Sink): void {
  // Only lines with no capital at all: in cased text "in mobile apps" is a phrase, not a town, and
  // cased text (most of it) then costs one character pass instead of these patterns.
  const lines = lowerLines(text);
  for (let k = 0; k < lines.length; k += 2) {
    const a = lines[k] ?? 0;
    placesIn(text.slice(a, lines[k + 1]), (s, e, type, score, rule) => sink(a + s, a + e, type, score, rule));
  }
}

function placesIn(text: string, sink: Sink): void {
  const { places, common } = lexicon();
  cuedTowns(text, TOWN, (t, n) => places.has(t) && !isCountryOrState(t) && !(n === 1 && (common.has(t) || WORDLIKE.has(t))), (start, town) => {
    // huntington disease, gilbert syndrome: a town's name in an eponym.
    if (EPONYM_FOLLOWERS.test(text.slice(start + town.length, start + town.length + 30))) return false;
    sink(start, start + town.length, 'LOCATION', 0.6, 'loc.lower_town');
    return true;
  });
  for (let m = firstMatch(VISIT_KNOWN, text); m; m = nextMatch(VISIT_KNOWN, text, m)) {
    const name = m[1] ?? '';
    const start = m.index + m[0].length - name.length;
    sink(start, start + name.length, 'LOCATION', 0.75, 'loc.lower_facility');
  }
  for (let m = firstMatch(FACILITY, text); m; m = nextMatch(FACILITY, text, m)) {
    const words = m[2] ?? '';
    if (!namesOne(words.trimEnd().split(' '), common, VISIT_ONLY.test(m[1] ?? ''))) continue;
    const name = words + (m[3] ?? '');
    const start = m.index + m[0].length - name.length;
    sink(start, start + name.length, 'LOCATION', 0.7, 'loc.lower_facility');
  }
}

/**
 * A facility name's words before its type word. After a visit verb any words but determiners,
 * function words and generic ones will do ("seen at coastal health clinic"); after a bare
 * preposition each must be no ordinary word (elmhurst, ucla, mary's) or a usual part of such names
 * (st., general, memorial), with at least one of the first kind, so "to be admitted to the
 * hospital", "a top-ranked hospital" or "our sle clinic" name none.
 */
function namesOne(words: readonly string[], common: ReadonlySet<string>, visit: boolean): boolean {
  let specific = false;
  for (const raw of words) {
    const w = raw.replace(/['’]s$/, '');
    if (FUNCTION.has(raw) || SPECIALTY.test(w) || w.length < 2) return false;
    if (FACILITY_WORD.has(raw)) continue;
    if (GENERIC.has(raw)) return false;
    if (!visit && (common.has(w) || NEVER_NAME.has(w) || w.length < 3 || (w.includes('-') && w.split('-').every((p) => common.has(p))))) return false;
    specific = true;
  }
  return specific;
}
