/**
 * How much each rule family's evidence counts in each mode. In `document` mode the user did
 * not write the text, so anything speaking to the model is suspect; in `output` mode only what
 * can hurt downstream (forged turns, exfiltration links) matters; in `prompt` mode users
 * legitimately address the assistant, so that alone is weak.
 */
import type { Mode, Severity } from '../../../core/types.js';
import type { RuleFamily } from './rule.js';

export const MODE_WEIGHTS: Readonly<Record<RuleFamily, Readonly<Record<Mode, number>>>> = Object.freeze({
  override: { prompt: 1, document: 1.15, output: 0.7 },
  system_prompt_extraction: { prompt: 1, document: 1.1, output: 0.5 },
  persona_jailbreak: { prompt: 1, document: 1, output: 0.6 },
  fake_delimiter: { prompt: 1, document: 1.15, output: 1 },
  tool_hijack: { prompt: 0.9, document: 1.25, output: 0.9 },
  exfiltration: { prompt: 1, document: 1.2, output: 1.15 },
  payload_splitting: { prompt: 1, document: 1, output: 0.5 },
  hypothetical_framing: { prompt: 1, document: 0.9, output: 0.5 },
  ai_addressed: { prompt: 0.55, document: 1.35, output: 0.7 },
  safety_bypass: { prompt: 1, document: 1, output: 0.5 },
});

/** A rule never claims certainty: the combiner adds the classifier's view on top. */
export const MAX_RULE_SCORE = 0.98;

export function weigh(family: RuleFamily, mode: Mode, score: number): number {
  const w = MODE_WEIGHTS[family][mode];
  return Math.round(Math.min(MAX_RULE_SCORE, Math.max(0, score * w)) * 1000) / 1000;
}

export function severityFor(score: number): Severity {
  if (score >= 0.85) return 'high';
  if (score >= 0.6) return 'medium';
  if (score >= 0.3) return 'low';
  return 'info';
}
