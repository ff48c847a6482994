/**
 * Person names in Latin script (English, Spanish). A name is a run of capitalised tokens scored
 * from list membership and context: a title ("Dr.", "Sra.") or a role/label cue ("patient",
 * "Nombre:", "seen by", "daughter") makes any run a name; without a cue we need a known given
 * name followed by a surname or an initial. Eponyms, drugs and clinical words never count.
 */
import { grouped } from './alternation.js';
import { isOrdinary, lexicon } from './lexicon.js';
import { ARTICLE_BEFORE, CREATOR_AFTER, EX_MEMBER, PERSON_ADJ_AFTER, SPEAKER_QUOTE, foreignShaped, joinCoordinated, type ScoredRun } from './names-shape.js';
import { clinicalTitle, commaGiven, runs, tokens, type Token } from './names-runs.js';
import { AMBIGUOUS, EPONYM_FOLLOWERS } from './stopwords.js';
import type { Sink } from './types.js';
import { firstMatch, nextMatch } from './exec.js';


const TITLE = /(?:\b(?:Dr|Dra|Drs|Mr|Mrs|Ms|Mx|Miss|Prof|Sr|Sra|Srta|Dña|Dª|Don|Doña|Sir|Madam|Rev)\.?,?|\bDr\.?ª?,?|(?<!\d ?)\b(?:dr|mr|mrs|ms|mx)\.) {1,3}$/;
// Built grouped by first letter (alternation.ts): the same matches, a third less work per try.
const ROLE = grouped(/(?:\b(?:patient|pt|(?<!del )paciente|named (?:him|her)|named|name(?: is)?|nombre|apellidos|seen by|referred by|signed by|signed|dictated by|attending|son|daughter|wife|husband|mother|father|brother|sister|spouse|partner|caregiver|guardian|grandson|granddaughter|grandmother|grandfather|grandchild|mom|dad|cousin|uncle|aunt|niece|nephew|step(?:son|daughter|mother|father|brother|sister)|(?:mother|father|sister|brother|son|daughter)-in-law|fianc[eé]e?|boyfriend|girlfriend|neighbou?r|roommate|flatmate|housemate|landlord|landlady|boss|co-?worker|classmate|teammate|sibling|primo|prima|t[ií]o|t[ií]a|sobrin[oa]|niet[oa]|abuel[oa]|suegr[oa]|cuñad[oa]|vecin[oa]|novi[oa]|amig[oa]|médico|medico|doctor|doctora|nurse|enfermer[oa]|hijo|hija|esposa|esposo|madre|padre|hermano|hermana|i'm|i am|call me|calls me|me llamo|contact|responsable cl[ií]nico|remitido por|atendido por|firmado|cc|attn|says|said|told|asked|directed by|written by|starring|producer|director|named (?:him|her)|shouted at|dear|hi|hello|thanks|regards|sincerely|last name|first name|surname|beneficiary|tribute to|married|friend|colleague|user|my kid|kid|assistant to|called|songwriter|calls me|gender of|founders|speak to|speak with|heard|not by|ms|mr|mrs)\b|(?<![A-Za-z])[Pp]t\.|환자|환아|보호자|성명|이름|주치의|담당의|교수)\s{0,2}[:,?]?\s{0,6}[`"“*]{0,2}$/i);
// "his wife (Linda)", "son (Mark, 34)", "daughter Sue": a relative named; a listed given name only.
const KIN_BEFORE = /\b(?:wife|husband|son|daughter|mother|father|brother|sister|partner|spouse|mom|dad|grandson|granddaughter|grandmother|grandfather|niece|nephew|aunt|uncle|cousin|caregiver|guardian|fianc[eé]e?),?\s{1,2}\(?\s?$/i;
const DEMOGRAPHIC = /\b(?:male|female|man|woman|boy|girl|child|infant|toddler|teen|adolescent|gentleman|lady|old|yo|y\/o|patient|pt|varón|mujer|niño|niña)\s{0,2},\s{1,2}$/i;
const AFTER_CUE = /^(?:,? (?:MD|M\.D\.|RN|DO|D\.O\.|PhD|NP|PA|PA-C|FNP|DNP|DDS)\b|,? (?:a|an) \d{1,3}[- ]?(?:year|yo|y\/o)|\s{0,2}N[º°o] ?Col\b|\s{0,2}\((?:patient|pt|paciente)\))/;
const SPEAKER = /^: /;
// A role word as a label or heading: what follows may be a turn or a topic ("Patient: Yeah"), where
// "name is" or "daughter" announce a name ("her maiden name is Key").
// Also "Guest_family:", a chief complaint under "CC:" and a review-of-systems "MS:" (musculoskeletal).
const ROLE_LABEL = /(?:\b|_)(?:patient|pt|paciente|doctor|nurse|clinician|caregiver|family|user|cc|ms|mr|mrs)\s{0,2}:?\s{0,6}$/i;
// Spanish puts the eponym after its noun: "lesión de Mallory Weiss", "maniobra de Valsalva".
export const EPONYM_BEFORE = /\b(?:s[ií]ndrome|enfermedad|lesi[oó]n|signo|maniobra|prueba|escala|clasificaci[oó]n|criterios|test|tumor|f[oó]rmula) de (?:la )?$/i;
// A lone unknown capitalised word needs a verb only people do ("Pain is very severe" is not a name).
const AFTER_VERB_ONE = /^(?:, can I (?:please )?speak| (?:lives (?:at|on|in)|lived (?:at|on|in)|shouted at|had given|spent a year|began writing|just has to|married))\b/;
const AFTER_VERB = /^(?:, can I (?:please )?speak|,? (?:lives|lived|shouted|had given|said|says|spent|listed|will be|would like|wrote|told|asked|flew|went|is very|was born|works|worked|married|moved|began writing|is from|is a very|is very|just has|has been under|had given))\b/;
// A name line that opens an address block: the next lines hold a street number or a PO box.
const ADDRESS_BELOW = /^[ \t]*\n(?:[^\n]{0,60}\n){0,3}[ \t>?]{0,5}(?:\d{1,6}[ ,]|P\.? ?O\.? Box|PSC )/;
const LINE_END = /^[ \t]*(?:\n|$)/;
const BLOCK_START = /(?:^|\n)[ \t>?]{0,5}$/;
const POSSESSIVE = /^['’]s? /;
const LINE_START = /(?:^|\n)[ \t>]{0,4}$/;
const SENTENCE_END = /(?:^|[.!?\n]\s{0,3}|^\s{0,3})$/;

/** Marks where a cue ends, in one pass per cue pattern, so each run tests one array cell (linear). */
function cueEnds(text: string, patterns: readonly RegExp[]): Uint8Array {
  const marks = new Uint8Array(text.length + 1);
  for (const re of patterns) for (let m = firstMatch(re, text); m; m = nextMatch(re, text, m)) marks[m.index + m[0].length] = 1;
  return marks;
}

const g = (re: RegExp): RegExp => new RegExp(re.source.replace(/\$$/, ''), `${re.flags}g`);
const TITLE_G = g(TITLE);
const CUE_G = [g(ROLE), g(DEMOGRAPHIC), EX_MEMBER];

const notInitial = (t: Token): boolean => !t.initial;

function anyListed(run: readonly Token[], first: ReadonlySet<string>, last: ReadonlySet<string>): boolean {
  for (const t of run) if (first.has(t.lower) || last.has(t.lower) || t.lower.includes('-')) return true;
  return false;
}

function isKnown(t: Token, first: ReadonlySet<string>, last: ReadonlySet<string>): boolean {
  if (AMBIGUOUS.has(t.lower)) return false;
  if (first.has(t.lower) || last.has(t.lower)) return true;
  return t.lower.includes('-') && t.lower.split('-').every((w) => first.has(w) || last.has(w));
}

function everyKnownWide(words: readonly Token[], lex: ReturnType<typeof lexicon>): boolean {
  for (const t of words) if (!isKnown(t, lex.firstWide, lex.lastWide)) return false;
  return true;
}

/** Every word an ordinary one ("Gene Review", "Oral Inhalation"): without a cue, a term, not a name. */
function ordinaryRun(words: readonly Token[], lex: ReturnType<typeof lexicon>): boolean {
  for (const t of words) if (!isOrdinary(t.lower, lex)) return false;
  return true;
}

function isSecondNamey(t: Token | undefined, first: ReadonlySet<string>, last: ReadonlySet<string>): boolean {
  return t !== undefined && (t.initial || last.has(t.lower) || first.has(t.lower));
}

/** Evidence from shape and person-only context (names-shape.ts), for runs that no list or cue names. */
function shapeEvidence(text: string, run: readonly Token[], before: string, after: string, lex: ReturnType<typeof lexicon>): boolean {
  const first = run[0];
  if (!first) return false;
  if (run.length <= 3 && ARTICLE_BEFORE.test(before) && CREATOR_AFTER.test(after)) return true;
  if (run.length === 1 && !first.initial && !AMBIGUOUS.has(first.lower) && !lex.places.has(first.lower)) {
    if (PERSON_ADJ_AFTER.test(after)) return true;
    if (SPEAKER_QUOTE.test(after) && LINE_START.test(before)) return true;
  }
  return run.length <= 4 && foreignShaped(run, text, lex);
}

export function findNamesLatin(text: string, sink: Sink): void {
  const lex = lexicon();
  const titleAt = cueEnds(text, [TITLE_G]);
  const cueAt = cueEnds(text, CUE_G);
  const found = new Set<string>();
  // Token starts inside a name already reported: a repeat there would only split that name.
  const inName = new Set<number>();
  const toks = tokens(text);
  const scored: ScoredRun[] = runs(text, toks).map((toks) => ({ toks, named: false }));
  for (let k = 0; k < scored.length; k++) {
    const entry = scored[k];
    const run = entry?.toks ?? [];
    const first = run[0];
    const last = run[run.length - 1];
    if (!entry || !first || !last) continue;
    const title = titleAt[first.start] === 1;
    const cued = title || cueAt[first.start] === 1 || clinicalTitle(text, run, lex);
    // Most capitalised runs are sentence openers and terms: with no cue and no listed word, only a
    // trailing cue (", MD", "NºCol") can still make them a name, so skip the rest cheaply.
    if (!cued && !anyListed(run, lex.firstWide, lex.lastWide)) {
      const next = text.charCodeAt(last.end);
      if (next !== 44 && next !== 32 && next !== 40 && next !== 10 && next !== 39 && next !== 8217 && next !== 58 && !(run.length >= 2 && foreignShaped(run, text, lex))) continue;
      const tail = text.slice(last.end, last.end + 40);
      const block = run.length >= 2 && run.length <= 4 && BLOCK_START.test(text.slice(Math.max(0, first.start - 6), first.start)) && ADDRESS_BELOW.test(text.slice(last.end, last.end + 200));
      const lead = text.slice(Math.max(0, first.start - 6), first.start);
      const verb = run.length >= 2 ? AFTER_VERB.test(tail) : AFTER_VERB_ONE.test(tail);
      const possessive = run.length >= 2 && POSSESSIVE.test(tail) && !SENTENCE_END.test(lead);
      if (!block && !AFTER_CUE.test(tail) && !verb && !possessive && !shapeEvidence(text, run, lead, tail, lex)) continue;
    }
    const before = text.slice(Math.max(0, first.start - 6), first.start);
    const after = text.slice(last.end, last.end + 40);
    if (EPONYM_FOLLOWERS.test(after) || EPONYM_BEFORE.test(text.slice(Math.max(0, first.start - 16), first.start))) continue;
    const words = run.filter(notInitial);
    if (words.length === 0) {
      if (title) sink(first.start, last.end, 'NAME', 0.85, 'name.title');
      continue;
    }
    const cue = cued || AFTER_CUE.test(after);
    let score = 0;
    if (title) score = 0.95;
    else if (cue && (run.length >= 2 || isKnown(first, lex.first, lex.last) || !lex.places.has(first.lower))) {
      // A speaker label opens a transcript's turn as often as a header's name ("Patient: Yeah",
      // "- Patient Education"): one ordinary word after a role cue is no name unless a given name.
      const turn = run.length === 1 && ROLE_LABEL.test(text.slice(Math.max(0, first.start - 14), first.start)) && isOrdinary(first.lower, lex) && !lex.first.has(first.lower);
      score = turn || words.every((t) => AMBIGUOUS.has(t.lower)) ? 0 : 0.85;
    } else if (ordinaryRun(words, lex)) score = 0;
    else if (run.length >= 2 && isKnown(first, lex.first, lex.last) && lex.first.has(first.lower.split('-')[0] ?? '') && !(SENTENCE_END.test(before) && !isSecondNamey(run[1], lex.first, lex.last))) {
      score = isSecondNamey(run[1], lex.firstWide, lex.lastWide) ? 0.8 : 0.65;
    } else if (run.length >= 2 && isKnown(first, lex.firstWide, lex.lastWide) && lex.firstWide.has(first.lower) && isSecondNamey(run[1], lex.firstWide, lex.lastWide) && !SENTENCE_END.test(before)) {
      // Wider lists need both words listed: given name then surname (or initial).
      score = 0.75;
    } else if (words.length >= 2 && run.length <= 4 && BLOCK_START.test(before) && ADDRESS_BELOW.test(text.slice(last.end, last.end + 200))) score = 0.75;
    // A line holding only a name with a listed given name (a signature, a letter head).
    else if (words.length >= 2 && run.length <= 3 && BLOCK_START.test(before) && LINE_END.test(after) && lex.first.has(first.lower) && !AMBIGUOUS.has(first.lower)) score = 0.7;
    else if (words.length >= 2 && POSSESSIVE.test(after) && !SENTENCE_END.test(before)) score = 0.7;
    else if (run.length >= 2 && words.length >= 2 && everyKnownWide(words, lex)) score = 0.7;
    else if ((run.length >= 2 || isKnown(first, lex.first, lex.last)) && AFTER_VERB.test(after)) score = 0.7;
    else if (run.length === 1 && !first.initial && !AMBIGUOUS.has(first.lower) && !lex.places.has(first.lower) && AFTER_VERB_ONE.test(after)) score = 0.65;
    else if (run.length === 1 && lex.first.has(first.lower) && !AMBIGUOUS.has(first.lower) && !lex.places.has(first.lower)) {
      // A lone given name: a speaker label ("John: ...") or a name in a list of names ("Anna and Andrew").
      if (SPEAKER.test(after) && LINE_START.test(before)) score = 0.8;
      else if (AFTER_VERB.test(after)) score = 0.7;
      else if (/^(?:,| and| or| y) [A-Z]/.test(after) || /[A-Za-z], $|\b(?:and|or|y) $/.test(before)) score = 0.6;
      // Addressed at the end of a sentence: "Call me at 010-1234-5678, John."
      else if (/[\w)], $/.test(before) && /^[.!?](?:\s|$)/.test(after)) score = 0.6;
    }
    if (score <= 0 && shapeEvidence(text, run, before, after, lex)) score = 0.65;
    // Right after a relative ("daughter Sue", "son (Mark, 34)") a capitalised given name is a name,
    // even one that is also a word (Sue, Mark, Will, Grace), which the role cue alone leaves.
    if (score <= 0 && run.length === 1 && lex.first.has(first.lower) && KIN_BEFORE.test(text.slice(Math.max(0, first.start - 16), first.start))) score = 0.8;
    if (score <= 0) continue;
    entry.named = true;
    // A trailing initial "Frank G." keeps its dot; a sentence-final surname does not get one.
    sink(first.start, last.end, 'NAME', score, title ? 'name.title' : cue ? 'name.cue' : 'name.list');
    // "Pt Kowalczyk, Zbigniew": a cued surname, a comma, then a listed given name.
    const given = cued && run.length === 1 ? commaGiven(text, last.end, scored[k + 1]?.toks, lex) : undefined;
    if (given) {
      sink(first.start, given.end, 'NAME', score, 'name.comma_given');
      inName.add(given.start);
      found.add(given.lower);
    }
    for (const t of run) inName.add(t.start);
    for (const t of words) if (t.lower.length >= 3 && !AMBIGUOUS.has(t.lower)) found.add(t.lower);
  }
  joinCoordinated(text, scored, lex, (start, end, type, score, rule) => {
    sink(start, end, type, score, rule);
    for (const t of toks) {
      if (t.start < start || t.end > end) continue;
      inName.add(t.start);
      if (!t.initial && t.lower.length >= 3 && !AMBIGUOUS.has(t.lower)) found.add(t.lower);
    }
  });
  if (found.size === 0) return;
  // Later mentions of a name already found ("... Marcil's tales. ... early Marcil") are the same person.
  for (const t of toks) {
    if (found.has(t.lower) && !inName.has(t.start)) sink(t.start, t.end, 'NAME', 0.7, 'name.repeat');
  }
}
