import { MedguardError } from './errors.js';
import type { Assessment, Assessor, DetectContext, Detector, Family, Finding, Mode, TextView } from './types.js';
import { MODES } from './types.js';
import { createRootView } from './text/view.js';
import { decodeLayers, type DecodeLimits, DEFAULT_DECODE_LIMITS } from './text/decode.js';

export interface PipelineOptions {
  readonly detectors: readonly Detector[];
  readonly assessors?: readonly Assessor[];
  /** Inputs longer than this (UTF-16 units) are refused with MG_INPUT_TOO_LARGE. */
  readonly maxInputChars?: number;
  readonly decode?: Partial<DecodeLimits>;
}

export interface InspectOptions {
  readonly mode?: Mode;
}

export interface InspectReport {
  readonly mode: Mode;
  /** Sorted by start offset, then by descending score. */
  readonly findings: Finding[];
  readonly assessments: Partial<Record<Family, Assessment>>;
  /** Number of decoded layers inspected besides the root. */
  readonly decodedLayers: number;
}

export interface Pipeline {
  inspect(text: string, options?: InspectOptions): InspectReport;
}

export const DEFAULT_MAX_INPUT_CHARS = 8 * 1024 * 1024;

export function createPipeline(options: PipelineOptions): Pipeline {
  const detectors = Object.freeze([...options.detectors]);
  const assessors = Object.freeze([...(options.assessors ?? [])]);
  const maxInputChars = options.maxInputChars ?? DEFAULT_MAX_INPUT_CHARS;
  const limits: DecodeLimits = Object.freeze({ ...DEFAULT_DECODE_LIMITS, ...options.decode });
  const wantsDecoding = detectors.some((d) => d.decodedLayers);

  return {
    inspect(text, inspectOptions = {}) {
      const mode = inspectOptions.mode ?? 'prompt';
      if (!MODES.includes(mode)) {
        throw new MedguardError('MG_UNKNOWN_MODE', `unknown mode "${String(mode)}"; use prompt, document or output`, { field: 'mode' });
      }
      if (typeof text !== 'string') throw new MedguardError('MG_INPUT_INVALID', 'input must be a string', { field: 'text' });
      if (text.length > maxInputChars) {
        throw new MedguardError('MG_INPUT_TOO_LARGE', `input is ${text.length} characters; the limit is ${maxInputChars}`, { field: 'text' });
      }
      const root = createRootView(text);
      const views: TextView[] = wantsDecoding ? [root, ...decodeLayers(root, limits)] : [root];
      const ctx: DetectContext = { mode, views };
      const findings: Finding[] = [];
      for (const detector of detectors) {
        if (!detector.modes.includes(mode)) continue;
        for (const view of views) {
          if (view.depth > 0 && !detector.decodedLayers) continue;
          findings.push(...runDetector(detector, view, ctx));
        }
      }
      const merged = mergeFindings(findings);
      const assessments: Partial<Record<Family, Assessment>> = {};
      for (const assessor of assessors) {
        if (!assessor.modes.includes(mode)) continue;
        const own = merged.filter((f) => f.family === assessor.family);
        assessments[assessor.family] = assessor.assess(root, own, ctx);
      }
      return { mode, findings: merged, assessments, decodedLayers: views.length - 1 };
    },
  };
}

/** A detector that throws must not let the text through unexamined: it yields a failure finding. */
function runDetector(detector: Detector, view: TextView, ctx: DetectContext): Finding[] {
  try {
    return detector.detect(view, ctx);
  } catch {
    return [{
      family: detector.family,
      kind: `${detector.family}.detector_failed`,
      detector: detector.id,
      start: view.origin.start,
      end: view.origin.end,
      score: 1,
      severity: 'high',
      explanation: `detector ${detector.id} failed on this input; treated as a match (fail closed)`,
    }];
  }
}

/** The same kind found twice over the same span (e.g. in the raw and a decoded layer) is kept once, at its best score. */
export function mergeFindings(findings: readonly Finding[]): Finding[] {
  const best = new Map<string, Finding>();
  for (const f of findings) {
    const key = `${f.kind}\u0000${f.start}\u0000${f.end}`;
    const prev = best.get(key);
    if (!prev || f.score > prev.score) best.set(key, f);
  }
  return [...best.values()].sort((a, b) => a.start - b.start || b.score - a.score || a.kind.localeCompare(b.kind));
}
