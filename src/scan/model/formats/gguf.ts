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

/** Runs the prompt-injection detectors over the text a template can emit (document mode: it is not the user's). */
function injectionFindings(template: string, member: string, offset: number): FindingSpec[] {
  const text = [...literalStrings(template), outsideText(template)].join('\n').slice(0, 200_000);
  if (text.trim() === '') return [];
  try {
    inspector ??= createInspector({ families: ['injection'] });
    const report = inspector.inspect(text, { mode: 'document' });
    const flagged = report.assessments.injection?.flagged ?? report.findings.some((f) => f.family === 'injection' && f.severity !== 'info' && f.severity !== 'low');
    if (!flagged) return [];
  } catch {
    return [{ technique: 'gguf.template_uninspected', severity: 'medium', member, start: offset, explanation: 'chat template text could not be inspected for injected instructions' }];
  }
  return [{ technique: 'gguf.template_injection', severity: 'high', member, start: offset, end: offset + template.length,
    explanation: 'chat template emits text that reads as injected instructions' }];
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
