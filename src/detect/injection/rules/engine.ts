/**
 * Runs a rule table over one text fast enough to sit inline. A trigger scanner reads each form
 * once; each trigger occurrence tries only the rules that own it, as sticky patterns anchored at
 * (or a bounded lead before) the trigger, so a rule never scans text where its vocabulary does
 * not occur, and no start offset is tried twice by the same rule (linear in the text).
 */
import type { Rule, RuleForm } from './rule.js';
import { createTriggerScanner, lowerSameLength, type TriggerScanner } from './scanner.js';

export interface RuleHit {
  readonly rule: Rule;
  /** Offsets in the form's text. */
  readonly start: number;
  readonly end: number;
  /** Score after cues, before mode weighting. */
  readonly score: number;
}

/** Context the cues and `requires` patterns look at. */
const CUE_BEFORE = 80;
const CUE_AFTER = 120;
const REQUIRES_SPAN = 260;
/** A text repeating one attack thousands of times needs no more than this many hits per rule. */
const MAX_HITS_PER_RULE = 16;

interface FormTable {
  readonly scanner: TriggerScanner;
  readonly byTrigger: ReadonlyMap<string, readonly number[]>;
  readonly rules: readonly Rule[];
  /**
   * Per-rule scratch reused across runs (allocating typed arrays per call costs more than the
   * scan of a short prompt): entries count only when `epoch` matches the current run.
   */
  readonly epoch: Uint32Array;
  /** No match of the rule can start before this offset (already tried or inside a match). */
  readonly triedUntil: Int32Array;
  readonly counts: Uint8Array;
  readonly searches: Uint16Array;
}

function buildTable(rules: readonly Rule[]): FormTable {
  const byTrigger = new Map<string, number[]>();
  rules.forEach((rule, i) => {
    for (const t of rule.triggers) {
      const list = byTrigger.get(t) ?? [];
      if (!list.includes(i)) list.push(i);
      byTrigger.set(t, list);
    }
  });
  // The scanner reports the longest trigger at each position; a shorter trigger that starts it
  // ("무시" in "무시하고") must still wake its own rules, so each key inherits its prefixes' rules.
  const keys = [...byTrigger.keys()];
  for (const k of keys) {
    const list = byTrigger.get(k) as number[];
    for (const t of keys) {
      if (t.length >= k.length || !k.startsWith(t)) continue;
      for (const i of byTrigger.get(t) as number[]) if (!list.includes(i)) list.push(i);
    }
  }
  const n = rules.length;
  return { scanner: createTriggerScanner(keys), byTrigger, rules, epoch: new Uint32Array(n), triedUntil: new Int32Array(n), counts: new Uint8Array(n), searches: new Uint16Array(n) };
}

export interface RuleEngine {
  readonly rules: readonly Rule[];
  run(text: string, form: RuleForm): RuleHit[];
  /** Both forms' hits, each list exactly as `run` gives it; one scan when the forms lower-case alike. */
  runForms(folded: string, clean: string): { readonly folded: RuleHit[]; readonly clean: RuleHit[] };
}

/**
 * One scanner over both forms' triggers, for texts whose folded and clean forms lower-case to the
 * same string (most prompts: nothing to fold but case). At each position it reports the longest
 * trigger of either form; every trigger of one form matching there is a prefix of it, so the
 * form's own scanner would have reported the longest of that form's keys that prefix it, whose
 * rule list (with its inherited prefixes) is precomputed here. Each form's hits are therefore the
 * same, in the same order, as from its own scan, for half the scanning.
 */
interface MergedTable {
  readonly scanner: TriggerScanner;
  /** Per merged key: the folded and clean tables' rule lists, or undefined when a form has none. */
  readonly lists: ReadonlyMap<string, readonly [readonly number[] | undefined, readonly number[] | undefined]>;
}

function buildMerged(folded: FormTable, clean: FormTable): MergedTable {
  const keys = [...new Set([...folded.byTrigger.keys(), ...clean.byTrigger.keys()])];
  const longestPrefix = (table: FormTable, key: string): readonly number[] | undefined => {
    let best: string | undefined;
    for (const k of table.byTrigger.keys()) if (key.startsWith(k) && (best === undefined || k.length > best.length)) best = k;
    return best === undefined ? undefined : table.byTrigger.get(best);
  };
  const lists = new Map(keys.map((k) => [k, [longestPrefix(folded, k), longestPrefix(clean, k)] as const]));
  return { scanner: createTriggerScanner(keys), lists };
}

