/**
 * Latin-script person names the rules leave out (names from many languages with no cue and no list
 * entry, lower-case names, speaker labels, names in lists), found by a hashed logistic-regression
 * model over candidate words (./features.ts). It only adds: a word inside a span the rules found is
 * left to the rules, and the rules' findings are features of its neighbours ("Monjeau, Graves").
 */
import { EPONYM_BEFORE } from '../names.js';
import { EPONYM_FOLLOWERS } from '../stopwords.js';
import type { PhiSpan, Sink } from '../types.js';
import { candidates, type LatinWord } from './candidates.js';
import { featuresOf, type CoverOf } from './features.js';
import type { LowerWords } from '../lower.js';
import { latinNameModel, type LatinNameModel } from './model.js';
import { logitOf } from '../name-model.js';

/** Below every rule's score (0.55+), so a rule span wins any overlap; at the default minScore. */
const MODEL_SCORE = 0.5;

/** Rule coverage of each character: 0 none, 1 NAME, 2 LOCATION, 3 other. */
export function coverFrom(length: number, found: readonly PhiSpan[]): Uint8Array {
  const cover = new Uint8Array(length + 1);
  // Native fills rather than a per-character loop (the spans cover much of a clinical text): the
  // other types last to first, so the first span over a character gives its type, then NAME over all.
  for (let k = found.length - 1; k >= 0; k--) {
    const s = found[k] as PhiSpan;
    if (s.type !== 'NAME' && s.start < length) cover.fill(s.type === 'LOCATION' ? 2 : 3, s.start, Math.min(s.end, length));
  }
  for (const s of found) if (s.type === 'NAME' && s.start < length) cover.fill(1, s.start, Math.min(s.end, length));
  return cover;
}

export function scoreWord(model: LatinNameModel, text: string, w: LatinWord, cover: CoverOf, buf: number[], words?: LowerWords): number {
  featuresOf(text, w, model.bits, cover, buf, true, undefined, words);
  return logitOf(model, buf);
}

// Capitalised words after a candidate, then what follows an eponym (Freeman Sheldon syndrome, Brody myopathy).
const CAPITALISED_AFTER = /^(?:['’]s)?(?:[ -][A-Z][A-Za-z\u00c0-\u017f'’-]{1,25}){0,3}/;
const NEXT_WORD = /^(?:['’]s)?[ -][a-z\u00df-\u017f'’-]{1,25}/;
const MORE_FOLLOWERS = /^(?:['’]s)? ?(?:like|myopathy|dystrophy|anomaly|malformation|sequence|deficiency|neuropathy|dysplasia|nevus|naevus|myelopathy|atrophy|hernia|fistula|diverticulum|node|valve|tube|canal|duct|gland|ligament|spots?|lesions?|nodules?|encephalitis|encephalopathy|macroglobulin[a]?emia|nephropathy|amaurosis|muscular|ultrasound)\b/i;

/** As in the rules, a capitalised run before sign/syndrome/test/... is an eponym (Murphy's sign), whatever the score. */
function follows(text: string, at: number): boolean {
  const after = text.slice(at, at + 30);
  return EPONYM_FOLLOWERS.test(after) || MORE_FOLLOWERS.test(after);
}

/** An ASCII capital in [from, to): a loop rather than a regex over a new slice. */
function capitalIn(text: string, from: number, to: number): boolean {
  const stop = Math.min(to, text.length);
  for (let i = from; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

export function eponym(text: string, end: number): boolean {
  // Title case puts the follower itself in capitals (Miller Fisher Syndrome): test it before
  // skipping the capitalised words after the candidate.
  if (follows(text, end)) return true;
  if (capitalIn(text, end, end + 40)) return follows(text, end + (CAPITALISED_AFTER.exec(text.slice(end, end + 100))?.[0].length ?? 0));
  // In a lower-case line any of the next two words may end the eponym (miller fisher syndrome).
  let at = end;
  for (let k = 0; k < 3; k++) {
    if (follows(text, at)) return true;
    const w = NEXT_WORD.exec(text.slice(at, at + 30));
    if (!w) return false;
    at += w[0].length;
  }
  return false;
}

/** The Spanish noun-first eponym, as in the rules: "lesión de Mallory Weiss", "síndrome de la Tourette". */
export function eponymBefore(text: string, start: number): boolean {
  // Only after "de " or "la ": the window regex is not run for every candidate.
  const p = text.slice(Math.max(0, start - 3), start);
  return (p === 'de ' || p === 'la ') && EPONYM_BEFORE.test(text.slice(Math.max(0, start - 40), start));
}

// A brand-name drug before its dose, route, schedule or "as prescribed" ("Continue Diovan as
// prescribed", "Lupron 22.5 mg IM"): the model took a quarter of 151 brands so in one template.
const MEDICATION_AFTER = /^,? (?:\d+(?:\.\d+)? ?(?:mg|mcg|µg|g|mL|ml|units?|IU|%)\b|as (?:prescribed|directed|needed|tolerated|before)\b|(?:PO|IV|IM|SC|SQ|SL|PR|BID|TID|QID|PRN|QHS|qhs|qd|daily|nightly|twice daily|once daily)\b)/;
export const medication = (text: string, end: number): boolean => MEDICATION_AFTER.test(text.slice(end, end + 24));

// "May I ...", "Will you ...": a modal opening a question, not a given name (May, Will are both).
const MODALS = new Set(['may', 'will', 'can', 'shall', 'must', 'might']);
const PRONOUN_AFTER = /^ (?:I|we|you|he|she|they|it)\b/;
// The space the pronoun needs and the modals' first letters (m, w, c, s) are checked first: they
// reject most short words without a substring.
const MODAL_FIRST = new Set([109, 119, 99, 115]);
const modal = (text: string, w: LatinWord): boolean =>
  w.end - w.start <= 5 && text.charCodeAt(w.end) === 32 && MODAL_FIRST.has(text.charCodeAt(w.start) | 32) && MODALS.has(text.slice(w.start, w.end).toLowerCase()) && PRONOUN_AFTER.test(text.slice(w.end, w.end + 6));

// Between two name words: spaces, or an initial ("Karin M. Beike", "leidy t muris").
const JOIN_GAP = /^(?: {1,2}| [A-Za-z]\.? )$/;

export function findNamesLatinModel(text: string, found: readonly PhiSpan[], sink: Sink, model: LatinNameModel | null = latinNameModel()): void {
  if (model === null) return;
  const cover = coverFrom(text.length, found);
  const words = candidates(text, undefined, cover);
  if (words.length === 0) return;
  const coverOf: CoverOf = (pos) => cover[pos] ?? 0;
  const buf: number[] = [];
  const lower: LowerWords = new Map();
  let open: LatinWord | undefined;
  for (const w of words) {
    if (cover[w.end - 1] !== 0) continue;
    // Scored first: most candidates fall below the threshold, and the eponym and modal checks
    // (several regexes over slices) need only run for the few that pass.
    if (scoreWord(model, text, w, coverOf, buf, lower) < model.logitThreshold) continue;
    if (eponym(text, w.end) || eponymBefore(text, w.start) || modal(text, w) || medication(text, w.end)) continue;
    if (open && JOIN_GAP.test(text.slice(open.end, w.start))) { open = { ...open, end: w.end }; continue; }
    if (open) sink(open.start, open.end, 'NAME', MODEL_SCORE, 'name.latin.model');
    open = w;
  }
  if (open) sink(open.start, open.end, 'NAME', MODEL_SCORE, 'name.latin.model');
}
