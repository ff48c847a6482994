import { MODES, type Detector, type Finding, type Severity, type Span, type TextView } from '../../core/types.js';
import * as chars from '../../core/text/chars.js';
import { findDisguisedWords } from '../../core/text/confusables.js';

// tsx (tests, benchmarks) compiles each imported function to a getter call; these loops run per
// character, so they call module-local bindings taken once here.
const { F_ALPHA, F_DIGIT, F_SPACE, F_WORD, charFlags, isBidiOverride, isFlagTagSequence, isTagChar, isZeroWidth } = chars;

/**
 * Evidence that text was disguised: hidden (tag, zero-width) or reordering (bidi) characters,
 * look-alike letters inside Latin words, and payloads that only read as language once decoded.
 * None of it is an attack by itself; the injection assessor weighs it with the rules and the
 * classifier, which read the clean/folded forms and the decoded layers.
 */
export const OBFUSCATION_DETECTOR_ID = 'injection.obfuscation';

/** Most findings of one kind per layer; later occurrences widen the last finding instead. */
const MAX_PER_KIND = 16;

export function createObfuscationDetector(): Detector {
  return Object.freeze({
    id: OBFUSCATION_DETECTOR_ID,
    family: 'injection' as const,
    modes: MODES,
    decodedLayers: true,
    detect(view: TextView): Finding[] {
      const findings: Finding[] = [];
      const raw = view.raw;
      let ascii = true;
      for (let i = 0; i < raw.length && ascii; i++) ascii = raw.charCodeAt(i) < 0x80;
      if (!ascii) scanCharacters(view, findings);
      if (view.depth > 0 && revealsText(view) && isNaturalLanguage(raw)) {
        findings.push(finding(view, view.origin, 'encoded_payload', 0.3, 'low',
          `text decoded from ${view.via.join(' > ')} reads as natural language; the decoded text is inspected too`));
      }
      return findings;
    },
  });
}

function finding(view: TextView, span: Span, kind: string, score: number, severity: Severity, explanation: string): Finding {
  return {
    family: 'injection',
    kind: `injection.${kind}`,
    detector: OBFUSCATION_DETECTOR_ID,
    start: span.start,
    end: span.end,
    score,
    severity,
    explanation,
    rule: `obfuscation.${kind}`,
    ...(view.depth > 0 ? { via: view.via } : {}),
  };
}

/** Collects raw-text spans, merging near neighbours and capping the count. */
class Spans {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  count = 0;

  constructor(private readonly gap: number) {}

  add(start: number, end: number): void {
    this.count++;
    const last = this.ends.length - 1;
    if (last >= 0 && (start - (this.ends[last] ?? 0) <= this.gap || this.ends.length >= MAX_PER_KIND)) {
      this.ends[last] = end;
      return;
    }
    this.starts.push(start);
    this.ends.push(end);
  }
}

