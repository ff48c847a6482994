/**
 * Runs a rule table over one text fast enough to sit inline. One trie-shaped trigger regex per
 * form is scanned once; each trigger occurrence tries only the rules that own it, as sticky
 * patterns anchored at (or a few characters before) the trigger, so a rule never scans text
 * where its vocabulary does not occur.
 */
import type { Rule, RuleForm } from './rule.js';
import { createTriggerScanner, type TriggerScanner } from './scanner.js';

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
  return { scanner: createTriggerScanner(keys), byTrigger, rules };
}

export interface RuleEngine {
  readonly rules: readonly Rule[];
  run(text: string, form: RuleForm): RuleHit[];
}

export function createRuleEngine(rules: readonly Rule[]): RuleEngine {
  const tables: Record<RuleForm, FormTable> = {
    folded: buildTable(rules.filter((r) => r.form === 'folded')),
    clean: buildTable(rules.filter((r) => r.form === 'clean')),
  };
  return {
    rules,
    run(text, form) {
      const table = tables[form];
      const hits: RuleHit[] = [];
      // Per rule: where its last match ended (later triggers inside it are skipped) and hit count.
      const coveredUntil = new Int32Array(table.rules.length);
      const counts = new Uint8Array(table.rules.length);
      table.scanner.scan(text, (at, trigger) => {
        for (const id of table.byTrigger.get(trigger) ?? []) {
          const rule = table.rules[id] as Rule;
          if (at < (coveredUntil[id] as number) || (counts[id] as number) >= MAX_HITS_PER_RULE) continue;
          const hit = tryRule(rule, text, at, coveredUntil[id] as number);
          if (!hit) continue;
          coveredUntil[id] = hit.end;
          counts[id] = (counts[id] as number) + 1;
          if (hit.score > 0) hits.push(hit);
        }
      });
      return hits;
    },
  };
}

/** Longest stretch a match may run past its trigger; every shipped pattern is bounded well below it. */
const MAX_MATCH = 640;

/**
 * Lead-0 rules are tried once, sticky at the trigger. Rules whose match may start before the
 * trigger search a bounded slice instead of trying each start from JavaScript, and keep only a
 * match that starts no later than the trigger.
 */
function tryRule(rule: Rule, text: string, triggerAt: number, notBefore: number): RuleHit | undefined {
  if (rule.lead === 0) {
    const re = rule.pattern;
    re.lastIndex = triggerAt;
    const m = re.exec(text);
    return m === null || m[0].length === 0 ? undefined : finish(rule, text, triggerAt, triggerAt + m[0].length);
  }
  const from = Math.max(notBefore, triggerAt - rule.lead);
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
