/**
 * Per-row checks: instructions addressed to a model (the engine's injection detector in
 * `document` mode: training text is content nobody typed at the model; system prompts in
 * `prompt` mode) and PHI (the PHI
 * detector). Results are cached per distinct text, because fine-tuning sets repeat the same
 * system prompts and boilerplate on every row.
 */
import type { Severity } from '../../../core/types.js';
import { createInspector } from '../../../inspect.js';
import type { Pipeline } from '../../../core/pipeline.js';
import { detectPhi, type PhiType } from '../../../detect/phi/index.js';
import type { DatasetRow, RowReason, RowText } from '../types.js';
import { needsInjectionScan, needsPhiScan } from './screen.js';
import { Key53, key53 } from '../keys.js';
import { KeyCache } from '../cache.js';

export interface RowCheckOptions {
  readonly fullInjection: boolean;
  readonly fullPhi: boolean;
}

interface TextVerdict {
  readonly injection?: { readonly score: number; readonly severity: Severity; readonly kinds: readonly string[] };
  readonly phi?: { readonly types: readonly PhiType[]; readonly score: number };
}

/** Distinct texts remembered; past this the cache is cleared (bounded memory, still correct). */
const CACHE_LIMIT = 50_000;
/** Types that are PHI in training data; URL alone is a link, judged by the injection check. */
const NOT_PHI: ReadonlySet<PhiType> = new Set(['URL']);
const RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

export class RowChecker {
  private readonly injection: Pipeline = createInspector({ families: ['injection'] });
  private readonly cache = new KeyCache<TextVerdict>(CACHE_LIMIT);
  private readonly key = new Key53();
  texts = 0;
  injectionInspected = 0;
  phiInspected = 0;

  constructor(private readonly options: RowCheckOptions) {}

  private verdict(text: string, role: RowText['role']): TextVerdict {
    // The mode is part of the key (key53 of U+0000 and the text, without building that string): one
    // text may be a system prompt in one row and a turn in another.
    const key = role === 'system' ? this.key.reset().char(0).text(text).value() : key53(text);
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    let injection: TextVerdict['injection'];
    if (this.options.fullInjection || needsInjectionScan(text)) {
      this.injectionInspected += 1;
      // A system prompt is an instruction to the model by design (an operator wrote it), so it is
      // judged as a prompt: override and jailbreak attempts, not merely addressing the model.
      // Every other text is content the model learns from, nobody typed at it: document mode.
      const report = this.injection.inspect(text, { mode: role === 'system' ? 'prompt' : 'document' });
      const a = report.assessments.injection;
      // The assessor scores instruction-likeness of the whole text; alone it flags ordinary
      // system prompts ("You are a clinical assistant...") and short request-like notes ("Portal
      // message: wants advice on..."). A row is reported only when a detector also found a span.
      if (a?.flagged === true && report.findings.length > 0) {
        const worst = report.findings.reduce<Severity>((s, f) => (RANK[f.severity] > RANK[s] ? f.severity : s), 'medium');
        injection = { score: a.score, severity: worst, kinds: [...new Set(report.findings.map((f) => f.kind))].sort() };
      }
    }
    let phi: TextVerdict['phi'];
    if (this.options.fullPhi || needsPhiScan(text)) {
      this.phiInspected += 1;
      const spans = detectPhi(text).filter((s) => !NOT_PHI.has(s.type));
      if (spans.length > 0) phi = { types: [...new Set(spans.map((s) => s.type))].sort(), score: Math.max(...spans.map((s) => s.score)) };
    }
    const v: TextVerdict = { ...(injection ? { injection } : {}), ...(phi ? { phi } : {}) };
    this.cache.set(key, v);
    return v;
  }

  check(row: DatasetRow): RowReason[] {
    const reasons: RowReason[] = [];
    for (const t of row.texts) {
      if (t.text.length === 0) continue;
      this.texts += 1;
      const v = this.verdict(t.text, t.role);
      if (v.injection) reasons.push(injectionReason(t, v.injection));
      if (v.phi) {
        reasons.push({
          technique: 'dataset.phi',
          severity: 'medium',
          score: Math.min(0.9, 0.5 + v.phi.score * 0.4),
          // Types only: the values themselves never leave the detector.
          explanation: `${roleName(t.role)} contains PHI (${v.phi.types.join(', ')}); training on it can make a model repeat it`,
          role: t.role,
        });
      }
    }
    return reasons;
  }
}

function roleName(role: RowText['role']): string {
  return role === 'assistant' ? 'the answer' : role === 'system' ? 'the system prompt' : role === 'label' ? 'the label' : role === 'input' ? 'the input' : 'the user turn';
}

function injectionReason(t: RowText, inj: NonNullable<TextVerdict['injection']>): RowReason {
  // An instruction in the answer or the system prompt teaches the model to obey or emit it: worse
  // than one in a user turn, which could be a (rare) example of an attack the model should refuse.
  const where = t.role === 'assistant' || t.role === 'system' || t.role === 'label' ? 'high' : 'medium';
  const severity: Severity = RANK[inj.severity] > RANK[where] ? inj.severity : where;
  return {
    technique: 'dataset.injected_instruction',
    severity,
    score: Math.min(1, Math.max(0.6, inj.score)),
    explanation: `${roleName(t.role)} carries an instruction addressed to the model (${inj.kinds.join(', ') || 'injection classifier'})`,
    role: t.role,
  };
}
