/**
 * Runs a rule table over one text fast enough to sit inline. A single combined trigger regex
 * per form is scanned once; only rules whose triggers occur run, and only inside merged
 * windows around those triggers, so cost grows with the text plus the few rules that apply.
 */
import type { Rule, RuleForm } from './rule.js';

export interface RuleHit {
  readonly rule: Rule;
  /** Offsets in the form's text. */
  readonly start: number;
  readonly end: number;
  /** Score after cues, before mode weighting. */
  readonly score: number;
}

/** Characters scanned either side of a trigger; every rule's match must fit in such a window. */
const WINDOW_BEFORE = 200;
const WINDOW_AFTER = 320;
/** Context the cues and `requires` patterns look at. */
const CUE_BEFORE = 80;
const CUE_AFTER = 120;
const REQUIRES_SPAN = 260;
/** A text repeating one attack thousands of times needs no more than this many hits per rule. */
const MAX_HITS_PER_RULE = 16;

interface FormTable {
  readonly prefilter: RegExp | undefined;
  readonly byTrigger: ReadonlyMap<string, readonly number[]>;
  readonly rules: readonly Rule[];
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

function buildTable(rules: readonly Rule[]): FormTable {
  const byTrigger = new Map<string, number[]>();
  rules.forEach((rule, i) => {
    for (const t of rule.triggers) {
      const list = byTrigger.get(t) ?? [];
      if (!list.includes(i)) list.push(i);
      byTrigger.set(t, list);
    }
  });
  // Longest first so a short trigger never shadows a longer one starting at the same place.
  const keys = [...byTrigger.keys()].sort((a, b) => b.length - a.length);
  const prefilter = keys.length === 0 ? undefined : new RegExp(keys.map(escapeRe).join('|'), 'gi');
  return { prefilter, byTrigger, rules };
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
      if (!table.prefilter) return [];
      const windows = collectWindows(text, table);
      const hits: RuleHit[] = [];
      for (const [ruleIndex, spans] of windows) {
        const rule = table.rules[ruleIndex];
        if (rule) runRule(rule, text, spans, hits);
      }
      return hits;
    },
  };
}

/** Per rule, the merged [start, end) windows around its trigger occurrences. */
function collectWindows(text: string, table: FormTable): Map<number, Array<[number, number]>> {
  const out = new Map<number, Array<[number, number]>>();
  const re = table.prefilter as RegExp;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const ids = table.byTrigger.get(m[0].toLowerCase());
    if (!ids) continue;
    const ws = Math.max(0, m.index - WINDOW_BEFORE);
    const we = Math.min(text.length, m.index + m[0].length + WINDOW_AFTER);
    for (const id of ids) {
      const spans = out.get(id);
      if (!spans) {
        out.set(id, [[ws, we]]);
        continue;
      }
      const last = spans[spans.length - 1] as [number, number];
      if (ws <= last[1]) last[1] = Math.max(last[1], we);
      else spans.push([ws, we]);
    }
  }
  return out;
}

function runRule(rule: Rule, text: string, spans: ReadonlyArray<readonly [number, number]>, hits: RuleHit[]): void {
  let count = 0;
  for (const [ws, we] of spans) {
    const slice = text.slice(ws, we);
    const re = rule.pattern;
    re.lastIndex = 0;
    for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = ws + m.index;
      const end = start + m[0].length;
      const score = scoreMatch(rule, text, start, end);
      if (score !== undefined) hits.push({ rule, start, end, score });
      if (++count >= MAX_HITS_PER_RULE) return;
    }
  }
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
