/**
 * Runs every rule module over one string and resolves overlaps. Modules push into one array via
 * a sink; overlap resolution is a single sort plus a linear sweep.
 */
import { findContact } from './contact.js';
import { findDates, findRelativeDates } from './dates.js';
import { findIdentifiers } from './identifiers.js';
import { findLocations } from './locations.js';
import { findAddressesIntl } from './addresses-intl.js';
import { findNamesKorean } from './names-ko.js';
import { findNamesLatin } from './names.js';
import { findNamesLower } from './names-lower.js';
import { findNamesLatinModel } from './latin-model/index.js';
import { findNamesCoordinated } from './names-coordinated.js';
import { findVocatives } from './names-vocative.js';
import { hangulLines } from './lines.js';
import { findHl7 } from './hl7.js';
import { findJsonKeys } from './json-keys.js';
import { findDicomDump } from './dicom.js';
import { findTables } from './tables.js';
import { findCapsNames } from './names-caps.js';
import type { PhiOptions, PhiSpan, PhiType, Sink } from './types.js';

const DIRECT: ReadonlySet<PhiType> = new Set(['NAME', 'MRN', 'SSN', 'ID', 'HEALTH_PLAN_ID', 'KR_RRN', 'KR_FRN', 'EMAIL', 'PHONE']);

const UPPER = /[A-Z\u00c0-\u00de]/;

export function scanPhi(text: string, options: PhiOptions = {}): PhiSpan[] {
  const all: PhiSpan[] = [];
  const minScore = options.minScore ?? 0.5;
  const wanted: ReadonlySet<PhiType> | undefined = options.types ? new Set(options.types) : undefined;
  let direct = false;
  // Spans below the threshold or of unwanted types are dropped here, not kept for a later filter
  // pass: on 1 MB of clinical text that is tens of thousands of objects fewer to allocate and sort.
  const sink: Sink = (start, end, type, score, rule) => {
    if (end <= start) return;
    if (!direct && score >= 0.7 && DIRECT.has(type)) direct = true;
    if (score >= minScore && (!wanted || wanted.has(type))) all.push({ start, end, type, score, rule });
  };
  // Prefilter: each family only runs when its trigger characters occur at all.
  const hasDigit = /\d/.test(text);
  // The Hangul lines, shared by every rule module that runs Korean patterns (lines.ts).
  const ko = hangulLines(text);
  const hasHangul = ko.at.length > 0;
  if (hasDigit || text.includes('@') || text.includes('.')) findContact(text, sink);
  if (hasDigit) findIdentifiers(text, sink, ko);
  findDates(text, sink, hasHangul ? ko : undefined);
  findLocations(text, sink, hasHangul ? ko : undefined);
  if (hasDigit) findAddressesIntl(text, sink);
  if (text.includes('|') || text.includes('MSH')) findHl7(text, sink);
  if (text.includes('":') || text.includes('" :')) findJsonKeys(text, sink);
  if (hasDigit && text.includes('(0')) findDicomDump(text, sink);
  if (text.includes('\n') && (text.includes(',') || text.includes('\t') || text.includes('|'))) findTables(text, sink);
  const hasUpper = UPPER.test(text);
  if (hasUpper) {
    findNamesLatin(text, sink);
    if (text.includes(':')) findCapsNames(text, sink);
  }
  findNamesLower(text, sink);
  if (hasHangul) findNamesKorean(text, sink, ko);
  if (!wanted || wanted.has('NAME')) {
    findNamesLatinModel(text, all, sink);
    if (hasUpper) {
      findVocatives(text, sink);
      findNamesCoordinated(text, all, sink);
    }
  }
  if (direct) findRelativeDates(text, sink);
  return resolve(text, all);
}