function scanCharacters(view: TextView, out: Finding[]): void {
  const raw = view.raw;
  const n = raw.length;
  const tags = new Spans(0);
  const bidi = new Spans(64);
  const inWords: number[] = [];
  const marks: number[] = [];
  let rtlLetters = 0;
  let cyrGreek = false;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= 0x590 && c <= 0x8ff) rtlLetters++;
    else if (c >= 0x370 && c < 0x530) cyrGreek = true;
    const cp = raw.codePointAt(i) ?? c;
    if (cp > 0xffff) {
      if (isTagChar(cp)) {
        let end = i + 2;
        while (end + 1 < n && isTagChar(raw.codePointAt(end) ?? 0)) end += 2;
        if (!isFlagTagSequence(raw, i, end)) tags.add(i, end);
        i = end - 1;
        continue;
      }
      i++;
      continue;
    }
    if (isBidiOverride(cp)) bidi.add(i, i + 1);
    else if (isZeroWidth(cp) && insideWord(raw, i, cp)) inWords.push(i);
    else if (cp === 0x200e || cp === 0x200f || cp === 0x061c) marks.push(i);
  }
  // Direction marks belong in right-to-left text; in left-to-right text they are just invisible.
  const invisible = new Spans(32);
  for (const p of rtlLetters > 0 ? inWords : mergeSorted(inWords, marks)) invisible.add(p, p + 1);
  const toRoot = view.form('raw').toRoot;
  const emit = (spans: Spans, make: (span: Span) => Finding): void => {
    for (let k = 0; k < spans.starts.length; k++) out.push(make(toRoot(spans.starts[k] ?? 0, spans.ends[k] ?? 0)));
  };
  emit(tags, (s) => finding(view, s, 'ascii_smuggling', 0.95, 'high',
    'invisible Unicode tag characters encode hidden text (ASCII smuggling)'));
  // Right-to-left scripts legitimately use embeddings; elsewhere an override is a display trick.
  const bidiScore = rtlLetters > 0 ? 0.35 : 0.6;
  emit(bidi, (s) => finding(view, s, 'bidi_control', bidiScore, rtlLetters > 0 ? 'low' : 'medium',
    'bidirectional override or isolate characters make the displayed text differ from the text a model reads'));
  const invisibleScore = invisible.count >= 8 ? 0.65 : invisible.count >= 3 ? 0.45 : 0.25;
  emit(invisible, (s) => finding(view, s, 'invisible_chars', invisibleScore, invisible.count >= 3 ? 'medium' : 'low',
    `${invisible.count} invisible character(s) in left-to-right text or inside words, which can split phrases a filter looks for`));
  if (!cyrGreek) return;
  const homoglyphs = new Spans(0);
  for (const w of findDisguisedWords(n, (i) => raw.charCodeAt(i))) if (w.mixed) homoglyphs.add(w.start, w.end);
  emit(homoglyphs, (s) => finding(view, s, 'homoglyphs', 0.6, 'medium',
    'word mixes Latin letters with Cyrillic or Greek look-alike letters'));
}

function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  if (b.length === 0) return [...a];
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i] ?? 0) < (b[j] ?? 0))) out.push(a[i++] ?? 0);
    else out.push(b[j++] ?? 0);
  }
  return out;
}

/**
 * A zero-width character between two word characters (skipping further invisibles). Joiners
 * between letters of scripts that need them (Persian, Indic) or inside emoji sequences are normal.
 */
function insideWord(raw: string, i: number, cp: number): boolean {
  let before = i - 1;
  while (before >= 0 && isZeroWidth(raw.charCodeAt(before))) before--;
  let after = i + 1;
  while (after < raw.length && isZeroWidth(raw.charCodeAt(after))) after++;
  if (before < 0 || after >= raw.length) return false;
  const fb = charFlags(raw.charCodeAt(before));
  const fa = charFlags(raw.charCodeAt(after));
  if ((fb & F_WORD) === 0 || (fa & F_WORD) === 0) return false;
  if (cp === 0x200c || cp === 0x200d) return (fb & (F_ALPHA | F_DIGIT)) !== 0 && (fa & (F_ALPHA | F_DIGIT)) !== 0;
  return true;
}

/** Codecs whose output cannot be read in the input at all. */
const OPAQUE_CODECS: ReadonlySet<string> = new Set(['base64', 'base32', 'hex', 'unicode-tags', 'rot13']);

/**
 * Whether decoding revealed text a reader could not see: an opaque codec, or escapes making up a
 * good part of the span (not an HTML page with a few &amp;s, or a URL with one %20).
 */
function revealsText(view: TextView): boolean {
  if (OPAQUE_CODECS.has(view.via[view.via.length - 1] ?? '')) return true;
  return view.raw.length <= 0.8 * (view.origin.end - view.origin.start);
}

/** Mostly letters, in several words (or in a CJK/Hangul run, written without spaces). Another base64 string is not. */
function isNaturalLanguage(text: string): boolean {
  let letters = 0;
  let wideLetters = 0;
  let visible = 0;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = charFlags(c);
    if ((f & F_SPACE) !== 0) {
      inWord = false;
      continue;
    }
    visible++;
    const letter = (f & F_WORD) !== 0 && (f & F_DIGIT) === 0;
    if (letter) letters++;
    if (letter && c >= 0x2e80) wideLetters++;
    if (letter && !inWord) words++;
    inWord = letter || inWord;
  }
  return visible > 0 && letters >= visible * 0.6 && (words >= 3 || wideLetters >= 4);
}
