/**
 * `injection.rules`: explainable, multilingual prompt-injection and jailbreak rules. Each
 * finding names its rule and carries an evidence score meant to be combined with the learned
 * classifier, not a verdict on its own; ambiguous clinical phrasings get deliberately low scores.
 */
import { MedguardError } from '../../../core/errors.js';
import type { DetectContext, Detector, Finding, TextView } from '../../../core/types.js';
import { MODES } from '../../../core/types.js';
import { RULES, RULE_METADATA, type RuleMetadata } from './catalog.js';
import { createRuleEngine, type RuleHit } from './engine.js';
import { RULE_FAMILIES, type Rule, type RuleForm } from './rule.js';
import { severityFor, weigh } from './weights.js';

export { RULES, RULE_METADATA, RULE_FAMILIES };
export type { RuleMetadata };
export type { Rule, RuleFamily, RuleSpec, RuleForm, Cue } from './rule.js';
export { defineRule } from './rule.js';

export const RULE_DETECTOR_ID = 'injection.rules';

export interface RuleDetectorOptions {
  /** Findings weaker than this (after mode weighting) are dropped. Default 0.1. */
  readonly minScore?: number;
  /** Rule ids or whole families (e.g. `ai_addressed`) to switch off. */
  readonly disable?: readonly string[];
  /** Replaces the shipped rule table (tests, custom deployments). */
  readonly rules?: readonly Rule[];
}

const FORMS: readonly RuleForm[] = ['folded', 'clean'];

export function createRuleDetector(options: RuleDetectorOptions = {}): Detector {
  const minScore = options.minScore ?? 0.1;
  if (typeof minScore !== 'number' || !(minScore >= 0 && minScore <= 1)) {
    throw new MedguardError('MG_CONFIG_INVALID', 'injection rules: minScore must be a number in [0, 1]', { field: 'minScore' });
  }
  const table = options.rules ?? RULES;
  if (!Array.isArray(table) || !table.every((r: Rule) => r?.search instanceof RegExp && r.pattern instanceof RegExp)) {
    throw new MedguardError('MG_CONFIG_INVALID', 'injection rules: rules must be built with defineRule', { field: 'rules' });
  }
  if (options.disable !== undefined && !Array.isArray(options.disable)) {
    throw new MedguardError('MG_CONFIG_INVALID', 'injection rules: disable must be a list of rule ids or families', { field: 'disable' });
  }
  const disable = new Set(options.disable ?? []);
  for (const name of disable) {
    const known = (RULE_FAMILIES as readonly string[]).includes(name) || table.some((r) => r.id === name);
    if (!known) {
      throw new MedguardError('MG_CONFIG_INVALID', 'injection rules: disable lists an unknown rule id or family; see RULE_METADATA', { field: 'disable' });
    }
  }
  const engine = createRuleEngine(table.filter((r) => !disable.has(r.id) && !disable.has(r.family)));

  return Object.freeze({
    id: RULE_DETECTOR_ID,
    family: 'injection' as const,
    modes: MODES,
    decodedLayers: true,
    detect(input: TextView, ctx: DetectContext): Finding[] {
      const findings: Finding[] = [];
      const folded = input.form('folded');
      const clean = input.form('clean');
      const hits = engine.runForms(folded.text, clean.text);
      for (const formName of FORMS) {
        const form = formName === 'folded' ? folded : clean;
        for (const hit of hits[formName]) {
          const score = weigh(hit.rule.family, ctx.mode, hit.score);
          if (score < minScore) continue;
          const span = form.toRoot(hit.start, hit.end);
          findings.push(toFinding(hit, score, span.start, span.end, input));
        }
      }
      return keepStrongest(findings);
    },
  });
}

function toFinding(hit: RuleHit, score: number, start: number, end: number, input: TextView): Finding {
  const base = {
    family: 'injection' as const,
    kind: `injection.${hit.rule.family}`,
    detector: RULE_DETECTOR_ID,
    start,
    end,
    score,
    severity: severityFor(score),
    explanation: hit.rule.explanation,
    rule: hit.rule.id,
  };
  return input.via.length > 0 ? { ...base, via: input.via } : base;
}

/** Overlapping findings of one kind (e.g. two languages' rules on one phrase) count once. */
function keepStrongest(findings: Finding[]): Finding[] {
  findings.sort((a, b) => a.kind.localeCompare(b.kind) || a.start - b.start || b.score - a.score);
  const out: Finding[] = [];
  for (const f of findings) {
    const prev = out[out.length - 1];
    if (prev && prev.kind === f.kind && f.start < prev.end) {
      if (f.score > prev.score) out[out.length - 1] = f;
      continue;
    }
    out.push(f);
  }
  return out.sort((a, b) => a.start - b.start || b.score - a.score);
}