/** Higher score wins an overlap; among equals the longer span (the sink has already filtered). */
export function resolve(text: string, candidates: PhiSpan[]): PhiSpan[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PhiSpan[] = [];
  // Sweep clusters of transitively overlapping spans; only inside a cluster (a handful of spans)
  // does priority decide, so the whole pass stays O(n log n).
  let i = 0;
  while (i < candidates.length) {
    const first = candidates[i];
    if (!first) break;
    let end = first.end;
    let j = i + 1;
    while (j < candidates.length && (candidates[j]?.start ?? Infinity) < end) {
      end = Math.max(end, candidates[j]?.end ?? end);
      j++;
    }
    if (j === i + 1) kept.push(first);
    else kept.push(...pick(text, candidates.slice(i, j)));
    i = j;
  }
  return kept;
}

function pick(text: string, cluster: PhiSpan[]): PhiSpan[] {
  cluster.sort((a, b) => b.score - a.score || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const chosen: PhiSpan[] = [];
  const dropped: PhiSpan[] = [];
  for (const s of cluster) (chosen.some((c) => c.start < s.end && s.start < c.end) ? dropped : chosen).push(s);
  // What a losing span covers beyond the winners is still reported, as its own type: resolving an
  // overlap must not leave part of an identifier in the clear ("주소: 경기도 성남시 분당구 판교역로
  // 166" lost its street to a name found on its first word).
  // Only across types (a name on an address's first word): two spans of one type are two readings
  // of one identifier, and the winner's is the better one. Only pieces holding a digit (the house
  // number, the rest of an id), since the leftovers of over-wide text spans are mostly words.
  // A span that holds only winners of its own type is a wider reading of the same value ("Address:
  // 4521 N OAK AVE, BOISE, ID 83702" around "ID 83702", "Baylor Med. Center" around "Baylor"), not
  // a rival one: it replaces them, at the best of their scores, when it adds words or joins
  // several pieces into one (an address is one value, not four).
  for (const s of dropped) {
    const over = chosen.filter((c) => c.start < s.end && s.start < c.end);
    if (over.some((c) => c.type !== s.type)) chosen.push(...uncovered(text, s, chosen));
    else if (over.length > 0 && over.every((c) => c.start >= s.start && c.end <= s.end) && (over.length >= 2 || addsWords(text, s, over))) {
      const score = Math.max(s.score, ...over.map((c) => c.score));
      for (const c of over) chosen.splice(chosen.indexOf(c), 1);
      chosen.push({ ...s, score });
    }
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** The stretches of `s` outside `inner` (spans inside or across it), in order, as [start, end). */
function* gaps(s: PhiSpan, inner: readonly PhiSpan[]): Generator<readonly [number, number]> {
  const sorted = inner.filter((c) => c.start < s.end && s.start < c.end).sort((a, b) => a.start - b.start);
  let at = s.start;
  for (const c of [...sorted, { start: s.end, end: s.end }]) {
    yield [at, Math.max(at, Math.min(c.start, s.end))];
    at = Math.max(at, c.end);
  }
}

/** Whether `s` holds a letter or digit outside the spans of `inner` (a trailing "." adds nothing). */
function addsWords(text: string, s: PhiSpan, inner: readonly PhiSpan[]): boolean {
  for (const [a, b] of gaps(s, inner)) if (/[\p{L}\d]/u.test(text.slice(a, b))) return true;
  return false;
}

const EDGE = /[\s.,;:()\-/]/;

/** The stretches of `s` that no span of `taken` covers and that hold a digit, trimmed of spaces and punctuation. */
function uncovered(text: string, s: PhiSpan, taken: readonly PhiSpan[]): PhiSpan[] {
  const out: PhiSpan[] = [];
  for (let [a, b] of gaps(s, taken)) {
    while (a < b && EDGE.test(text[a] ?? '')) a++;
    while (b > a && EDGE.test(text[b - 1] ?? '')) b--;
    if (b - a >= 2 && /\d/.test(text.slice(a, b))) out.push({ start: a, end: b, type: s.type, score: s.score, rule: s.rule });
  }
  return out;
}
