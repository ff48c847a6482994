/**
 * Literal-anchored scans. A whole-text regex pass costs 1-5 ms per MB even where it never matches,
 * while `indexOf` of a literal costs about 0.05 ms. For a pattern every match of which holds one
 * of a few literals (a street suffix, a month name) at a bounded distance from its start, the
 * literals are found with `indexOf`, and a sticky copy of the pattern is tried only at the
 * positions that distance allows. Trying every possible start in order and resuming after each
 * match gives exactly the matches of the global pass, provided the bounds are right: each use
 * states them next to its pattern, and the snapshot tool (scripts/dev/phi-snapshot.ts) compares.
 */
import { firstMatch, nextMatch } from './exec.js';

/** Every position where one of `literals` occurs (overlaps included, unsorted across literals). */
export function literalHits(text: string, literals: readonly string[]): number[] {
  const out: number[] = [];
  for (const lit of literals) {
    for (let i = text.indexOf(lit); i >= 0; i = text.indexOf(lit, i + 1)) out.push(i);
  }
  return out;
}

/** Where global `re` matches (a pass of a cheap alternation, when literals would need many indexOf). */
export function regexHits(text: string, re: RegExp): number[] {
  const out: number[] = [];
  // The module's own pattern, reset: a copy per call costs more than the pass on a short text.
  for (let m = firstMatch(re, text); m; m = nextMatch(re, text, m)) out.push(m.index);
  return out;
}

/** Hits of literals that sit between `minBack` and `maxBack` characters after a match's start. */
export interface HitGroup {
  readonly hits: readonly number[];
  readonly minBack: number;
  readonly maxBack: number;
}

/** Sorted, distinct candidate starts: hit - maxBack .. hit - minBack for every hit, kept when `canStart`. */
export function startsNear(text: string, groups: readonly HitGroup[], canStart?: (text: string, p: number) => boolean): number[] {
  const lo: number[] = [];
  const hi: number[] = [];
  for (const g of groups) {
    for (const h of g.hits) {
      const a = Math.max(0, h - g.maxBack);
      const b = h - g.minBack;
      if (b >= a) {
        lo.push(a);
        hi.push(b);
      }
    }
  }
  const order = lo.map((_, i) => i).sort((x, y) => (lo[x] ?? 0) - (lo[y] ?? 0));
  const out: number[] = [];
  let next = 0;
  for (const i of order) {
    const a = Math.max(lo[i] ?? 0, next);
    const b = hi[i] ?? -1;
    for (let p = a; p <= b; p++) if (!canStart || canStart(text, p)) out.push(p);
    next = Math.max(next, b + 1);
  }
  return out;
}

/** The matches of sticky `re` tried at `starts` (sorted), as a global scan would report them. */
export function* matchesAt(text: string, re: RegExp, starts: readonly number[]): Generator<RegExpExecArray> {
  let pos = 0;
  for (const p of starts) {
    if (p < pos) continue;
    re.lastIndex = p;
    const m = re.exec(text);
    if (!m) continue;
    pos = p + Math.max(1, m[0].length);
    yield m;
  }
}

/** A sticky copy of a global pattern, for matchesAt. */
export const sticky = (re: RegExp): RegExp => new RegExp(re.source, re.flags.replace('g', '') + 'y');

const isWordCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** `\b[A-Z]`: an ASCII capital not preceded by a word character. */
export const capitalWordStart = (text: string, p: number): boolean => {
  const c = text.charCodeAt(p);
  return c >= 65 && c <= 90 && !isWordCode(text.charCodeAt(p - 1));
};

/**
 * A pattern (sticky) with what its matches hold: each group is [literals, minBack, maxBack], the
 * literals given as strings (found by indexOf) or as one global pattern whose matches cannot
 * overlap one another (a cheap alternation, when the literals start with common characters).
 */
export interface AnchorSpec {
  readonly re: RegExp;
  readonly groups: ReadonlyArray<readonly [readonly string[] | RegExp, number, number]>;
  readonly canStart?: (text: string, p: number) => boolean;
}

export function anchoredMatches(text: string, spec: AnchorSpec): Generator<RegExpExecArray> {
  const groups = spec.groups.map(([literals, minBack, maxBack]) => ({ hits: literals instanceof RegExp ? regexHits(text, literals) : literalHits(text, literals), minBack, maxBack }));
  return matchesAt(text, spec.re, startsNear(text, groups, spec.canStart));
}
