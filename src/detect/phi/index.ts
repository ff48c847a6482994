/**
 * The PHI family: HIPAA Safe Harbor identifiers in English, Spanish and Korean text.
 * `detectPhi` is the library call; `createPhiFamily` wraps it as a pipeline detector.
 */
import { z } from 'zod';
import { MedguardError } from '../../core/errors.js';
import { createRootView } from '../../core/text/view.js';
import type { Detector, Finding, Severity, TextView } from '../../core/types.js';
import { MODES } from '../../core/types.js';
import type { FamilyBundle } from '../family.js';
import { scanPhi } from './scan.js';
import { PHI_TYPES, type PhiOptions, type PhiSpan, type PhiType } from './types.js';

export { PHI_TYPES, type PhiOptions, type PhiSpan, type PhiType } from './types.js';

const OptionsSchema = z.strictObject({
  types: z.array(z.enum(PHI_TYPES)).optional(),
  minScore: z.number().min(0).max(1).optional(),
});

function validate(options: unknown): PhiOptions {
  // The common call passes no options: skip the schema walk (measurable on 1 KB inputs).
  if (options === undefined) return {};
  const parsed = OptionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? ['phi', ...issue.path.map(String)].join('.') : 'phi';
    throw new MedguardError('MG_CONFIG_INVALID', `invalid PHI option ${field}: ${issue?.message ?? 'invalid'}`, { field });
  }
  return parsed.data;
}

/** Matching happens on the clean form (fullwidth digits folded, invisibles removed); offsets map back to the input. */
function detectInView(view: TextView, options: PhiOptions): PhiSpan[] {
  const clean = view.form('clean');
  const spans = scanPhi(clean.text, options);
  const out: PhiSpan[] = new Array<PhiSpan>(spans.length);
  // A plain loop and literal (same key order as the spans): map with a spread per span was a few
  // per cent of the deid pipeline on 1 MB.
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i] as PhiSpan;
    const root = clean.toRoot(s.start, s.end);
    out[i] = { start: root.start, end: root.end, type: s.type, score: s.score, rule: s.rule };
  }
  return out;
}

/** PHI spans in `text`, sorted by start; offsets are UTF-16 offsets into `text`. */
export function detectPhi(text: string, options?: PhiOptions): PhiSpan[] {
  const opts = validate(options);
  return detectInView(createRootView(text), opts);
}

const HIGH: ReadonlySet<PhiType> = new Set(['SSN', 'KR_RRN', 'KR_FRN', 'CREDIT_CARD', 'ACCOUNT', 'MRN', 'HEALTH_PLAN_ID']);

function severityOf(type: PhiType): Severity {
  return HIGH.has(type) ? 'high' : 'medium';
}

// The same few dozen type/rule pairs recur thousands of times on a long text: built once each.
const explanations = new Map<string, string>();

function explanationOf(type: PhiType, rule: string): string {
  const key = `${type} ${rule}`;
  let e = explanations.get(key);
  if (e === undefined) {
    e = `possible ${type.toLowerCase().replace(/_/g, ' ')} (rule ${rule})`;
    if (explanations.size < 1000) explanations.set(key, e);
  }
  return e;
}

export function createPhiFamily(options: PhiOptions = {}): FamilyBundle {
  const opts = validate(options);
  const detector: Detector = {
    id: 'phi.rules',
    family: 'phi',
    modes: MODES,
    decodedLayers: false,
    detect(input: TextView): Finding[] {
      return detectInView(input, opts).map((s) => ({
        family: 'phi',
        kind: `phi.${s.type}`,
        detector: 'phi.rules',
        start: s.start,
        end: s.end,
        score: s.score,
        severity: severityOf(s.type),
        explanation: explanationOf(s.type, s.rule),
        rule: s.rule,
      }));
    },
  };
  return { detectors: [detector] };
}
