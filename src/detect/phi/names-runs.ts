/**
 * The capitalised tokens of a text and their runs (names.ts scores the runs), and the two checks
 * that look past a run: a clinician's credential before it ("RN Okafor") and a given name after a
 * comma ("Kowalczyk, Anna").
 */
import { isOrdinary, type lexicon } from './lexicon.js';
import { lowerAt, type LowerWords } from './lower.js';
import { forEachToken } from './names-tokens.js';
import { AMBIGUOUS, NEVER_NAME } from './stopwords.js';

const JOINER = /^(?: | de | del | de la | de los | y | van | von | van der | da | di | le | la )$/;

export interface Token { start: number; end: number; lower: string; initial: boolean }

export function tokens(text: string): Token[] {
  const out: Token[] = [];
  const seen: LowerWords = new Map(); // Capitalised words repeat (Patient, The, Dr): lower-cased once each.
  // A character loop (names-tokens.ts): the regex it replaces was the pass's largest cost.
  forEachToken(text, (at, end) => {
    // "ex-Zombie", "anti-Xa": a capital after a lower-case prefix and hyphen is part of a compound.
    if (text.charCodeAt(at - 1) === 45) {
      const c = text.charCodeAt(at - 2);
      if (c >= 97 && c <= 122) return;
    }
    const lower = lowerAt(text, at, end, seen);
    const len = end - at;
    out.push({ start: at, end, lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower, initial: len === 1 || (len === 2 && text.charCodeAt(at + 1) === 46) });
  });
  return out;
}

const NICK_OPEN = /^ ["“]$/;
const NICK_CLOSE = /^["”] $/;
const NICK_AFTER = /^["”] [A-Z\u00c0-\u00de]/;

export function runs(text: string, toks: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  // Inside a quoted nickname within the run ('Robert "Bob" Delgado'): its closing quote may join too.
  let nick = false;
  for (const t of toks) {
    const prev = cur[cur.length - 1];
    const quote = prev && cur.length < 4 && t.start - prev.end === 2 ? text.slice(prev.end, t.start) : '';
    if (quote !== '' && (nick ? NICK_CLOSE.test(quote) : NICK_OPEN.test(quote) && NICK_AFTER.test(text.slice(t.end, t.end + 3)))) {
      nick = !nick;
      cur.push(t);
      continue;
    }
    nick = false;
    if (NEVER_NAME.has(t.lower) || (t.lower.endsWith("'s") && NEVER_NAME.has(t.lower.slice(0, -2)))) {
      if (cur.length) out.push(cur);
      cur = [];
      continue;
    }
    // The longest joiner (" van der ") is 9 characters: wider gaps are never sliced and tested.
    const gap = prev ? t.start - prev.end : 0;
    if (prev && cur.length < 5 && gap >= 1 && gap <= 9 && !prev.initial && JOINER.test(text.slice(prev.end, t.start))) cur.push(t);
    else if (prev && prev.initial && cur.length < 5 && gap === 1 && text.charCodeAt(prev.end) === 32) cur.push(t);
    else {
      if (cur.length) out.push(cur);
      cur = [t];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

// Clinicians' credentials written before the name ("RN Okafor", "NP Garcia"), only before words that
// are no ordinary English words. Not "PA", as often posteroanterior ("PA Chest"); "NP" is also
// nasopharyngeal ("NP Swab"), so after it an unlisted lone word is no name.
const CLINICAL_TITLE = /\b(NP|RN|APRN|LPN|CRNA|CNM|PA-C|FNP)\s{1,2}$/;

export function clinicalTitle(text: string, run: readonly Token[], lex: ReturnType<typeof lexicon>): boolean {
  const first = run[0];
  const m = first ? CLINICAL_TITLE.exec(text.slice(Math.max(0, first.start - 7), first.start)) : null;
  if (!m || !run.every((t) => t.initial || !isOrdinary(t.lower, lex) || lex.last.has(t.lower))) return false;
  return m[1] !== 'NP' || run.length >= 2 || lex.lastWide.has(first?.lower ?? '') || lex.firstWide.has(first?.lower ?? '');
}

/**
 * The run right after ", " at `at` when it is one given name (plus an initial) that is no surname
 * and no ordinary word, and no list goes on after it ("founders: Morrison, Rogers and Torres").
 */
export function commaGiven(text: string, at: number, next: readonly Token[] | undefined, lex: ReturnType<typeof lexicon>): Token | undefined {
  const g = next?.[0];
  const end = next?.[next.length - 1];
  if (!next || !g || !end || g.start !== at + 2 || text.charCodeAt(at) !== 44 || next.length > 2 || (next.length === 2 && !end.initial)) return undefined;
  if (g.initial || !lex.first.has(g.lower) || lex.last.has(g.lower) || AMBIGUOUS.has(g.lower) || NEVER_NAME.has(g.lower) || isOrdinary(g.lower, lex)) return undefined;
  return LIST_GOES_ON.test(text.slice(end.end, end.end + 8)) ? undefined : end;
}

const LIST_GOES_ON = /^(?:,? (?:and|or|&|y) |, [A-Z])/;