export function createRuleEngine(rules: readonly Rule[]): RuleEngine {
  const tables: Record<RuleForm, FormTable> = {
    folded: buildTable(rules.filter((r) => r.form === 'folded')),
    clean: buildTable(rules.filter((r) => r.form === 'clean')),
  };
  const merged = buildMerged(tables.folded, tables.clean);
  let run = 0;
  // Detection is synchronous, so one scratch set per engine is never shared by two runs.
  const nextRun = (): number => (run = (run + 1) >>> 0 || 1);
  const runOne = (text: string, form: RuleForm, low: string): RuleHit[] => {
    const table = tables[form];
    const hits: RuleHit[] = [];
    const current = nextRun();
    table.scanner.scanLowered(low, (at, trigger) => wake(table, table.byTrigger.get(trigger), text, at, current, hits));
    return hits;
  };
  return {
    rules,
    run: (text, form) => runOne(text, form, lowerSameLength(text)),
    runForms(folded, clean) {
      const lowFolded = lowerSameLength(folded);
      const lowClean = clean === folded ? lowFolded : lowerSameLength(clean);
      if (lowFolded !== lowClean) return { folded: runOne(folded, 'folded', lowFolded), clean: runOne(clean, 'clean', lowClean) };
      const hits = { folded: [] as RuleHit[], clean: [] as RuleHit[] };
      const current = nextRun();
      merged.scanner.scanLowered(lowFolded, (at, trigger) => {
        const lists = merged.lists.get(trigger);
        if (lists === undefined) return;
        wake(tables.folded, lists[0], folded, at, current, hits.folded);
        wake(tables.clean, lists[1], clean, at, current, hits.clean);
      });
      return hits;
    },
  };
}

/** Tries the rules a trigger at `at` wakes, each at most once per start offset (see triedUntil). */
function wake(table: FormTable, ids: readonly number[] | undefined, text: string, at: number, run: number, hits: RuleHit[]): void {
  if (ids === undefined) return;
  const { epoch, triedUntil, counts, searches } = table;
  for (const id of ids) {
    const rule = table.rules[id] as Rule;
    if (epoch[id] !== run) {
      epoch[id] = run;
      triedUntil[id] = 0;
      counts[id] = 0;
      searches[id] = 0;
    }
    if (at < (triedUntil[id] as number) || (counts[id] as number) >= MAX_HITS_PER_RULE) continue;
    const sticky = rule.lead <= STICKY_LEAD || (searches[id] as number) >= SEARCH_BUDGET;
    if (!sticky) searches[id] = (searches[id] as number) + 1;
    const hit = tryRule(rule, text, at, triedUntil[id] as number, sticky);
    // Either way no match of this rule starts before this point any more: never retry it.
    triedUntil[id] = hit ? hit.end : at + 1;
    if (!hit) continue;
    counts[id] = (counts[id] as number) + 1;
    if (hit.score > 0) hits.push(hit);
  }
}

/** Short leads are cheaper tried start by start than by searching a slice that runs past the trigger. */
const STICKY_LEAD = 16;
/**
 * Slice searches re-read up to MAX_MATCH characters past each trigger; on a text packed with one
 * trigger that would be quadratic-ish, so after this many a rule falls back to start-by-start
 * tries, which touch each start position at most once per rule.
 */
const SEARCH_BUDGET = 48;
/** Longest stretch a match may run past its trigger; every shipped pattern is bounded well below it. */
const MAX_MATCH = 640;

/**
 * Tries the rule for matches starting in [max(notBefore, trigger - lead), trigger]: sticky at
 * each start, or by one search over a bounded slice (keeping only a match that starts no later
 * than the trigger).
 */
function tryRule(rule: Rule, text: string, triggerAt: number, notBefore: number, sticky: boolean): RuleHit | undefined {
  const from = Math.max(notBefore, triggerAt - rule.lead);
  if (sticky) {
    const re = rule.pattern;
    for (let s = from; s <= triggerAt; s++) {
      re.lastIndex = s;
      const m = re.exec(text);
      if (m !== null && m[0].length > 0) return finish(rule, text, s, s + m[0].length);
    }
    return undefined;
  }
  // One character of left context so \b and lookbehinds at the slice start still see the text.
  const base = Math.max(0, from - 1);
  const slice = text.slice(base, Math.min(text.length, triggerAt + MAX_MATCH));
  const re = rule.search;
  re.lastIndex = from - base;
  const m = re.exec(slice);
  if (m === null || m[0].length === 0 || base + m.index > triggerAt) return undefined;
  return finish(rule, text, base + m.index, base + m.index + m[0].length);
}

function finish(rule: Rule, text: string, start: number, end: number): RuleHit | undefined {
  const score = scoreMatch(rule, text, start, end);
  return score === undefined ? undefined : { rule, start, end, score };
}

function scoreMatch(rule: Rule, text: string, start: number, end: number): number | undefined {
  if (rule.requires) {
    const ctx = text.slice(Math.max(0, start - REQUIRES_SPAN), Math.min(text.length, end + REQUIRES_SPAN));
    if (!rule.requires.test(ctx)) return undefined;
  }
  let score = rule.score;
  for (const cue of rule.cues) {
    let region: string;
    switch (cue.where) {
      case 'match': region = text.slice(start, end); break;
      case 'before': region = text.slice(Math.max(0, start - CUE_BEFORE), start); break;
      case 'after': region = text.slice(end, Math.min(text.length, end + CUE_AFTER)); break;
      case 'around': region = text.slice(Math.max(0, start - CUE_BEFORE), Math.min(text.length, end + CUE_AFTER)); break;
    }
    if (cue.re.test(region)) score += cue.delta;
  }
  return Math.min(1, Math.max(0, score));
}
