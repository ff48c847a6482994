/**
 * Runs every rule module over one string and resolves overlaps. Modules push into one array via
 * a sink; overlap resolution is a single sort plus a linear sweep.
 */
import { findContact } from './contact.js';
import { findDates } from './dates.js';
import { findIdentifiers } from './identifiers.js';
import { findLocations } from './locations.js';
import { findNamesKorean } from './names-ko.js';
import { findNamesLatin } from './names.js';
import type { PhiOptions, PhiSpan, PhiType, Sink } from './types.js';

const HANGUL = /[\uac00-\ud7a3]/;
const UPPER = /\p{Lu}/u;

export function scanPhi(text: string, options: PhiOptions = {}): PhiSpan[] {
  const all: PhiSpan[] = [];
  const sink: Sink = (start, end, type, score, rule) => {
    if (end > start) all.push({ start, end, type, score, rule });
  };
  // Prefilter: each family only runs when its trigger characters occur at all.
  const hasDigit = /\d/.test(text);
  if (hasDigit || text.includes('@') || text.includes('.')) findContact(text, sink);
  if (hasDigit) findIdentifiers(text, sink);
  findDates(text, sink);
  findLocations(text, sink);
  if (UPPER.test(text)) findNamesLatin(text, sink);
  if (HANGUL.test(text)) findNamesKorean(text, sink);
  return resolve(all, options);
}

/** Higher score wins an overlap; among equals the longer span. Types outside `options.types` are dropped first. */
function resolve(spans: PhiSpan[], options: PhiOptions): PhiSpan[] {
  const minScore = options.minScore ?? 0.5;
  const wanted: ReadonlySet<PhiType> | undefined = options.types ? new Set(options.types) : undefined;
  const candidates = spans.filter((s) => s.score >= minScore && (!wanted || wanted.has(s.type)));
  candidates.sort((a, b) => b.score - a.score || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept: PhiSpan[] = [];
  // Spans are few per document; an interval check against kept spans stays cheap, but sort the
  // kept list by start and binary-search it so large inputs stay O(n log n).
  const starts: number[] = [];
  for (const s of candidates) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] ?? 0) < s.end) lo = mid + 1;
      else hi = mid;
    }
    // kept[lo-1] is the last kept span starting before s.end; spans are disjoint so only it can overlap.
    const prev = kept[lo - 1];
    if (prev && prev.end > s.start) continue;
    kept.splice(lo, 0, s);
    starts.splice(lo, 0, s.start);
  }
  return kept;
}
