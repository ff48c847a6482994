/**
 * GGUF (llama.cpp) models: structure validated against the file size before any count is trusted,
 * and every chat template inspected statically for template injection and trigger-gated hidden
 * instructions. Templates are never rendered.
 */
import type { FormatScanner, ModelFinding } from '../types.js';
import { createInspector } from '../../../inspect.js';
import type { Pipeline } from '../../../core/pipeline.js';
import { modelFinding, type FindingSpec } from './safetensors/finding.js';
import { readGguf } from './gguf/reader.js';
import { literalStrings, outsideText, sstiFindings, triggerFindings } from './gguf/template.js';

const DETECTOR = 'model.gguf';

let inspector: Pipeline | undefined;

/** Chat-format control tokens: every template is full of them, so they would drown the signal. */
const SPECIAL_TOKENS = /<\|[^|>\s]{1,40}\|>|<｜[^｜>]{1,40}｜>|\[\/?INST\]|<\/?s>|<<\/?SYS>>|<\/?(?:start|end)_of_turn>|<\/?tool_call>|<\/?tools>|<\/?tool_response>|<\/?think>/g;
/** raise_exception('...') messages go to the caller, never to the model. */
const RAISE = /raise_exception\(\s{0,8}(['"])(?:(?!\1)[^\\]|\\.){0,2000}\1\s{0,8}\)/g;
const MAX_LITERALS = 200;
/**
 * Classifier scores of real default templates (Qwen, Llama 3.1, Mistral tool/system prose) reach
 * ~0.7, so an ordinary flag is only informational; a near-certain score is medium. Hidden
 * instructions gated on a trigger are caught structurally by triggerFindings (high).
 */
const MEDIUM_SCORE = 0.9;

/** Runs the prompt-injection detectors over each prose literal a template can emit (document mode: it is not the user's). */
function injectionFindings(template: string, member: string, offset: number): FindingSpec[] {
  const plain = template.replace(RAISE, '');
  const prose = [...literalStrings(plain), outsideText(plain)]
    .map((s) => s.replace(SPECIAL_TOKENS, ' ').trim())
    .filter((s) => (s.match(/[A-Za-z]{2,}/g) ?? []).length >= 5)
    .slice(0, MAX_LITERALS);
  let best = 0;
  try {
    inspector ??= createInspector({ families: ['injection'] });
    for (const text of prose) {
      const a = inspector.inspect(text.slice(0, 20_000), { mode: 'document' }).assessments.injection;
      if (a?.flagged) best = Math.max(best, a.score);
    }
  } catch {
    return [{ technique: 'gguf.template_uninspected', severity: 'low', member, start: offset, explanation: 'chat template text could not be inspected for injected instructions' }];
  }
  if (best === 0) return [];
  return [{ technique: 'gguf.template_injection', severity: best >= MEDIUM_SCORE ? 'medium' : 'low', member, start: offset, end: offset + template.length,
    score: best, explanation: 'chat template emits text that reads like injected instructions (review the template\'s fixed text)' }];
}

export const ggufScanner: FormatScanner = {
  format: 'gguf',
  sniff: (head) => head.length >= 4 && head[0] === 0x47 && head[1] === 0x47 && head[2] === 0x55 && head[3] === 0x46,
  async scan(source, ctx) {
    const parsed = await readGguf(source);
    const specs: FindingSpec[] = [...parsed.problems];
    for (const t of parsed.templates) {
      specs.push(...sstiFindings(t.text, t.key, t.offset), ...triggerFindings(t.text, t.key, t.offset), ...injectionFindings(t.text, t.key, t.offset));
    }
    return specs.map((s): ModelFinding => modelFinding(ctx, DETECTOR, s));
  },
};
